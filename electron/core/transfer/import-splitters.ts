import { createInterface } from 'node:readline';
import type { Readable } from 'node:stream';

/** Each non-empty line, without its line break. */
export async function* linesOf(input: Readable): AsyncGenerator<string> {
  for await (const line of createInterface({ input, crlfDelay: Infinity })) {
    if (line.trim() !== '') yield line;
  }
}

/**
 * The features of Outpost's own GeoJSON export: one per line between the opening line and the
 * closing one. A line that is not a feature still comes out, so the decoder quarantines it with
 * its reason rather than the import dropping it unseen.
 */
export async function* outpostGeoJsonFeaturesOf(input: Readable): AsyncGenerator<string> {
  let first = true;
  for await (const line of linesOf(input)) {
    const opening = first && line.startsWith('{"type":"FeatureCollection"');
    first = false;
    if (opening || line.startsWith(']')) continue;
    yield line.endsWith(',') ? line.slice(0, -1) : line;
  }
}

const EVENT_TAG = '<event';
const EVENT_CLOSE = '</event>';

/**
 * Each `<event>…</event>` or `<event …/>` element in a stream of XML text, whatever wraps them.
 * Memory stays within about `maxChars`: an event longer than that comes out cut short, so ingest
 * quarantines it as too large, and the scan goes on from the next event.
 */
export async function* cotEventsOf(input: Readable, maxChars: number): AsyncGenerator<string> {
  input.setEncoding('utf8');
  let buffer = '';
  for await (const chunk of input as AsyncIterable<string>) {
    buffer += chunk;
    let position = 0;
    for (;;) {
      const start = eventStart(buffer, position);
      if (start < 0) {
        // Keep a tail that may be the first letters of the next tag.
        position = Math.max(position, buffer.length - EVENT_TAG.length);
        break;
      }
      const end = eventEnd(buffer, start);
      if (end >= 0) {
        yield buffer.slice(start, end);
        position = end;
        continue;
      }
      if (buffer.length - start > maxChars) {
        yield buffer.slice(start, start + maxChars + 1);
        position = start + 1;
        continue;
      }
      position = start;
      break;
    }
    buffer = buffer.slice(position);
  }
  const unfinished = eventStart(buffer, 0);
  if (unfinished >= 0) yield buffer.slice(unfinished);
}

/** Where the next `<event` tag starts (not `<events`), or -1. */
function eventStart(text: string, from: number): number {
  for (let at = text.indexOf(EVENT_TAG, from); at >= 0; at = text.indexOf(EVENT_TAG, at + 1)) {
    const next = text[at + EVENT_TAG.length];
    if (next === undefined) return -1;
    if (next === ' ' || next === '\t' || next === '\n' || next === '\r' || next === '>' || next === '/') return at;
  }
  return -1;
}

/** Just past the element that starts at `start`, or -1 when it has not all arrived yet. */
function eventEnd(text: string, start: number): number {
  const tagEnd = text.indexOf('>', start);
  if (tagEnd < 0) return -1;
  if (text[tagEnd - 1] === '/') return tagEnd + 1;
  const close = text.indexOf(EVENT_CLOSE, tagEnd);
  return close < 0 ? -1 : close + EVENT_CLOSE.length;
}
