import type { Database } from 'better-sqlite3-multiple-ciphers';
import { affiliationOf, dimensionOf } from '../../shared/cot-type';
import { encodeCot } from '../../electron/core/cot/encode-cot';

/** One cached fix, as a test spells it out; each becomes a record of its own. */
export interface CachedFix {
  readonly uid: string;
  readonly callsign: string | null;
  readonly cotType: string;
  readonly time: number;
  readonly lat: number;
  readonly lon: number;
  readonly hae: number | null;
  readonly course: number | null;
  readonly speed: number | null;
  readonly stale: number | null;
  readonly source: string;
  readonly topic: string;
  /** When the record arrived; the fix's time when left out. */
  readonly receivedAt?: number;
}

const defaults: CachedFix = {
  uid: 'test-unit-1',
  callsign: 'ALPHA 1',
  cotType: 'a-f-G-U-C-I',
  time: Date.UTC(2026, 10, 26, 6, 0, 0),
  lat: 40.1,
  lon: 9.0,
  hae: 120,
  course: 90,
  speed: 5,
  stale: Date.UTC(2026, 10, 26, 6, 1, 0),
  source: 'edge',
  topic: 'cot',
};

/** Given a fix "like this one, but…". */
export function aCachedFix(overrides: Partial<CachedFix> = {}): CachedFix {
  return { ...defaults, ...overrides };
}

/**
 * Writes fixes straight into a migrated cache, as the ingest writer fills the 0008 tables: a
 * record per fix (its raw CoT, its decoded entity), the dictionaries, the fix row, the minute's
 * record range, and the stream's and cache's totals. Tests of export and retention use it to stand apart from the ingest path.
 */
export function insertCachedFixes(db: Database, fixes: readonly CachedFix[]): void {
  const upsertEntity = db.prepare<[string, string | null, string, number, number], number>(`
    INSERT INTO entities (uid, callsign, cot_type, first_time, last_time) VALUES (?, ?, ?, ?, ?)
    ON CONFLICT(uid) DO UPDATE SET callsign = excluded.callsign, cot_type = excluded.cot_type,
      first_time = min(first_time, excluded.first_time), last_time = max(last_time, excluded.last_time)
    RETURNING id`).pluck();
  const upsertType = db.prepare<[string, string, string], number>(`
    INSERT INTO cot_types (cot_type, affiliation, dimension) VALUES (?, ?, ?)
    ON CONFLICT(cot_type) DO UPDATE SET cot_type = excluded.cot_type RETURNING id`).pluck();
  const upsertCallsign = db.prepare<[string], number>(`
    INSERT INTO callsigns (callsign) VALUES (?) ON CONFLICT(callsign) DO UPDATE SET callsign = excluded.callsign RETURNING id`).pluck();
  const upsertStream = db.prepare<[string, string, number], number>(`
    INSERT INTO streams (source, topic, records, bytes) VALUES (?, ?, 1, ?)
    ON CONFLICT(source, topic) DO UPDATE SET records = records + 1, bytes = bytes + excluded.bytes RETURNING id`).pluck();
  const nextOffset = db.prepare<[string, string], number>(`SELECT coalesce(max("offset") + 1, 0) FROM records WHERE source = ? AND topic = ?`).pluck();
  const insertRecord = db.prepare<[string, string, number, number, number, Buffer, string, number, string], number>(`
    INSERT INTO records (source, topic, partition, "offset", timestamp, received_at, value, uid, event_time, decoded)
    VALUES (?, ?, 0, ?, ?, ?, ?, ?, ?, ?) RETURNING id`).pluck();
  const insertPosition = db.prepare(`
    INSERT INTO positions (time, entity, record_id, kind, label, stream, lat, lon, hae, course, speed, stale)
    VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)`);
  const countRecords = db.prepare("UPDATE counters SET value = value + 1 WHERE name IN ('records', 'fixes')");
  const noteMinute = db.prepare(`
    INSERT INTO record_minutes (minute, first_record, last_record) VALUES (?, ?, ?)
    ON CONFLICT(minute) DO UPDATE SET first_record = min(first_record, excluded.first_record), last_record = max(last_record, excluded.last_record)`);

  db.transaction(() => {
    for (const fix of fixes) {
      const value = Buffer.from(
        encodeCot({ uid: fix.uid, type: fix.cotType, how: 'm-g', time: fix.time, start: fix.time, stale: fix.stale ?? fix.time + 60_000, lat: fix.lat, lon: fix.lon, hae: fix.hae, ce: null, le: null, callsign: fix.callsign, course: fix.course, speed: fix.speed, remarks: null }),
      );
      const decoded = JSON.stringify([[fix.uid, fix.cotType, fix.callsign, fix.lat, fix.lon, fix.hae, fix.course, fix.speed, fix.time, fix.stale]]);
      const offset = nextOffset.get(fix.source, fix.topic) ?? 0;
      const recordId = insertRecord.get(fix.source, fix.topic, offset, fix.time, fix.receivedAt ?? fix.time, value, fix.uid, fix.time, decoded) as number;
      countRecords.run();
      noteMinute.run(Math.floor((fix.receivedAt ?? fix.time) / 60_000), recordId, recordId);
      const entity = upsertEntity.get(fix.uid, fix.callsign, fix.cotType, fix.time, fix.time) as number;
      const kind = upsertType.get(fix.cotType, affiliationOf(fix.cotType), dimensionOf(fix.cotType)) as number;
      const label = fix.callsign === null ? null : (upsertCallsign.get(fix.callsign) as number);
      const stream = upsertStream.get(fix.source, fix.topic, value.length) as number;
      insertPosition.run(fix.time, entity, recordId, kind, label, stream, fix.lat, fix.lon, fix.hae, fix.course, fix.speed, fix.stale);
    }
  })();
}

/** `count` fixes of `entities` units, one every `everyMs`, moving north-east in a line. */
export function fixesAlongARoute(options: { readonly count: number; readonly entities: number; readonly from: number; readonly everyMs: number }): CachedFix[] {
  return Array.from({ length: options.count }, (_, index) => {
    const time = options.from + index * options.everyMs;
    const unit = index % options.entities;
    return aCachedFix({
      uid: `unit-${unit}`,
      callsign: `UNIT ${unit}`,
      cotType: unit % 2 === 0 ? 'a-f-G-U-C-I' : 'a-h-A-M-F',
      time,
      lat: 40 + index * 1e-4,
      lon: 9 + index * 1e-4,
      stale: time + 60_000,
    });
  });
}
