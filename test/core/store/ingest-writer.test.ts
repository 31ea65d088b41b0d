import { join } from 'node:path';
import BetterSqlite3 from 'better-sqlite3-multiple-ciphers';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { createIngest } from '../../../electron/core/ingest/ingest';
import { createIngestWriter } from '../../../electron/core/store/ingest-writer';
import type { RawRecord } from '../../../electron/core/ingest/raw-record';
import { migrate } from '../../../electron/core/store/migrate';
import { migrations } from '../../../electron/core/store/migrations';
import { openDatabase } from '../../../electron/core/store/open-database';
import { createStore } from '../../../electron/core/store/store';
import type { RecordFormat } from '../../../shared/formats';
import { aCotRecord, textRecord } from '../../builders/raw-record-builder';
import { makeTempDir } from '../../support/temp-dir';
import { noRules } from '../../support/no-rules';

const KEY = 'c'.repeat(64);

describe('Given track states written behind the records', () => {
  let dir: ReturnType<typeof makeTempDir>;
  let file: string;
  beforeEach(() => {
    dir = makeTempDir();
    file = join(dir.path, 'cache.db');
  });
  afterEach(() => dir.remove());

  it('When the process dies before the tracks are flushed, Then the next start replays the records into them', () => {
    const now = { value: 1_000 };
    const crashed = openDatabase({ file, key: KEY });
    const ingest = createIngest({ writer: createIngestWriter(crashed, () => now.value), maxRecordBytes: 1 << 20, now: () => now.value, rules: noRules() });
    ingest([{ source: 'edge', subscriptionId: null, format: 'cot', mapping: null, records: [aCotRecord({ uid: 'late', lat: 41.5 }, { offset: 0 })] }]);
    expect(createStore(crashed).listTracks(10)).toEqual([]);
    crashed.close();

    const reopened = openDatabase({ file, key: KEY });
    createIngestWriter(reopened);
    expect(createStore(reopened).listTracks(10).map((t) => [t.uid, t.lat, t.affiliation, t.source])).toEqual([['late', 41.5, 'friend', 'edge']]);
    reopened.close();
  });

  it('When a second has passed since the last flush, Then the next batch writes the tracks in its own transaction', () => {
    const now = { value: 1_000 };
    const db = openDatabase({ file, key: KEY });
    const ingest = createIngest({ writer: createIngestWriter(db, () => now.value), maxRecordBytes: 1 << 20, now: () => now.value, rules: noRules() });
    const batch = (offset: number, uid: string) => [{ source: 'edge', subscriptionId: null, format: 'cot' as const, mapping: null, records: [aCotRecord({ uid }, { offset })] }];
    ingest(batch(0, 'a'));
    now.value += 1_000;
    ingest(batch(1, 'b'));
    expect(createStore(db).listTracks(10).map((t) => t.uid).sort()).toEqual(['a', 'b']);
    db.close();
  });
});

