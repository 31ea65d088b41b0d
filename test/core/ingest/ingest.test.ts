import BetterSqlite3 from 'better-sqlite3-multiple-ciphers';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import type { Track } from '../../../shared/domain';
import { createIngest, type Ingest } from '../../../electron/core/ingest/ingest';
import type { RawRecord } from '../../../electron/core/ingest/raw-record';
import { migrate } from '../../../electron/core/store/migrate';
import { migrations } from '../../../electron/core/store/migrations';
import { createIngestWriter } from '../../../electron/core/store/ingest-writer';
import { createStore, type IngestWriter, type Store } from '../../../electron/core/store/store';
import { aCotRecord, textRecord } from '../../builders/raw-record-builder';
import { createRulesEngine } from '../../../electron/core/rules/rules-engine';
import { aRule } from '../../builders/rule-builder';
import { noRules } from '../../support/no-rules';
import { recordingLog } from '../../support/recording-log';

describe('Given the ingest path', () => {
  let store: Store;
  let ingest: Ingest;
  let notified: Track[][];

  let writer: IngestWriter;
  const ingestCot = (source: string, records: readonly RawRecord[]) => {
    const outcome = ingest([{ source, subscriptionId: null, format: 'cot', mapping: null, records }]);
    writer.flushTracks();
    if (outcome.changedTracks.length > 0) notified.push(outcome.changedTracks);
    return outcome;
  };

  beforeEach(() => {
    const db = new BetterSqlite3(':memory:');
    migrate(db, migrations);
    store = createStore(db);
    notified = [];
    writer = createIngestWriter(db);
    ingest = createIngest({ writer, maxRecordBytes: 4096, now: () => Date.UTC(2026, 10, 26), rules: noRules() });
  });
  afterEach(() => store.close());

  it('When good CoT records arrive, Then each is cached and each entity becomes a track', () => {
    const outcome = ingestCot('kafka', [
      aCotRecord({ uid: 'a', callsign: 'ALPHA' }, { offset: 0 }),
      aCotRecord({ uid: 'b', type: 'a-h-A-M-F' }, { offset: 1 }),
    ]);
    expect(outcome.storedRecords).toBe(2);
    expect(store.countRecords()).toBe(2);
    expect(store.countTracks()).toBe(2);
    expect(store.listTracks(10).map((t) => [t.uid, t.affiliation, t.dimension])).toEqual(
      expect.arrayContaining([
        ['a', 'friend', 'ground'],
        ['b', 'hostile', 'air'],
      ]),
    );
    expect(notified).toHaveLength(1);
    expect(notified[0]?.map((t) => t.uid)).toEqual(['a', 'b']);
  });

  it('When a batch mixes bad records with good ones, Then the bad are quarantined and counted and the good are kept', () => {
    const outcome = ingestCot('kafka', [
      textRecord('garbage', { offset: 0 }),
      aCotRecord({ uid: 'good' }, { offset: 1 }),
      textRecord('x'.repeat(5000), { offset: 2 }),
    ]);
    expect(outcome).toMatchObject({ storedRecords: 1, storedQuarantined: 2 });
    expect(store.countQuarantined()).toBe(2);
    expect(store.countRecords()).toBe(1);
    expect(store.listTracks(10).map((t) => t.uid)).toEqual(['good']);
  });

  it('When the same records are delivered twice, Then they are stored once and no track update repeats', () => {
    const batch = [aCotRecord({ uid: 'a' }, { offset: 7 }), aCotRecord({ uid: 'b' }, { offset: 8 })];
    ingestCot('kafka', batch);
    const again = ingestCot('kafka', batch);
    expect(again).toMatchObject({ storedRecords: 0, duplicateRecords: 2, changedTracks: [] });
    expect(store.countRecords()).toBe(2);
    expect(notified).toHaveLength(1);
  });

  it('When an older report arrives after a newer one, Then the track keeps the newer position', () => {
    const t = Date.UTC(2026, 10, 26, 12, 0, 0);
    ingestCot('kafka', [aCotRecord({ uid: 'a', time: t + 10_000, lat: 41 }, { offset: 0 })]);
    ingestCot('kafka', [aCotRecord({ uid: 'a', time: t, lat: 40 }, { offset: 1 })]);
    expect(store.listTracks(1)[0]?.lat).toBe(41);
    expect(store.countRecords()).toBe(2);
  });

  it('When one batch moves an entity several times, Then the notification carries only its latest state', () => {
    const t = Date.UTC(2026, 10, 26, 12, 0, 0);
    ingestCot('kafka', [
      aCotRecord({ uid: 'a', time: t, lat: 40 }, { offset: 0 }),
      aCotRecord({ uid: 'a', time: t + 1000, lat: 40.01 }, { offset: 1 }),
    ]);
    expect(notified[0]).toHaveLength(1);
    expect(notified[0]?.[0]?.lat).toBe(40.01);
  });

  it('When records come from two sources with the same offsets, Then both are kept', () => {
    ingestCot('edge', [aCotRecord({ uid: 'a' }, { offset: 0 })]);
    ingestCot('cloud', [aCotRecord({ uid: 'b' }, { offset: 0 })]);
    expect(store.countRecords()).toBe(2);
    expect(store.nextOffsets('edge')).toEqual([{ topic: 'cot', partition: 0, nextOffset: 1 }]);
    expect(store.nextOffsets('nowhere')).toEqual([]);
  });
});

describe('Given the ingest path with a rule that alerts on any fix faster than 250 m/s', () => {
  const T0 = Date.UTC(2026, 10, 26);
  const setUp = () => {
    const db = new BetterSqlite3(':memory:');
    migrate(db, migrations);
    const rules = createRulesEngine({ rules: [aRule({ kind: 'expression', expression: 'speed > 250' }, { id: 'too-fast' })], knownUids: () => [], log: recordingLog(), now: () => T0 });
    const ingest = createIngest({ writer: createIngestWriter(db), maxRecordBytes: 4096, now: () => T0, rules });
    return { db, ingest };
  };
  const fast = (uid: string, offset: number): RawRecord => aCotRecord({ uid, speed: 300, time: T0, start: T0 }, { offset });

  it('When a live feed carries a fast fix, Then the rule raises an alert', () => {
    const { db, ingest } = setUp();
    const outcome = ingest([{ source: 'kafka', subscriptionId: null, format: 'cot', mapping: null, records: [fast('jet', 0)] }]);
    expect(outcome.alerts.map((alert) => alert.subject)).toEqual(['jet']);
    db.close();
  });

  it('When imported history carries the same fix with rules switched off, Then it is cached and indexed but raises nothing', () => {
    const { db, ingest } = setUp();
    const outcome = ingest([{ source: 'import:1', subscriptionId: null, format: 'cot', mapping: null, records: [fast('jet', 0)], applyRules: false }]);
    expect(outcome.storedRecords).toBe(1);
    expect(outcome.alerts).toEqual([]);
    expect(db.prepare('SELECT count(*) FROM alerts').pluck().get()).toBe(0);
    expect(db.prepare('SELECT count(*) FROM positions').pluck().get()).toBe(1);
    db.close();
  });
});
