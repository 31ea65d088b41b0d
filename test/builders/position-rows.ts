import BetterSqlite3, { type Database } from 'better-sqlite3-multiple-ciphers';
import { affiliationOf, dimensionOf } from '../../shared/cot-type';
import { migrate } from '../../electron/core/store/migrate';
import { migrations } from '../../electron/core/store/migrations';

/** One decoded entity of a cached record, as the review tables keep it. */
export interface CachedFix {
  readonly uid: string;
  readonly callsign: string | null;
  readonly cotType: string;
  readonly time: number;
  readonly lat: number;
  readonly lon: number;
}

/** A cached record: its stream, its fixes and the free text that search indexes. */
export interface CachedRecord {
  readonly source: string;
  readonly topic: string;
  readonly fixes: readonly CachedFix[];
  readonly remarks: string | null;
  readonly text: string | null;
}

export const T0 = Date.UTC(2026, 10, 26, 6, 0, 0);

export function aCachedFix(overrides: Partial<CachedFix> = {}): CachedFix {
  return { uid: 'entity-1', callsign: 'ALPHA 1', cotType: 'a-f-G-U-C', time: T0, lat: 40, lon: 9, ...overrides };
}

export function aCachedRecord(overrides: Partial<CachedRecord> = {}): CachedRecord {
  return { source: 'kafka-1', topic: 'cot', fixes: [aCachedFix()], remarks: null, text: null, ...overrides };
}

/** Writes cached records straight into the review tables of migration 0008, without the ingest path. */
export interface PositionRows {
  /** Adds one record and its fixes; returns the record's id. */
  add(record: CachedRecord): number;
}

/** A fresh in-memory cache at the newest schema. */
export function aMigratedCache(): Database {
  const db = new BetterSqlite3(':memory:');
  migrate(db, migrations);
  return db;
}

export function positionRowsIn(db: Database): PositionRows {
  const insertRecord = db.prepare<[string, string, number, number, number, string, number, string]>(`
    INSERT INTO records (source, topic, partition, "offset", timestamp, received_at, value, uid, event_time, decoded)
    VALUES (?, ?, 0, ?, ?, ?, x'00', ?, ?, ?)`);
  const insertEntity = db.prepare<[string, string | null, string, number, number]>(
    'INSERT INTO entities (uid, callsign, cot_type, first_time, last_time) VALUES (?, ?, ?, ?, ?)',
  );
  const updateEntity = db.prepare<[string | null, string, number, number]>('UPDATE entities SET callsign = ?, cot_type = ?, last_time = ? WHERE id = ?');
  const insertKind = db.prepare<[string, string, string]>('INSERT INTO cot_types (cot_type, affiliation, dimension) VALUES (?, ?, ?)');
  const insertLabel = db.prepare<[string]>('INSERT INTO callsigns (callsign) VALUES (?)');
  const insertStream = db.prepare<[string, string]>('INSERT INTO streams (source, topic) VALUES (?, ?)');
  const countStream = db.prepare<[number]>('UPDATE streams SET records = records + 1, bytes = bytes + 1 WHERE id = ?');
  const insertFix = db.prepare<[number, number, number, number, number | null, number, number, number]>(`
    INSERT INTO positions (time, entity, record_id, kind, label, stream, lat, lon) VALUES (?, ?, ?, ?, ?, ?, ?, ?)`);
  // Minutes of fix time, so a window of fix times maps to the records holding them.
  const noteMinute = db.prepare<[number, number, number]>(`
    INSERT INTO record_minutes (minute, first_record, last_record) VALUES (?, ?, ?)
    ON CONFLICT (minute) DO UPDATE SET first_record = min(first_record, excluded.first_record), last_record = max(last_record, excluded.last_record)`);
  const insertText = db.prepare<[number, string | null, string | null]>('INSERT INTO records_fts (rowid, remarks, text) VALUES (?, ?, ?)');

  const entities = new Map<string, { id: number; lastTime: number }>();
  const kinds = new Map<string, number>();
  const labels = new Map<string, number>();
  const streams = new Map<string, number>();
  let offset = 0;

  const idOf = <K>(known: Map<K, number>, key: K, insert: () => { lastInsertRowid: number | bigint }): number => {
    let id = known.get(key);
    if (id === undefined) {
      id = Number(insert().lastInsertRowid);
      known.set(key, id);
    }
    return id;
  };

  const entityOf = (fix: CachedFix): number => {
    const known = entities.get(fix.uid);
    if (known === undefined) {
      const id = Number(insertEntity.run(fix.uid, fix.callsign, fix.cotType, fix.time, fix.time).lastInsertRowid);
      entities.set(fix.uid, { id, lastTime: fix.time });
      return id;
    }
    if (fix.time >= known.lastTime) {
      updateEntity.run(fix.callsign, fix.cotType, fix.time, known.id);
      known.lastTime = fix.time;
    }
    return known.id;
  };

  return {
    add(record) {
      const first = record.fixes[0];
      const decoded = record.fixes.map((fix) => [fix.uid, fix.cotType, fix.callsign, fix.lat, fix.lon, null, null, null, fix.time, null]);
      offset += 1;
      const time = first?.time ?? T0;
      const recordId = Number(
        insertRecord.run(record.source, record.topic, offset, time, time, first?.uid ?? '', time, JSON.stringify(decoded)).lastInsertRowid,
      );
      const stream = idOf(streams, `${record.source}\n${record.topic}`, () => insertStream.run(record.source, record.topic));
      countStream.run(stream);
      for (const fix of record.fixes) {
        const kind = idOf(kinds, fix.cotType, () => insertKind.run(fix.cotType, affiliationOf(fix.cotType), dimensionOf(fix.cotType)));
        const label = fix.callsign === null ? null : idOf(labels, fix.callsign, () => insertLabel.run(fix.callsign ?? ''));
        insertFix.run(fix.time, entityOf(fix), recordId, kind, label, stream, fix.lat, fix.lon);
        const minute = Math.floor(fix.time / 60_000);
        noteMinute.run(minute, recordId, recordId);
      }
      if (record.remarks !== null || record.text !== null) insertText.run(recordId, record.remarks, record.text);
      return recordId;
    },
  };
}
