import BetterSqlite3, { type Database } from 'better-sqlite3-multiple-ciphers';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import type { Job } from '../../../shared/jobs';
import { compactCache } from '../../../electron/core/cache/compact-cache';
import { createJobRegistry } from '../../../electron/core/jobs/job-registry';
import { systemClock } from '../../../electron/core/ports';
import { createCacheTables } from '../../../electron/core/store/cache-tables';
import { migrate } from '../../../electron/core/store/migrate';
import { migrations } from '../../../electron/core/store/migrations';
import { aCachedRecord, cacheRecords, fixesAlongARoute, recordPerFix } from '../../builders/cached-records';
import { makeTempDir } from '../../support/temp-dir';
import { transferFixture, type TransferFixture } from '../transfer/transfer-fixture';

const SIX = Date.UTC(2026, 10, 26, 6, 0, 0);

describe('Given a cache holding two sources’ records', () => {
  let fixture: TransferFixture;
  beforeEach(() => {
    fixture = transferFixture({ retention: { maxAgeHours: 48 } });
    cacheRecords(fixture.db, [
      ...recordPerFix(fixesAlongARoute({ count: 30, entities: 3, from: SIX, everyMs: 1_000 })),
      aCachedRecord({ source: 'import:3f1c7a52-8e0b-8c1e-9a55-2d7d6f0b9e11', topic: 'outpost-geojson' }),
    ]);
  });
  afterEach(() => fixture.close());

  it('When its statistics are asked for, Then each source and topic shows its records and bytes, largest first, within the file’s size', async () => {
    const stats = await fixture.handlers['cache.stats']({});
    expect(stats.streams.map(({ source, topic, records }) => [source, topic, records])).toEqual([
      ['edge', 'cot', 30],
      ['import:3f1c7a52-8e0b-8c1e-9a55-2d7d6f0b9e11', 'outpost-geojson', 1],
    ]);
    expect(stats.streams[0]?.bytes).toBe(fixture.db.prepare("SELECT sum(length(value)) FROM records WHERE source = 'edge'").pluck().get());
    expect(stats.usedBytes).toBeGreaterThan(0);
    expect(stats.fileBytes).toBeGreaterThanOrEqual(stats.usedBytes);
  });

  it('When retention is changed in the app, Then it replaces the config file’s until changed again, and is kept in the cache', async () => {
    expect(await fixture.handlers['cache.retention']({})).toEqual({ maxAgeHours: 48, maxBytes: 4 * 1024 * 1024 * 1024 });
    const shorter = { maxAgeHours: 12, maxBytes: 1024 * 1024 * 1024 };
    expect(await fixture.handlers['cache.setRetention']({ retention: shorter })).toEqual(shorter);
    expect(await fixture.handlers['cache.retention']({})).toEqual(shorter);
    expect(fixture.store.retentionOverride()).toEqual(shorter);
  });

  it('When windows are pinned and one unpinned, Then the list shows what is left, oldest window first', async () => {
    const later = await fixture.handlers['cache.pins.add']({ pin: { from: SIX + 3_600_000, to: SIX + 7_200_000, label: 'Second contact' } });
    const earlier = await fixture.handlers['cache.pins.add']({ pin: { from: SIX, to: SIX + 600_000, label: 'First contact' } });
    expect((await fixture.handlers['cache.pins.list']({})).map((pin) => pin.label)).toEqual(['First contact', 'Second contact']);
    expect(await fixture.handlers['cache.pins.remove']({ id: later.id })).toEqual({ removed: true });
    expect(await fixture.handlers['cache.pins.remove']({ id: later.id })).toEqual({ removed: false });
    expect(await fixture.handlers['cache.pins.list']({})).toEqual([earlier]);
  });

  it('When compaction is asked for twice while it runs, Then the second call returns the same job', async () => {
    const first = await fixture.handlers['cache.compact']({});
    const second = await fixture.handlers['cache.compact']({});
    expect(second.id).toBe(first.id);
    expect((await fixture.settled(first)).state).toBe('done');
  });
});

/** An encrypted cache, made as a new one would be with step-by-step compaction switched on before its first table. */
function encryptedIncrementalCache(file: string): Database {
  const db = new BetterSqlite3(file);
  db.pragma(`cipher = 'chacha20'`);
  db.pragma(`hexkey = '${'ab'.repeat(32)}'`);
  db.pragma('page_size = 16384');
  db.pragma('auto_vacuum = INCREMENTAL');
  db.pragma('journal_mode = WAL');
  migrate(db, migrations);
  return db;
}

describe('Given an encrypted cache that retention has left with many free pages', () => {
  const dir = makeTempDir();
  let db: Database;
  beforeEach(() => {
    db = encryptedIncrementalCache(join(dir.path, 'cache.db'));
    cacheRecords(db, recordPerFix(fixesAlongARoute({ count: 6_000, entities: 40, from: SIX, everyMs: 1_000 })));
    db.prepare('DELETE FROM records').run();
  });
  afterEach(() => {
    db.close();
    dir.remove();
  });

  it('When it is compacted ten pages a step, Then the free pages go back to the disk in steps, with progress counted against them', async () => {
    const tables = createCacheTables(db);
    const before = tables.cachePages();
    expect(before.incremental).toBe(true);
    expect(before.freePages).toBeGreaterThan(40);
    const reports: [number, number | null | undefined][] = [];
    const jobs = createJobRegistry({ clock: systemClock, onChanged: () => undefined, onFailed: () => undefined });
    const job = jobs.start('compact', 'Compact', (control) =>
      compactCache(tables, { signal: control.signal, report: (done, total, message) => (reports.push([done, total]), control.report(done, total, message)) }, 10),
    );
    const ended: Job = await jobs.settled(job.id);
    expect(ended).toMatchObject({ state: 'done', done: before.freePages, total: before.freePages });
    expect(ended.message).toMatch(/^Gave \d+\.\d MiB back to the disk and tidied the free-text index\.$/);
    expect(tables.cachePages()).toMatchObject({ freePages: 0, pageCount: before.pageCount - before.freePages });
    const stepsDone = reports.map(([done]) => done);
    expect(stepsDone.length).toBeGreaterThan(4);
    expect(stepsDone).toEqual([...stepsDone].sort((a, b) => a - b));
    expect(reports.at(-1)).toEqual([before.freePages, before.freePages]);
  });
});

describe('Given a cache created before step-by-step compaction', () => {
  it('When it is compacted, Then the free-text index is tidied and the analyst is told the free space is kept for new records', async () => {
    const db = new BetterSqlite3(':memory:');
    migrate(db, migrations);
    cacheRecords(db, recordPerFix(fixesAlongARoute({ count: 500, entities: 5, from: SIX, everyMs: 1_000 })));
    db.prepare('DELETE FROM records').run();
    const jobs = createJobRegistry({ clock: systemClock, onChanged: () => undefined, onFailed: () => undefined });
    const job = jobs.start('compact', 'Compact', (control) => compactCache(createCacheTables(db), control));
    const ended = await jobs.settled(job.id);
    expect(ended.state).toBe('done');
    expect(ended.message).toMatch(/^Tidied the free-text index\. This cache was created before step-by-step compaction, so its \d+\.\d MiB of free space is kept for new records/);
    db.close();
  });
});
