import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { XMLParser } from 'fast-xml-parser';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import type { ExportFormat } from '../../../shared/transfer';
import { markingSlug } from '../../../electron/core/transfer/export-file-name';
import { EXPORT_FIRST_PAGE_SQL, EXPORT_NEXT_PAGE_SQL } from '../../../electron/core/store/transfer-tables';
import { aCachedFix, cacheRecords, fixesAlongARoute, recordPerFix } from '../../builders/cached-records';
import { queryPlanOf } from '../../support/query-plan';
import { transferFixture, type TransferFixture } from './transfer-fixture';

const SIX = Date.UTC(2026, 10, 26, 6, 0, 0);
const SEVEN = Date.UTC(2026, 10, 26, 7, 0, 0);
const MINUTE = 60_000;
const WINDOW = { kind: 'window', from: SIX, to: SEVEN } as const;

const xml = new XMLParser({ ignoreAttributes: false, attributeNamePrefix: '', commentPropName: '#comment', parseTagValue: false, isArray: (name) => ['Placemark', 'event', 'Data', 'Style'].includes(name) });

/** RFC 4180 as a reader sees it: quoted fields may hold commas, quotes (doubled) and line breaks. */
function parseCsv(text: string): string[][] {
  const rows: string[][] = [];
  let row: string[] = [];
  let field = '';
  let quoted = false;
  const endField = (): void => {
    row.push(field);
    field = '';
  };
  for (let i = 0; i < text.length; i++) {
    const char = text[i];
    const next = text[i + 1];
    if (quoted && char === '"' && next === '"') {
      field += '"';
      i++;
    } else if (char === '"') {
      quoted = !quoted;
    } else if (!quoted && char === ',') {
      endField();
    } else if (!quoted && char === '\r' && next === '\n') {
      endField();
      rows.push(row);
      row = [];
      i++;
    } else {
      field += char;
    }
  }
  return rows;
}

