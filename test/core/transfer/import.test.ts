import { copyFileSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { ImportSourceSchema } from '../../../shared/transfer';
import { JobSchema } from '../../../shared/jobs';
import type { Track } from '../../../shared/domain';
import { createRecordFixReads } from '../../../electron/core/store/record-fixes';
import { encodeCot } from '../../../electron/core/cot/encode-cot';
import { aCotEvent } from '../../builders/cot-event-builder';
import { aCachedFix, cacheRecords, fixesAlongARoute, recordPerFix, type CachedFix } from '../../builders/cached-records';
import { transferFixture, type TransferFixture } from './transfer-fixture';

const SIX = Date.UTC(2026, 10, 26, 6, 0, 0);
const SEVEN = Date.UTC(2026, 10, 26, 7, 0, 0);
const MINUTE = 60_000;

/** The fixes of the imported records, in record order, as review reads them back. */
function importedFixes(fixture: TransferFixture): Track[] {
  const fixes = createRecordFixReads(fixture.db).fixesOfRecords(0, Number.MAX_SAFE_INTEGER);
  return [...fixes].map(({ track }) => track).filter((track) => track.source.startsWith('import:'));
}

/** What a fix reports, whether a test wrote it or the cache read it back. */
function reportOf(fix: CachedFix | Track): Pick<Track, 'uid' | 'callsign' | 'cotType' | 'time' | 'lat' | 'lon' | 'hae' | 'course' | 'speed' | 'stale'> {
  const { uid, callsign, cotType, time, lat, lon } = fix;
  return { uid, callsign, cotType, time, lat, lon, hae: fix.hae ?? null, course: fix.course ?? null, speed: fix.speed ?? null, stale: fix.stale ?? null };
}

function quarantinedErrors(fixture: TransferFixture): string[] {
  return fixture.db.prepare<[], string>("SELECT error FROM quarantine WHERE source LIKE 'import:%' ORDER BY id").pluck().all();
}

describe('Given a GeoJSON file exported by another Outpost', () => {
  const exportedFixes = [
    ...fixesAlongARoute({ count: 6, entities: 3, from: SIX, everyMs: 5 * MINUTE }),
    aCachedFix({ uid: 'quiet', callsign: null, time: SIX + 40 * MINUTE, hae: null, course: null, speed: null, stale: null }),
  ];
  let origin: TransferFixture;
  let fixture: TransferFixture;
  let exported: string;

  beforeEach(async () => {
    origin = transferFixture();
    cacheRecords(origin.db, recordPerFix(exportedFixes));
    const job = await origin.settled(await origin.handlers['export.start']({ scope: { kind: 'window', from: SIX, to: SEVEN }, format: 'geojson' }));
    exported = join(origin.dataDir, 'exports', job.file?.name ?? '');
    fixture = transferFixture();
  });
  afterEach(() => {
    origin.close();
    fixture.close();
  });

  it('When it is imported, Then every fix comes back with its uid, callsign, type, times and position, ready for review, tagged with the import as its source', async () => {
    const job = await fixture.settled(await fixture.handlers['import.start']({ path: exported, format: 'auto', name: 'Mission 12' }));
    expect(job.state, job.message ?? '').toBe('done');
    expect(job.message).toBe(`Imported 7 records from ${exported.split('/').at(-1)}.`);
    const fixes = importedFixes(fixture);
    expect(fixes.map(reportOf)).toEqual(exportedFixes.map(reportOf));
    expect(fixture.store.countFixesBetween(SIX, SEVEN)).toBe(7);
    const [source] = await fixture.handlers['import.sources']({});
    expect(source).toMatchObject({ name: 'Mission 12', format: 'outpost-geojson', records: 7, quarantined: 0 });
    expect(fixture.db.prepare('SELECT DISTINCT source FROM records').pluck().all()).toEqual([`import:${source?.id}`]);
    expect(ImportSourceSchema.safeParse(source).success).toBe(true);
    expect(JobSchema.safeParse(job).success).toBe(true);
  });

  it('When the same file is imported again, from another folder, Then nothing is stored twice and the source is the same one', async () => {
    await fixture.settled(await fixture.handlers['import.start']({ path: exported, format: 'outpost-geojson' }));
    const copy = join(fixture.dataDir, 'copy.geojson');
    copyFileSync(exported, copy);
    const again = await fixture.settled(await fixture.handlers['import.start']({ path: copy, format: 'outpost-geojson' }));
    expect(again.state).toBe('done');
    expect(fixture.store.countRecords()).toBe(7);
    expect(await fixture.handlers['import.sources']({})).toHaveLength(1);
  });

  it('When one feature line in it is broken, Then that line is quarantined with its reason and counted, and the rest are imported', async () => {
    const lines = readFileSync(exported, 'utf8').split('\n');
    lines[2] = '{"type":"Feature","geometry":{"type":"Point","coordinates":[9,4';
    const damaged = join(fixture.dataDir, 'damaged.geojson');
    writeFileSync(damaged, lines.join('\n'));
    const job = await fixture.settled(await fixture.handlers['import.start']({ path: damaged, format: 'auto' }));
    expect(job.state).toBe('done');
    expect(job.message).toBe('Imported 6 records from damaged.geojson; 1 could not be read and are in quarantine.');
    expect(quarantinedErrors(fixture)).toHaveLength(1);
    expect((await fixture.handlers['import.sources']({}))[0]).toMatchObject({ records: 6, quarantined: 1 });
  });
});

describe('Given a CoT XML file of events under a wrapper, one self-closing, one with an impossible latitude and one cut off', () => {
  let fixture: TransferFixture;
  beforeEach(() => (fixture = transferFixture()));
  afterEach(() => fixture.close());

  it('When it is imported, Then the good events are cached in file order, and the bad two are quarantined without stopping the import', async () => {
    const event = (uid: string, minute: number, lat = 40.5): string => encodeCot(aCotEvent({ uid, time: SIX + minute * MINUTE, lat })).replace(/^<\?xml[^>]*\?>/, '');
    const selfClosing = `<event version="2.0" uid="bare" type="a-u-G" how="m-g" time="2026-11-26T06:03:00Z" start="2026-11-26T06:03:00Z" stale="2026-11-26T06:04:00Z"/>`;
    const text = `<?xml version="1.0"?>\n<!-- UNCLASSIFIED -->\n<events>\n${event('a', 1)}\n${event('b', 2)}\n${selfClosing}\n${event('bad', 4, 123)}\n${event('c', 5)}\n<event uid="cut" type="a-f-G"`;
    const path = join(fixture.dataDir, 'feed.cot.xml');
    writeFileSync(path, text);
    const job = await fixture.settled(await fixture.handlers['import.start']({ path, format: 'auto' }));
    expect(job.state, job.message ?? '').toBe('done');
    expect(importedFixes(fixture).map((track) => track.uid)).toEqual(['a', 'b', 'c']);
    expect(quarantinedErrors(fixture)).toHaveLength(3);
    expect((await fixture.handlers['import.sources']({}))[0]).toMatchObject({ format: 'cot-xml', fileName: 'feed.cot.xml', records: 3, quarantined: 3 });
  });
});

describe('Given a JSON lines file with one line that is not JSON', () => {
  let fixture: TransferFixture;
  beforeEach(() => (fixture = transferFixture()));
  afterEach(() => fixture.close());

  it('When it is imported, Then each good line is a record, the bad one is quarantined, and blank lines are skipped', async () => {
    const path = join(fixture.dataDir, 'positions.jsonl');
    const line = (id: string, minute: number): string => JSON.stringify({ id, lat: 40.2, lon: 9.1, time: new Date(SIX + minute * MINUTE).toISOString(), callsign: id.toUpperCase() });
    writeFileSync(path, [line('j1', 0), line('j2', 1), '', '{"id": "broken", "lat":', line('j3', 2)].join('\r\n') + '\r\n');
    const job = await fixture.settled(await fixture.handlers['import.start']({ path, format: 'auto' }));
    expect(job.state).toBe('done');
    expect(importedFixes(fixture).map(({ uid, callsign, time }) => [uid, callsign, time])).toEqual([
      ['j1', 'J1', SIX],
      ['j2', 'J2', SIX + MINUTE],
      ['j3', 'J3', SIX + 2 * MINUTE],
    ]);
    expect((await fixture.handlers['import.sources']({}))[0]).toMatchObject({ format: 'json-lines', records: 3, quarantined: 1 });
  });
});

describe('Given paths an analyst might type', () => {
  let fixture: TransferFixture;
  beforeEach(() => (fixture = transferFixture()));
  afterEach(() => fixture.close());

  it('When the file does not exist, Then the import is refused with what to check, before any job starts', async () => {
    await expect(fixture.handlers['import.start']({ path: join(fixture.dataDir, 'missing.geojson'), format: 'auto' })).rejects.toThrow(
      /^Outpost cannot read .*missing\.geojson; check the path and that the file is readable\.$/,
    );
    expect(fixture.jobs.list()).toEqual([]);
  });

  it('When the path is a folder, Then it is refused as a folder', async () => {
    await expect(fixture.handlers['import.start']({ path: fixture.dataDir, format: 'auto' })).rejects.toThrow(/is a folder, not a file/);
  });

  it('When the file’s format cannot be told from its start, Then the analyst is asked to choose it', async () => {
    const path = join(fixture.dataDir, 'notes.txt');
    writeFileSync(path, 'hello');
    await expect(fixture.handlers['import.start']({ path, format: 'auto' })).rejects.toThrow(/choose Outpost GeoJSON, CoT XML or JSON lines/);
  });
});

describe('Given a large JSON lines file', () => {
  let fixture: TransferFixture;
  beforeEach(() => (fixture = transferFixture()));
  afterEach(() => fixture.close());

  it('When its import is cancelled, Then the job ends cancelled with at most the pages already written', async () => {
    const path = join(fixture.dataDir, 'big.jsonl');
    writeFileSync(path, Array.from({ length: 20_000 }, (_, i) => JSON.stringify({ id: `u${i % 100}`, lat: 40, lon: 9, time: SIX + i })).join('\n'));
    const started = await fixture.handlers['import.start']({ path, format: 'json-lines' });
    fixture.handlers['jobs.cancel']({ id: started.id });
    const job = await fixture.settled(started);
    expect(job.state).toBe('cancelled');
    expect(fixture.store.countRecords()).toBeLessThan(20_000);
  });
});
