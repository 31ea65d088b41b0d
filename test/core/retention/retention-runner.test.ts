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
