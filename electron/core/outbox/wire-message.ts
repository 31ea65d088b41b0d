import type { IHeaders } from 'kafkajs';
import type { MarkerKind, OutboxContent, OutboxDraft, OutboxMessage, Precedence } from '../../../shared/outbox';
import { encodeCot } from '../cot/encode-cot';

/** CoT types for markers, so TAK clients draw each with its usual symbol. */
export const MARKER_COT_TYPES: Readonly<Record<MarkerKind, string>> = {
  spot: 'b-m-p-s-m',
  hostile: 'a-h-G',
  neutral: 'a-n-G',
  unknown: 'a-u-G',
};

/** The CoT type of a free-text message: a bit of text, tagged as a free-text report (b-t-f). */
export const TEXT_COT_TYPE = 'b-t-f';

/** How long receivers should keep showing what an analyst sent. */
const STALE_AFTER_MS = 24 * 60 * 60 * 1000;

// Placed by a human on a map or keyboard, not measured by a sensor.
const HUMAN_ENTERED = 'h-g-i-g-o';

export const MESSAGE_ID_HEADER = 'outpost-msg-id';
export const PRECEDENCE_HEADER = 'outpost-precedence';

/**
 * The JSON wire form: one object per record, UTF-8.
 * - `id`: the message's uuid, also the record key and the `outpost-msg-id` header; a receiver that
 *   sees the same id twice (a resend after Outpost stopped mid-send) keeps only one.
 * - `precedence`: as queued; the `outpost-precedence` header carries the one it was sent with.
 * - `classification`: the marking, or null for none.
 * - `createdAt`: when the analyst queued it, epoch milliseconds.
 * - the content's fields: `kind: 'text'` with `text`, or `kind: 'marker'` with `marker`, `lat`,
 *   `lon`, `label` and `remarks`.
 */
export type JsonWireMessage = {
  readonly id: string;
  readonly precedence: Precedence;
  readonly classification: string | null;
  readonly createdAt: number;
} & OutboxContent;

/** The bytes a draft goes on the wire as, in its format. Stored once, so every attempt sends the same bytes. */
export function encodeWireMessage(draft: OutboxDraft, id: string, createdAt: number): Uint8Array {
  const text = draft.format === 'cot' ? encodeCotMessage(draft, id, createdAt) : encodeJsonMessage(draft, id, createdAt);
  return new TextEncoder().encode(text);
}

/** The record key and headers; the precedence is the message's current one, which may have changed since it was queued. */
export function wireKeyAndHeaders(message: Pick<OutboxMessage, 'id' | 'precedence'>): { key: string; headers: IHeaders } {
  return { key: message.id, headers: { [MESSAGE_ID_HEADER]: message.id, [PRECEDENCE_HEADER]: message.precedence } };
}

function encodeJsonMessage(draft: OutboxDraft, id: string, createdAt: number): string {
  const message: JsonWireMessage = { id, precedence: draft.precedence, classification: draft.classification, createdAt, ...draft.content };
  return JSON.stringify(message);
}

/**
 * The event uid is the message id, so CoT receivers dedupe a resend as an update of the same event.
 * CoT has no classification field every receiver shows, so the marking opens the remarks, the
 * way a banner opens a written message.
 */
function encodeCotMessage(draft: OutboxDraft, id: string, createdAt: number): string {
  const { content, classification } = draft;
  const common = { uid: id, how: HUMAN_ENTERED, time: createdAt, start: createdAt, stale: createdAt + STALE_AFTER_MS, hae: null, ce: null, le: null, course: null, speed: null };
  if (content.kind === 'text') {
    // A report with no place of its own sits at 0,0 with unknown error, as GeoChat does.
    return encodeCot({ ...common, type: TEXT_COT_TYPE, lat: 0, lon: 0, callsign: null, remarks: withMarking(classification, content.text) });
  }
  return encodeCot({
    ...common,
    type: MARKER_COT_TYPES[content.marker],
    lat: content.lat,
    lon: content.lon,
    callsign: content.label,
    remarks: content.remarks === null && classification === null ? null : withMarking(classification, content.remarks ?? ''),
  });
}

function withMarking(classification: string | null, text: string): string {
  if (classification === null) return text;
  return text === '' ? classification : `${classification} // ${text}`;
}
