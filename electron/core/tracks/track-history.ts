import { TRACK_HISTORY_DEFAULT_POINTS } from '../../../shared/contract';
import type { RawRecord, TrackHistory } from '../../../shared/domain';
import type { CachedRecordValue, Store } from '../store/store';

/** What the detail panel shows of one track: its state, its recent positions and its latest raw record. */
export function readTrackHistory(store: Store, uid: string, limit = TRACK_HISTORY_DEFAULT_POINTS): TrackHistory {
  const latest = store.latestRecordOf(uid);
  return {
    track: store.readTrack(uid),
    points: store.trackPoints(uid, limit),
    latestRaw: latest === null ? null : rawRecordOf(latest),
  };
}

const utf8 = new TextDecoder('utf-8', { fatal: true });
const TAB = 0x09;
const LINE_FEED = 0x0a;
const CARRIAGE_RETURN = 0x0d;
const DELETE = 0x7f;

/** Bytes below 0x80 never occur inside a multi-byte UTF-8 character, so each can be judged alone. */
function isControlByte(byte: number): boolean {
  return (byte < 0x20 && byte !== TAB && byte !== LINE_FEED && byte !== CARRIAGE_RETURN) || byte === DELETE;
}

export function rawRecordOf(record: CachedRecordValue): RawRecord {
  return {
    topic: record.topic,
    partition: record.partition,
    offset: record.offset,
    receivedAt: record.receivedAt,
    text: textOf(record.value),
    bytesBase64: Buffer.from(record.value.buffer, record.value.byteOffset, record.value.byteLength).toString('base64'),
    bytes: record.value.byteLength,
  };
}

function textOf(bytes: Uint8Array): string | null {
  // Valid UTF-8 can still be binary: protobuf and other framings are full of control bytes.
  if (bytes.some(isControlByte)) return null;
  try {
    return utf8.decode(bytes);
  } catch {
    return null;
  }
}