describe('Given a cache with fixes inside and outside 06:00–07:00Z, one with a callsign that needs quoting', () => {
  let fixture: TransferFixture;

  const exportWindow = async (format: ExportFormat): Promise<{ name: string; text: string }> => {
    const job = await fixture.settled(await fixture.handlers['export.start']({ scope: WINDOW, format }));
    expect(job.state, job.message ?? '').toBe('done');
    const name = job.file?.name ?? '';
    return { name, text: readFileSync(join(fixture.dataDir, 'exports', name), 'utf8') };
  };

  beforeEach(() => {
    fixture = transferFixture({ classification: { marking: 'SECRET//NOFORN' } });
    cacheRecords(
      fixture.db,
      recordPerFix([
        aCachedFix({ uid: 'early', time: SIX - MINUTE }),
        ...fixesAlongARoute({ count: 5, entities: 2, from: SIX, everyMs: 10 * MINUTE }),
        aCachedFix({ uid: 'echo-7', callsign: 'ECHO, "7"\nNORTH', time: SIX + 55 * MINUTE, hae: null, course: null, speed: null, stale: null }),
        aCachedFix({ uid: 'late', time: SEVEN + MINUTE }),
      ]),
    );
  });
  afterEach(() => fixture.close());

  it('When the window is exported as GeoJSON, Then the file parses, is marked in its name and its header, and holds the window’s six fixes in time order', async () => {
    const { name, text } = await exportWindow('geojson');
    expect(name).toBe('SECRET-NOFORN_outpost_20261126T0600Z-20261126T0700Z.geojson');
    const collection = JSON.parse(text) as { classification: string; features: { properties: Record<string, unknown>; geometry: { coordinates: number[] } }[]; outpost: { count: number } };
    expect(collection.classification).toBe('SECRET//NOFORN');
    expect(collection.outpost.count).toBe(6);
    expect(collection.features.map((feature) => feature.properties['uid'])).toEqual(['unit-0', 'unit-1', 'unit-0', 'unit-1', 'unit-0', 'echo-7']);
    expect(collection.features[0]).toMatchObject({
      geometry: { type: 'Point', coordinates: [9, 40, 120] },
      properties: { callsign: 'UNIT 0', type: 'a-f-G-U-C-I', affiliation: 'friend', time: '2026-11-26T06:00:00.000Z', stale: '2026-11-26T06:01:00.000Z', course: 90, speed: 5, source: 'edge', topic: 'cot' },
    });
    expect(collection.features[5]?.geometry.coordinates).toEqual([9, 40.1]);
    expect(text.split('\n').filter((line) => line.startsWith('{"type":"Feature"'))).toHaveLength(6);
  });

  it('When the window is exported as CSV, Then the marking is the first and last line and every field reads back as written', async () => {
    const { name, text } = await exportWindow('csv');
    expect(name).toBe('SECRET-NOFORN_outpost_20261126T0600Z-20261126T0700Z.csv');
    expect(text).toContain(',"ECHO, ""7""\nNORTH",')
    const rows = parseCsv(text);
    expect(rows[0]).toEqual(['# SECRET//NOFORN']);
    expect(rows.at(-1)).toEqual(['# SECRET//NOFORN']);
    expect(rows[1]?.slice(0, 3)).toEqual(['time_utc', 'uid', 'callsign']);
    const data = rows.slice(2, -1);
    expect(data).toHaveLength(6);
    expect(data[5]).toEqual(['2026-11-26T06:55:00.000Z', 'echo-7', 'ECHO, "7"\nNORTH', 'a-f-G-U-C-I', 'friend', 'ground', '40.1', '9', '', '', '', '', 'edge', 'cot', data[5]?.[14]]);
  });

  it('When the window is exported as KML, Then it parses with the marking in a comment and the document name, and its Placemarks are in time order', async () => {
    const { name, text } = await exportWindow('kml');
    expect(name.endsWith('.kml')).toBe(true);
    const document = xml.parse(text) as { '#comment': string; kml: { Document: { name: string; Placemark: { name: string; TimeStamp: { when: string }; styleUrl: string }[] } } };
    expect(text.split('\n')[1]).toBe('<!-- SECRET//NOFORN -->');
    expect(document.kml.Document.name.startsWith('SECRET//NOFORN – Outpost export')).toBe(true);
    const placemarks = document.kml.Document.Placemark;
    expect(placemarks.map((placemark) => placemark.TimeStamp.when)).toEqual([...placemarks.map((placemark) => placemark.TimeStamp.when)].sort());
    expect(placemarks).toHaveLength(6);
    expect(placemarks[1]).toMatchObject({ name: 'UNIT 1', styleUrl: '#hostile' });
    expect(placemarks[5]?.name).toBe('ECHO, "7"\nNORTH');
  });

  it('When the window is exported as CoT XML, Then every event parses, wrapped, with the marking in a comment, on the wrapper and in each event’s remarks', async () => {
    const { name, text } = await exportWindow('cot');
    expect(name.endsWith('.cot.xml')).toBe(true);
    expect(text).toContain('<!-- SECRET//NOFORN -->');
    const document = xml.parse(text) as { events: { classification: string; event: { uid: string; type: string; time: string; stale: string; detail: { remarks: string } }[] } };
    expect(document.events.classification).toBe('SECRET//NOFORN');
    expect(document.events.event).toHaveLength(6);
    expect(document.events.event.every((event) => event.detail.remarks === 'SECRET//NOFORN')).toBe(true);
    expect(document.events.event[5]).toMatchObject({ uid: 'echo-7', time: '2026-11-26T06:55:00.000Z', stale: '2026-11-26T06:56:00.000Z' });
  });

  it('When export is switched off by the administrator, Then starting one is refused with a sentence and no file is written', () => {
    const locked = transferFixture({ export: { enabled: false } });
    try {
      expect(locked.handlers['export.policy']({})).toEqual({ enabled: false, marking: 'UNCLASSIFIED' });
      expect(() => locked.handlers['export.start']({ scope: WINDOW, format: 'csv' })).toThrow(/Exporting is switched off on this installation/);
      expect(existsSync(join(locked.dataDir, 'exports'))).toBe(false);
    } finally {
      locked.close();
    }
  });

  it('When the same window is exported twice, Then the second file gets a name of its own', async () => {
    const first = await exportWindow('csv');
    const second = await exportWindow('csv');
    expect(second.name).toBe('SECRET-NOFORN_outpost_20261126T0600Z-20261126T0700Z-2.csv');
    expect(second.text).toBe(first.text);
  });
});

