import BetterSqlite3 from 'better-sqlite3-multiple-ciphers';
import { describe, expect, it } from 'vitest';
import { migrate } from '../../../electron/core/store/migrate';
import { migrations } from '../../../electron/core/store/migrations';
import { createStore } from '../../../electron/core/store/store';

const T0 = Date.UTC(2026, 10, 26, 6, 0, 0);

describe('Given a cache whose oldest records retention has removed', () => {
  const open = () => {
    const db = new BetterSqlite3(':memory:');
    migrate(db, migrations);
    const insert = db.prepare(`INSERT INTO records (source, topic, partition, "offset", timestamp, received_at, value) VALUES ('kafka', 'cot', 0, ?, 0, ?, x'00')`);
    // One record a second for 100 s, of which the first 30 and every tenth are gone.
    for (let n = 0; n < 100; n += 1) insert.run(n, T0 + n * 1000);
    db.prepare('DELETE FROM records WHERE "offset" < 30 OR "offset" % 10 = 0').run();
    return createStore(db);
  };

  it('When the first record of a window is looked for, Then it is the first one that arrived at or after the cutoff', () => {
    const store = open();
    const idOfOffset = (offset: number): number => offset + 1;
    expect(store.firstRecordReceivedSince(T0)).toBe(idOfOffset(31));
    expect(store.firstRecordReceivedSince(T0 + 45_000)).toBe(idOfOffset(45));
    expect(store.firstRecordReceivedSince(T0 + 50_000)).toBe(idOfOffset(51));
    expect(store.firstRecordReceivedSince(T0 + 99_000)).toBe(idOfOffset(99));
    expect(store.firstRecordReceivedSince(T0 + 100_000)).toBeNull();
    store.close();
  });

  it('When records are read from there, Then they come in arrival order, a page at a time', () => {
    const store = open();
    expect(store.recordsFrom(46, 5).map((record) => record.receivedAt - T0)).toEqual([45_000, 46_000, 47_000, 48_000, 49_000]);
    expect(store.lastRecordId()).toBe(100);
    store.close();
  });
});
