import BetterSqlite3 from 'better-sqlite3-multiple-ciphers';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { RetentionSettingsSchema } from '../../../shared/config';
import { createIngest } from '../../../electron/core/ingest/ingest';
import { createRetentionRunner, EVICTION_BATCH } from '../../../electron/core/retention/retention-runner';
import { createIngestWriter } from '../../../electron/core/store/ingest-writer';
import { migrate } from '../../../electron/core/store/migrate';
import { migrations } from '../../../electron/core/store/migrations';
import { createStore, type Store } from '../../../electron/core/store/store';
import { aCotRecord } from '../../builders/raw-record-builder';
import { manualClock, type ManualClock } from '../../support/manual-clock';
import { recordingLog } from '../../support/recording-log';
import { noRules } from '../../support/no-rules';
import { OLDEST_SQL, RECEIVED_BEFORE_SQL } from '../../../electron/core/store/retention-queries';
import { cacheRecords, fixesAlongARoute, recordPerFix } from '../../builders/cached-records';
import { queryPlanOf } from '../../support/query-plan';

const HOUR = 3_600_000;

describe('Given a cache with records of different ages', () => {
  let store: Store;
  let clock: ManualClock;
  let receivedAt: number;
  let ingestAt: (count: number, firstOffset: number) => void;

  beforeEach(() => {
    const db = new BetterSqlite3(':memory:');
    migrate(db, migrations);
    store = createStore(db);
    clock = manualClock();
    receivedAt = clock.now();
    const ingest = createIngest({ writer: createIngestWriter(db), maxRecordBytes: 1 << 20, now: () => receivedAt, rules: noRules() });
    ingestAt = (count, firstOffset) => {
      const records = Array.from({ length: count }, (_, i) => aCotRecord({ uid: `u${(firstOffset + i) % 50}` }, { offset: firstOffset + i }));
      ingest([{ source: 'edge', subscriptionId: null, format: 'cot', mapping: null, records }]);
    };
  });
  afterEach(() => store.close());

  it('When records pass the age limit, Then exactly those are evicted, in batches, and the count follows', async () => {
    ingestAt(EVICTION_BATCH * 2 + 10, 0);
    clock.advance(5 * HOUR);
    receivedAt = clock.now();
    ingestAt(30, 10_000);
    const runner = createRetentionRunner({ store, settings: RetentionSettingsSchema.parse({ maxAgeHours: 4 }), clock, log: recordingLog() });
    expect(await runner.runPass()).toBe(EVICTION_BATCH * 2 + 10);
    expect(store.countRecords()).toBe(30);
  });

  it('When the clock stepped back while records arrived, Then only records received before the cutoff go, whatever their place', () => {
    const start = receivedAt;
    const at = (hours: number, offset: number): void => {
      receivedAt = start + hours * HOUR;
      ingestAt(1, offset);
    };
    for (let hour = 0; hour < 10; hour += 1) at(hour, hour);
    at(-100, 10);
    for (let offset = 11; offset < 20; offset += 1) at(20, offset);
    const cutoff = start + 5 * HOUR;

    expect(store.evictReceivedBefore(cutoff, 0, EVICTION_BATCH)).toEqual({ deleted: 6, lastId: 11 });
    const left = store.recordsFrom(0, 100).map((record) => (record.receivedAt - start) / HOUR);
    expect(left).toEqual([5, 6, 7, 8, 9, ...Array.from({ length: 9 }, () => 20)]);
  });

  it('When the cache is over its size limit, Then the oldest records go until it fits, and the newest stay', async () => {
    ingestAt(6_000, 0);
    const before = store.usedBytes();
    const limit = 16 * 1024 * 1024;
    expect(before).toBeLessThan(limit);
    const runner = createRetentionRunner({
      store: { ...store, usedBytes: () => (store.countRecords() > 1_000 ? limit + 1 : limit - 1) },
      settings: RetentionSettingsSchema.parse({ maxBytes: limit }),
      clock,
      log: recordingLog(),
    });
    await runner.runPass();
    expect(store.countRecords()).toBeLessThanOrEqual(1_000);
    expect(store.countRecords()).toBeGreaterThan(1_000 - EVICTION_BATCH);
    expect(store.nextOffsets('edge')).toEqual([{ topic: 'cot', partition: 0, nextOffset: 6_000 }]);
  });

  it('When nothing is too old or too big, Then a pass evicts nothing', async () => {
    ingestAt(100, 0);
    const runner = createRetentionRunner({ store, settings: RetentionSettingsSchema.parse({}), clock, log: recordingLog() });
    expect(await runner.runPass()).toBe(0);
    expect(store.countRecords()).toBe(100);
  });
});

