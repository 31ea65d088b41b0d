import { createHash } from 'node:crypto';
import type { Track } from '../../../shared/domain';
import type { ProjectableField } from '../../../shared/forwarding';
import type { Precedence } from '../../../shared/outbox';
import type { ForwardMessage } from './decimation';

/** Where a forwarded position was read, as the message carries it unless projected out. */
export interface ForwardedRecord {
  readonly profileId: string;
  readonly topic: string;
  readonly partition: number;
  readonly offset: string;
  /** The record's value as received; absent when `raw` is projected out, so it is never read. */
  readonly value: Uint8Array | null;
}

export interface PositionContext {
  readonly ruleId: string;
  readonly precedence: Precedence;
  readonly classification: string;
  readonly dropFields: ReadonlySet<ProjectableField>;
  readonly createdAt: number;
}

const SUMMARY_CHARACTERS = 200;
const utf8 = new TextDecoder('utf-8', { fatal: true });

/**
 * The JSON a forwarded position goes as, beside Outpost's other JSON messages: `id`, `kind`
 * ("position"), `rule`, `precedence`, `classification`, `createdAt`, then the position (`uid`,
 * `time`, `lat`, `lon`, and unless projected out `hae`, `course`, `speed`, `callsign`, `type`),
 * `source` (profile, topic, partition, offset) and `raw` (the record as text, or `rawBase64` when it
 * is not UTF-8). The id is derived from the rule, the record and the entity, so a position queued
 * again after a crash, or sent twice, carries the same id.
 */
export function forwardMessage(track: Track, record: ForwardedRecord, context: PositionContext): ForwardMessage {
  const id = forwardMessageId(context.ruleId, record, track.uid);
  const keep = (field: ProjectableField): boolean => !context.dropFields.has(field);
  const body: Record<string, unknown> = {
    id,
    kind: 'position',
    rule: context.ruleId,
    precedence: context.precedence,
    classification: context.classification,
    createdAt: context.createdAt,
    uid: track.uid,
    time: track.time,
    lat: track.lat,
    lon: track.lon,
  };
  if (keep('hae')) body['hae'] = track.hae;
  if (keep('course')) body['course'] = track.course;
  if (keep('speed')) body['speed'] = track.speed;
  if (keep('callsign')) body['callsign'] = track.callsign;
  if (keep('type')) body['type'] = track.cotType;
  if (keep('source')) body['source'] = { profile: record.profileId, topic: record.topic, partition: record.partition, offset: record.offset };
  if (keep('raw') && record.value !== null) Object.assign(body, rawField(record.value));
  return {
    id,
    uid: track.uid,
    time: track.time,
    payload: new TextEncoder().encode(JSON.stringify(body)),
    summary: `${track.callsign ?? track.uid} at ${track.lat.toFixed(5)}, ${track.lon.toFixed(5)}, ${new Date(track.time).toISOString()}`.slice(0, SUMMARY_CHARACTERS),
  };
}

function rawField(value: Uint8Array): { raw: string } | { rawBase64: string } {
  try {
    return { raw: utf8.decode(value) };
  } catch {
    return { rawBase64: Buffer.from(value).toString('base64') };
  }
}

/** A UUID (version 8, the variant for custom derivations) from a SHA-256 of what makes the position unique. */
function forwardMessageId(ruleId: string, record: ForwardedRecord, uid: string): string {
  const digest = createHash('sha256').update([ruleId, record.profileId, record.topic, record.partition, record.offset, uid].join('\u0000')).digest();
  const bytes = Buffer.from(digest.subarray(0, 16));
  bytes[6] = (bytes[6]! & 0x0f) | 0x80;
  bytes[8] = (bytes[8]! & 0x3f) | 0x80;
  const hex = bytes.toString('hex');
  return `${hex.slice(0, 8)}-${hex.slice(8, 12)}-${hex.slice(12, 16)}-${hex.slice(16, 20)}-${hex.slice(20)}`;
}