describe('Given a cache with more fixes than fit in a few pages', () => {
  let fixture: TransferFixture;
  beforeEach(() => {
    fixture = transferFixture();
    cacheRecords(fixture.db, recordPerFix(fixesAlongARoute({ count: 5_000, entities: 50, from: SIX, everyMs: 500 })));
  });
  afterEach(() => fixture.close());

  it('When the export is cancelled while it runs, Then the job ends cancelled and no file is left behind', async () => {
    const started = await fixture.handlers['export.start']({ scope: WINDOW, format: 'geojson' });
    fixture.handlers['jobs.cancel']({ id: started.id });
    const job = await fixture.settled(started);
    expect(job.state).toBe('cancelled');
    expect(readdirSync(join(fixture.dataDir, 'exports'))).toEqual([]);
  });

  it('When it is exported whole, Then progress counts every fix against a known total', async () => {
    const started = await fixture.handlers['export.start']({ scope: WINDOW, format: 'csv' });
    const job = await fixture.settled(started);
    expect(job).toMatchObject({ state: 'done', done: 5_000, total: 5_000, kind: 'export' });
    expect(job.message).toBe(`Exported 5,000 fixes to ${job.file?.name}.`);
  });

  it('When a search for one callsign is exported, Then only that entity’s fixes are in the file', async () => {
    const started = await fixture.handlers['export.start']({ scope: { kind: 'search', query: { callsign: 'UNIT 7' } }, format: 'geojson' });
    const job = await fixture.settled(started);
    expect(job.state, job.message ?? '').toBe('done');
    expect(job.file?.name).toMatch(/^UNCLASSIFIED_outpost_search-\d{8}T\d{4}Z\.geojson$/);
    const collection = JSON.parse(readFileSync(join(fixture.dataDir, 'exports', job.file?.name ?? ''), 'utf8')) as { features: { properties: { uid: string } }[] };
    expect(collection.features).toHaveLength(100);
    expect(new Set(collection.features.map((feature) => feature.properties.uid))).toEqual(new Set(['unit-7']));
  });
});

describe('Given markings as administrators write them', () => {
  it('When each becomes a file name part, Then it is upper case with each run of other characters one dash', () => {
    expect(markingSlug('UNCLASSIFIED')).toBe('UNCLASSIFIED');
    expect(markingSlug('SECRET//NOFORN')).toBe('SECRET-NOFORN');
    expect(markingSlug(' nato restricted ')).toBe('NATO-RESTRICTED');
    expect(markingSlug('//')).toBe('UNMARKED');
  });
});

describe('Given the export page queries', () => {
  it('When SQLite plans them, Then each page is one range of the fixes’ primary key, with a key lookup per dictionary', () => {
    const literal = (sql: string): string => sql.replaceAll('?', '1');
    for (const sql of [EXPORT_FIRST_PAGE_SQL, EXPORT_NEXT_PAGE_SQL]) {
      const plan = queryPlanOf(literal(sql));
      expect(plan.split('\n')[0]).toMatch(/^SEARCH p USING PRIMARY KEY \(/);
      expect(plan).not.toMatch(/SCAN|TEMP B-TREE/);
    }
  });
});