describe('Given a cache of fixes written with their derived rows, some of them in a pinned window', () => {
  let db: BetterSqlite3.Database;
  let store: Store;
  let clock: ManualClock;
  const start = Date.UTC(2026, 10, 20, 0, 0, 0);
  const pinned = { from: start + 10 * HOUR, to: start + 12 * HOUR };

  beforeEach(() => {
    db = new BetterSqlite3(':memory:');
    migrate(db, migrations);
    store = createStore(db);
    clock = manualClock(start + 48 * HOUR);
    // One fix an hour for two days, received when it was made.
    cacheRecords(db, recordPerFix(fixesAlongARoute({ count: 48, entities: 4, from: start, everyMs: HOUR })));
    store.addPin({ ...pinned, label: 'Contact at the ridge' }, clock.now());
  });
  afterEach(() => store.close());

  const remainingTimes = (): number[] => db.prepare<[], number>('SELECT time FROM positions ORDER BY time').pluck().all();

  it('When records pass the age limit, Then those in the pinned window stay, and the fixes and stream totals of the evicted go with them', async () => {
    const runner = createRetentionRunner({ store, settings: RetentionSettingsSchema.parse({ maxAgeHours: 24 }), clock, log: recordingLog() });
    expect(await runner.runPass()).toBe(24 - 3);
    const hours = remainingTimes().map((time) => (time - start) / HOUR);
    expect(hours).toEqual([10, 11, 12, ...Array.from({ length: 24 }, (_, i) => 24 + i)]);
    expect(store.countRecords()).toBe(27);
    expect(store.streamStats()).toEqual([{ source: 'edge', topic: 'cot', records: 27, bytes: db.prepare('SELECT sum(length(value)) FROM records').pluck().get() }]);
  });

  it('When records pass the age limit, Then keyframes older than the last one a seek from the oldest fix left needs are dropped', async () => {
    const addKeyframe = db.prepare("INSERT INTO review_keyframes (time, entities, folded, states) VALUES (?, 0, 0, x'')");
    for (const hour of [0, 6, 9, 11, 30]) addKeyframe.run(start + hour * HOUR);
    const runner = createRetentionRunner({ store, settings: RetentionSettingsSchema.parse({ maxAgeHours: 24 }), clock, log: recordingLog() });
    await runner.runPass();
    // The oldest fix left is the pinned one at hour 10: the keyframe at hour 9 is where a seek there starts.
    const hours = db.prepare<[], number>('SELECT time FROM review_keyframes ORDER BY time').pluck().all().map((time) => (time - start) / HOUR);
    expect(hours).toEqual([9, 11, 30]);
  });

  it('When the cache must shrink below what the pins hold, Then everything else goes and the pinned records stay', async () => {
    const runner = createRetentionRunner({
      store: { ...store, usedBytes: () => Number.MAX_SAFE_INTEGER },
      settings: RetentionSettingsSchema.parse({}),
      clock,
      log: recordingLog(),
    });
    await runner.runPass();
    expect(remainingTimes().map((time) => (time - start) / HOUR)).toEqual([10, 11, 12]);
  });

  it('When the analyst has set a shorter age in the app, Then the next pass uses it over the config file’s', async () => {
    const runner = createRetentionRunner({ store, settings: RetentionSettingsSchema.parse({ maxAgeHours: 24 * 7 }), clock, log: recordingLog() });
    expect(await runner.runPass()).toBe(0);
    store.saveRetentionOverride(RetentionSettingsSchema.parse({ maxAgeHours: 6 }), clock.now());
    await runner.runPass();
    expect(remainingTimes().map((time) => (time - start) / HOUR)).toEqual([10, 11, 12, 42, 43, 44, 45, 46, 47]);
  });

  it('When SQLite plans the eviction queries, Then they walk records by id from where the last step stopped, up to the first young record, and check pins through their index', () => {
    const pins = 'CORRELATED SCALAR SUBQUERY 1\nSEARCH p USING COVERING INDEX cache_pins_by_time (from_time<?)';
    expect(queryPlanOf(RECEIVED_BEFORE_SQL.replaceAll('?', '1'))).toBe(`SEARCH r USING INTEGER PRIMARY KEY (rowid>? AND rowid<?)\n${pins}`);
    expect(queryPlanOf(OLDEST_SQL.replaceAll('?', '1'))).toBe(`SEARCH r USING INTEGER PRIMARY KEY (rowid>?)\n${pins}`);
  });
});
