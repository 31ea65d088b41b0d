import BetterSqlite3, { type Database } from 'better-sqlite3-multiple-ciphers';
import type { Track } from '../../shared/domain';
import { affiliationOf, dimensionOf } from '../../shared/cot-type';
import type { CotEvent } from '../../electron/core/cot/cot-event';
import { encodeCot } from '../../electron/core/cot/encode-cot';
import { createIngestWriter } from '../../electron/core/store/ingest-writer';
import { migrate } from '../../electron/core/store/migrate';
import { migrations } from '../../electron/core/store/migrations';
import type { StoredRecord } from '../../electron/core/store/store';

export const T0 = Date.UTC(2026, 10, 26, 6, 0, 0);
const MINUTE = 60_000;

/** One entity's fix as a cached record holds it; what is left out was not reported. */
export interface CachedFix {
  readonly uid: string;
  readonly callsign: string | null;
  readonly cotType: string;
  readonly time: number;
  readonly lat: number;
  readonly lon: number;
  readonly hae?: number | null;
  readonly course?: number | null;
  readonly speed?: number | null;
  readonly stale?: number | null;
}

/** A cached record: its stream, its fixes and the words that free-text search indexes. */
export interface CachedRecord {
  readonly source: string;
  readonly topic: string;
  readonly fixes: readonly CachedFix[];
  readonly remarks: string | null;
  readonly text: string | null;
  /** When the record arrived; its first fix's time when left out. */
  readonly receivedAt?: number;
}

/** Given a fix "like this one, but…": a full report that goes stale a minute after its time. */
export function aCachedFix(overrides: Partial<CachedFix> = {}): CachedFix {
  const time = overrides.time ?? T0;
  return { uid: 'unit-1', callsign: 'ALPHA 1', cotType: 'a-f-G-U-C-I', time, lat: 40.1, lon: 9, hae: 120, course: 90, speed: 5, stale: time + MINUTE, ...overrides };
}

export function aCachedRecord(overrides: Partial<CachedRecord> = {}): CachedRecord {
  return { source: 'edge', topic: 'cot', fixes: [aCachedFix()], remarks: null, text: null, ...overrides };
}

/** Each fix in a record of its own, on one stream, as a feed of single CoT events caches them. */
export function recordPerFix(fixes: readonly CachedFix[], stream: Pick<CachedRecord, 'source' | 'topic'> = aCachedRecord()): CachedRecord[] {
  return fixes.map((fix) => aCachedRecord({ source: stream.source, topic: stream.topic, fixes: [fix] }));
}

/** `count` fixes of `entities` units reporting in turn, one every `everyMs`, moving north-east in a line. */
export function fixesAlongARoute(options: { readonly count: number; readonly entities: number; readonly from: number; readonly everyMs: number }): CachedFix[] {
  return Array.from({ length: options.count }, (_, index) => {
    const unit = index % options.entities;
    return aCachedFix({
      uid: `unit-${unit}`,
      callsign: `UNIT ${unit}`,
      cotType: unit % 2 === 0 ? 'a-f-G-U-C-I' : 'a-h-A-M-F',
      time: options.from + index * options.everyMs,
      lat: 40 + index * 1e-4,
      lon: 9 + index * 1e-4,
    });
  });
}

/** A fresh in-memory cache at the newest schema. */
export function aMigratedCache(): Database {
  const db = new BetterSqlite3(':memory:');
  migrate(db, migrations);
  return db;
}

/**
 * Caches `records` in order through the real ingest writer, so every table review, search and
 * export read is filled as a live feed would fill it; returns the records' ids. A record's raw
 * value is its first fix as CoT XML. Offsets go on from the last one each stream holds, so
 * records cached by earlier calls are never taken for redeliveries.
 */
export function cacheRecords(db: Database, records: readonly CachedRecord[]): number[] {
  const firstFreeOffset = db.prepare<[string, string], number>('SELECT coalesce(max("offset") + 1, 0) FROM records WHERE source = ? AND topic = ?').pluck();
  const nextOffsets = new Map<string, number>();
  const offsetFor = (record: CachedRecord): number => {
    const stream = `${record.source}\u0000${record.topic}`;
    const offset = nextOffsets.get(stream) ?? (firstFreeOffset.get(record.source, record.topic) as number);
    nextOffsets.set(stream, offset + 1);
    return offset;
  };
  const stored = records.map((record) => storedRecordOf(record, offsetFor(record)));

  const writer = createIngestWriter(db, () => T0);
  const outcome = writer.writeBatch({ records: stored, quarantined: [], alerts: [] });
  writer.flushTracks();
  if (outcome.storedRecords !== records.length) throw new Error(`Cached ${outcome.storedRecords} of ${records.length} records.`);

  const idAt = db.prepare<[string, string, number], number>('SELECT id FROM records WHERE source = ? AND topic = ? AND partition = 0 AND "offset" = ?').pluck();
  return stored.map((record) => idAt.get(record.source, record.topic, record.offset) as number);
}

function storedRecordOf(record: CachedRecord, offset: number): StoredRecord {
  const first = record.fixes[0];
  const receivedAt = record.receivedAt ?? first?.time ?? T0;
  const value = first === undefined ? record.text ?? '' : encodeCot(cotEventOf(first, record.remarks));
  const searchText = record.remarks === null && record.text === null ? null : { remarks: record.remarks, text: record.text };
  return {
    source: record.source,
    topic: record.topic,
    partition: 0,
    offset,
    timestamp: first?.time ?? receivedAt,
    receivedAt,
    key: null,
    headers: null,
    value: Buffer.from(value),
    subscriptionId: null,
    tracks: record.fixes.map((fix) => trackOf(fix, record)),
    searchText,
  };
}

function trackOf(fix: CachedFix, record: CachedRecord): Track {
  return {
    uid: fix.uid,
    callsign: fix.callsign,
    cotType: fix.cotType,
    affiliation: affiliationOf(fix.cotType),
    dimension: dimensionOf(fix.cotType),
    lat: fix.lat,
    lon: fix.lon,
    hae: fix.hae ?? null,
    course: fix.course ?? null,
    speed: fix.speed ?? null,
    time: fix.time,
    stale: fix.stale ?? null,
    source: record.source,
    topic: record.topic,
  };
}

function cotEventOf(fix: CachedFix, remarks: string | null): CotEvent {
  const { uid, cotType, time, lat, lon, callsign } = fix;
  return { uid, type: cotType, how: 'm-g', time, start: time, stale: fix.stale ?? time + MINUTE, lat, lon, hae: fix.hae ?? null, ce: null, le: null, callsign, course: fix.course ?? null, speed: fix.speed ?? null, remarks };
}
