import { XMLParser, XMLValidator } from 'fast-xml-parser';
import { COT_UNKNOWN } from '../../cot/cot-event';
import type { DecodeResult, DecodedEntity } from '../decoded-entity';

const utf8 = new TextDecoder('utf-8', { fatal: true });

// Entities stay literal: expanding them is how XML bombs and external-entity reads happen.
const parser = new XMLParser({
  ignoreAttributes: false,
  attributeNamePrefix: '',
  processEntities: false,
  parseAttributeValue: false,
  parseTagValue: false,
  trimValues: true,
});

type XmlNode = Record<string, unknown>;

/** Decodes one Cursor-on-Target XML `<event>` into the entity it reports. */
export function decodeCot(value: Uint8Array): DecodeResult {
  let text: string;
  try {
    text = utf8.decode(value);
  } catch {
    return failure('the record is not valid UTF-8 text');
  }
  if (/<!DOCTYPE|<!ENTITY/i.test(text)) return failure('the record declares a DTD or entities, which Outpost refuses');
  const validation = XMLValidator.validate(text);
  if (validation !== true) return failure(`the record is not well-formed XML (${validation.err.msg})`);

  const root = parseXml(text);
  if (typeof root === 'string') return failure(`the record could not be read as XML (${root})`);
  const event = asNode(root['event']);
  if (event === null) return failure('the record has no CoT <event> element');
  const point = asNode(event['point']);
  if (point === null) return failure('the CoT event has no <point> element');

  const uid = decodeEntities(stringAttribute(event, 'uid') ?? '');
  if (uid === '') return failure('the CoT event has no uid');
  const cotType = stringAttribute(event, 'type');
  if (cotType === null || cotType === '') return failure(`the CoT event ${uid} has no type`);
  const lat = numberAttribute(point, 'lat');
  const lon = numberAttribute(point, 'lon');
  if (lat === null || lat < -90 || lat > 90) return failure(`the CoT event ${uid} has no valid latitude`);
  if (lon === null || lon < -180 || lon > 180) return failure(`the CoT event ${uid} has no valid longitude`);
  const time = timeAttribute(event, 'time');
  if (time === null) return failure(`the CoT event ${uid} has no valid time`);

  const detail = asNode(event['detail']);
  const contact = detail === null ? null : asNode(detail['contact']);
  const track = detail === null ? null : asNode(detail['track']);
  const callsign = contact === null ? null : stringAttribute(contact, 'callsign');
  const remarks = detail === null ? null : textOf(detail['remarks']);

  const entity: DecodedEntity = {
    uid,
    cotType: decodeEntities(cotType),
    callsign: callsign === null || callsign === '' ? null : decodeEntities(callsign),
    lat,
    lon,
    hae: knownOrNull(numberAttribute(point, 'hae')),
    course: track === null ? null : numberAttribute(track, 'course'),
    speed: track === null ? null : numberAttribute(track, 'speed'),
    time,
    stale: timeAttribute(event, 'stale'),
    remarks: remarks === null || remarks === '' ? null : decodeEntities(remarks),
  };
  return { ok: true, entities: [entity] };
}

// The validator lets through some input the parser then rejects by throwing (a malformed
// <?xml ?> declaration, nesting deeper than the parser allows); that is the record's fault, not ours.
function parseXml(text: string): XmlNode | string {
  try {
    return parser.parse(text) as XmlNode;
  } catch (error) {
    if (error instanceof Error) return error.message;
    throw error;
  }
}

function failure(error: string): DecodeResult {
  return { ok: false, error };
}

function asNode(value: unknown): XmlNode | null {
  if (Array.isArray(value)) return asNode(value[0]);
  return typeof value === 'object' && value !== null ? (value as XmlNode) : null;
}

/** An element's text, whether the element carries attributes (parsed as a node) or not (a string). */
function textOf(value: unknown): string | null {
  if (Array.isArray(value)) return textOf(value[0]);
  if (typeof value === 'string') return value;
  const node = asNode(value);
  return node === null ? null : stringAttribute(node, '#text');
}

function stringAttribute(node: XmlNode, name: string): string | null {
  const value = node[name];
  return typeof value === 'string' ? value : null;
}

function numberAttribute(node: XmlNode, name: string): number | null {
  const text = stringAttribute(node, name);
  if (text === null || text.trim() === '') return null;
  const value = Number(text);
  return Number.isFinite(value) ? value : null;
}

function timeAttribute(node: XmlNode, name: string): number | null {
  const text = stringAttribute(node, name);
  if (text === null) return null;
  const value = Date.parse(text);
  return Number.isFinite(value) && value >= 0 ? value : null;
}

function knownOrNull(value: number | null): number | null {
  return value === null || value === COT_UNKNOWN ? null : value;
}

const predefinedEntities: Readonly<Record<string, string>> = {
  amp: '&',
  lt: '<',
  gt: '>',
  quot: '"',
  apos: "'",
};

/** Only XML's five predefined entities and character references; nothing a document could declare. */
function decodeEntities(text: string): string {
  return text.replace(/&(#x[0-9a-fA-F]+|#\d+|[a-z]+);/g, (whole, name: string) => {
    if (name.startsWith('#x')) return safeCodePoint(Number.parseInt(name.slice(2), 16)) ?? whole;
    if (name.startsWith('#')) return safeCodePoint(Number.parseInt(name.slice(1), 10)) ?? whole;
    return predefinedEntities[name] ?? whole;
  });
}

function safeCodePoint(codePoint: number): string | null {
  return codePoint > 0 && codePoint <= 0x10ffff ? String.fromCodePoint(codePoint) : null;
}