describe('Given records written with what review and search read of them', () => {
  const T0 = Date.UTC(2026, 10, 26, 6, 0, 0);
  let db: BetterSqlite3.Database;
  let ingest: ReturnType<typeof createIngest>;
  let arrival: number;
  const write = (source: string, records: readonly RawRecord[], format: RecordFormat = 'cot') =>
    ingest([{ source, subscriptionId: null, format, mapping: null, records }]);
  const rows = (sql: string): unknown[][] => db.prepare<[], unknown[]>(sql).raw().all();

  beforeEach(() => {
    db = new BetterSqlite3(':memory:');
    migrate(db, migrations);
    arrival = T0;
    ingest = createIngest({ writer: createIngestWriter(db, () => arrival), maxRecordBytes: 1 << 20, now: () => arrival, rules: noRules() });
  });
  afterEach(() => db.close());

  it('When CoT records arrive, Then each entity gets one fix row, pointing into dictionaries that hold each text once', () => {
    write('edge', [
      aCotRecord({ uid: 'alpha', callsign: 'ALPHA', type: 'a-f-G', time: T0, lat: 40.5, lon: 9.5, course: null, speed: null, hae: null, stale: T0 + 30_000 }, { offset: 0 }),
      aCotRecord({ uid: 'alpha', callsign: 'ALPHA', type: 'a-f-G', time: T0 + 1_000, lat: 40.6, lon: 9.6, course: 45, speed: 3, hae: 12 }, { offset: 1 }),
      aCotRecord({ uid: 'bravo', callsign: null, type: 'a-h-A', time: T0 + 500 }, { offset: 2 }),
    ]);
    expect(rows('SELECT time, entity, record_id, kind, label, stream, lat, lon, hae, course, speed, stale FROM positions ORDER BY time')).toEqual([
      [T0, 1, 1, 1, 1, 1, 40.5, 9.5, null, null, null, T0 + 30_000],
      [T0 + 500, 2, 3, 2, null, 1, 40.1, 9.0, 120, 90, 5, Date.UTC(2026, 10, 26, 12, 1, 0)],
      [T0 + 1_000, 1, 2, 1, 1, 1, 40.6, 9.6, 12, 45, 3, Date.UTC(2026, 10, 26, 12, 1, 0)],
    ]);
    expect(rows('SELECT id, uid, cot_type, first_time FROM entities ORDER BY id')).toEqual([
      [1, 'alpha', 'a-f-G', T0],
      [2, 'bravo', 'a-h-A', T0 + 500],
    ]);
    expect(rows('SELECT id, cot_type, affiliation, dimension FROM cot_types ORDER BY id')).toEqual([
      [1, 'a-f-G', 'friend', 'ground'],
      [2, 'a-h-A', 'hostile', 'air'],
    ]);
    expect(rows('SELECT id, callsign FROM callsigns')).toEqual([[1, 'ALPHA']]);
    expect(rows("SELECT value FROM counters WHERE name = 'fixes'")).toEqual([[3]]);
    // The fix rows are the one copy: records keep their raw value, not their decoded entities again.
    expect(rows('SELECT count(*) FROM records WHERE decoded IS NOT NULL')).toEqual([[0]]);
  });

  it('When an entity moves into a new ten-minute bucket, or a fix older than its first arrives, Then its span is written at once, without waiting for the tracks', () => {
    write('edge', [aCotRecord({ uid: 'alpha', time: T0 }, { offset: 0 })]);
    write('edge', [aCotRecord({ uid: 'alpha', time: T0 + 11 * 60_000 }, { offset: 1 }), aCotRecord({ uid: 'alpha', time: T0 - 3_600_000 }, { offset: 2 })]);
    expect(rows("SELECT first_time, last_time FROM entities WHERE uid = 'alpha'")).toEqual([[T0 - 3_600_000, T0 + 11 * 60_000]]);
  });

  it('When an entity reports a new callsign and type, Then its dictionary row follows its latest report once tracks are written', () => {
    const writer = createIngestWriter(db, () => arrival);
    const ingestHere = createIngest({ writer, maxRecordBytes: 1 << 20, now: () => arrival, rules: noRules() });
    ingestHere([{ source: 'edge', subscriptionId: null, format: 'cot', mapping: null, records: [aCotRecord({ uid: 'alpha', callsign: 'ALPHA', time: T0 + 1_000 }, { offset: 0 })] }]);
    ingestHere([{ source: 'edge', subscriptionId: null, format: 'cot', mapping: null, records: [aCotRecord({ uid: 'alpha', callsign: 'ALPHA 6', type: 'a-f-A', time: T0 + 2_000 }, { offset: 1 })] }]);
    ingestHere([{ source: 'edge', subscriptionId: null, format: 'cot', mapping: null, records: [aCotRecord({ uid: 'alpha', callsign: 'OLD', time: T0 }, { offset: 2 })] }]);
    writer.flushTracks();
    expect(rows('SELECT uid, callsign, cot_type, first_time, last_time FROM entities')).toEqual([['alpha', 'ALPHA 6', 'a-f-A', T0, T0 + 2_000]]);
  });

  it('When records arrive from two streams, Then each stream counts its records and bytes, and a duplicate counts nothing', () => {
    const first = aCotRecord({ uid: 'a' }, { offset: 0 });
    write('edge', [first, aCotRecord({ uid: 'b' }, { offset: 1 }), aCotRecord({ uid: 'c' }, { offset: 0, topic: 'air' })]);
    write('edge', [first]);
    expect(rows('SELECT source, topic, records FROM streams ORDER BY topic')).toEqual([
      ['edge', 'air', 1],
      ['edge', 'cot', 2],
    ]);
    expect(rows('SELECT sum(bytes) = (SELECT sum(length(value)) FROM records) FROM streams')).toEqual([[1]]);
    expect(rows('SELECT count(*) FROM positions')).toEqual([[3]]);
  });

  it('When fixes fall in several minutes and one arrives minutes late, Then each minute of fix time knows the first and last record with a fix in it', () => {
    write('edge', [aCotRecord({ uid: 'a', time: T0 }, { offset: 0 }), aCotRecord({ uid: 'b', time: T0 + 61_000 }, { offset: 1 })]);
    arrival = T0 + 300_000;
    write('edge', [aCotRecord({ uid: 'c', time: T0 + 30_000 }, { offset: 2 })]);
    const minute = T0 / 60_000;
    expect(rows('SELECT minute, first_record, last_record FROM record_minutes ORDER BY minute')).toEqual([
      [minute, 1, 3],
      [minute + 1, 2, 2],
    ]);
  });

  it('When records carry remarks or are free text, Then only those are in the full-text index, under their record id', () => {
    write('edge', [
      aCotRecord({ uid: 'a', remarks: 'Convoy halted at the bridge' }, { offset: 0 }),
      aCotRecord({ uid: 'b', remarks: null }, { offset: 1 }),
    ]);
    write('chat', [textRecord('SITREP: all quiet at the bridge', { offset: 0, topic: 'chat' })], 'text');
    const matches = (query: string) => db.prepare('SELECT rowid FROM records_fts WHERE records_fts MATCH ? ORDER BY rowid').pluck().all(query);
    expect(matches('bridge')).toEqual([1, 3]);
    expect(matches('remarks:convoy')).toEqual([1]);
    expect(matches('text:sitrep')).toEqual([3]);
    expect(rows('SELECT count(*) FROM records_fts_docsize')).toEqual([[2]]);
  });

  it('When retention deletes the oldest records, Then no fix, free text or stream count derived from them remains', () => {
    write('edge', [
      aCotRecord({ uid: 'a', time: T0, remarks: 'first contact' }, { offset: 0 }),
      aCotRecord({ uid: 'b', time: T0 + 1_000 }, { offset: 1 }),
      aCotRecord({ uid: 'a', time: T0 + 2_000, remarks: 'second contact' }, { offset: 2 }),
    ]);
    db.prepare('DELETE FROM records WHERE id <= 2').run();
    expect(rows('SELECT time, record_id FROM positions')).toEqual([[T0 + 2_000, 3]]);
    expect(rows("SELECT value FROM counters WHERE name = 'fixes'")).toEqual([[1]]);
    expect(rows('SELECT records, bytes = (SELECT length(value) FROM records) FROM streams')).toEqual([[1, 1]]);
    expect(db.prepare("SELECT rowid FROM records_fts WHERE records_fts MATCH 'contact'").pluck().all()).toEqual([3]);
  });
});
