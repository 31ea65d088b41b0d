import { mkdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Browser, Page } from 'playwright-core';
import { CACHE_FILE_NAME } from '../../electron/core/create-core';
import { openDatabase } from '../../electron/core/store/open-database';
import { DRAG_SEEK_MS } from '../../renderer/review/replay';
import { formatUtc } from '../../renderer/review/utc-time';
import type { OutpostTestHooks } from '../../renderer/test-hooks';
import { launchChromium } from '../support/chromium';
import { cacheReviewScript, type ReviewScript, type ScriptedEntity } from '../support/review-cache';
import { makeTempDir } from '../support/temp-dir';
import { startWebHostProcess, type RunningWebHost } from '../support/web-host-process';
import { watchPage, type PageWatch } from '../support/page-watch';
import { testCacheKeys } from '../support/test-keyring';

declare global {
  interface Window {
    __outpostTest?: OutpostTestHooks;
  }
}

const SCREENSHOT_DIR = 'test-results/e2e';
const MARKING = 'SECRET//REL TO EXERCISE';
const EVERY_MS = 5_000;
const MINUTE_MS = 60_000;
/** Whole seconds, so every fix time can be typed into the time field exactly. */
const END = Math.floor(Date.now() / 1_000) * 1_000 - 2 * MINUTE_MS;
const START = END - 30 * MINUTE_MS;

/** Entity `index` heads off on a straight line of its own from its own corner, a little faster than the one before. */
function straightLine(index: number): ScriptedEntity['positionAt'] {
  const origin = { lat: 40 + index * 0.05, lon: 9 + index * 0.05 };
  const degreesPerHour = { lat: 0.1 + index * 0.02, lon: 0.05 - index * 0.03 };
  return (time) => {
    const hours = (time - START) / 3_600_000;
    return { lat: origin.lat + degreesPerHour.lat * hours, lon: origin.lon + degreesPerHour.lon * hours };
  };
}

const ENTITIES: readonly ScriptedEntity[] = [
  { uid: 'review-alpha', callsign: 'ALPHA 1', type: 'a-f-G-U-C-I', positionAt: straightLine(0) },
  { uid: 'review-bravo', callsign: 'BRAVO 2', type: 'a-h-G-U-C-A', positionAt: straightLine(1) },
  { uid: 'review-charlie', callsign: 'CHARLIE 3', type: 'a-n-S-X', positionAt: straightLine(2) },
  { uid: 'review-delta', callsign: 'DELTA 4', type: 'a-u-G', positionAt: straightLine(3) },
];
const SCRIPT: ReviewScript = { entities: ENTITIES, from: START, to: END, everyMs: EVERY_MS };
const FIXES_PER_ENTITY = (END - START) / EVERY_MS + 1;

/** The time of the latest fix at or before `time`: what review must show then. */
function fixTimeAtOrBefore(time: number): number {
  return Math.min(END, START + Math.floor((time - START) / EVERY_MS) * EVERY_MS);
}

const expectedPositions = (time: number) => ENTITIES.map((entity) => ({ uid: entity.uid, ...entity.positionAt(fixTimeAtOrBefore(time)) }));

/** Caches the script in a data folder through the real ingest path, under the key the host will look for. */
async function cacheScriptIn(dataDir: string): Promise<number> {
  mkdirSync(dataDir, { recursive: true, mode: 0o700 });
  const file = join(dataDir, CACHE_FILE_NAME);
  const db = openDatabase({ file, key: (await testCacheKeys(dataDir)).databaseKey });
  try {
    return cacheReviewScript(db, SCRIPT);
  } finally {
    db.close();
  }
}

function writeConfig(path: string): void {
  const profile = { id: 'offline', name: 'Offline', brokers: ['127.0.0.1:9'], enabled: false, subscriptions: [] };
  writeFileSync(path, JSON.stringify({ profiles: [profile], classification: { marking: MARKING } }));
}

async function openOutpost(browser: Browser, host: RunningWebHost): Promise<{ page: Page; watch: PageWatch }> {
  const page = await browser.newPage({ viewport: { width: 1400, height: 850 } });
  const watch = watchPage(page);
  await page.goto(`${host.url}&testHooks=1`);
  await page.waitForFunction(() => window.__outpostTest !== undefined, null, { timeout: 15_000 });
  return { page, watch };
}

const reviewTime = (page: Page) => page.evaluate(() => window.__outpostTest?.reviewTime() ?? null);
const settledAt = (page: Page) => page.evaluate(() => (window.__outpostTest?.reviewSettled() === true ? window.__outpostTest.reviewTime() : null));
const shownPositions = (page: Page) =>
  page.evaluate((uids) => uids.map((uid) => ({ uid, ...(window.__outpostTest?.trackPosition(uid) ?? { lat: NaN, lon: NaN }) })), ENTITIES.map((entity) => entity.uid));

/** Positions went through CoT text and back; a millionth of a degree is about ten centimetres. */
const DEGREES_TOLERANCE = 5e-7;

/** The review time, once the picture shows every unit where it was then; null until it does. */
async function momentShown(page: Page): Promise<number | null> {
  const time = await settledAt(page);
  if (time === null) return null;
  const expected = expectedPositions(time);
  const shown = await shownPositions(page);
  const matches = shown.every((position, index) => {
    const want = expected[index];
    return want !== undefined && Math.abs(position.lat - want.lat) < DEGREES_TOLERANCE && Math.abs(position.lon - want.lon) < DEGREES_TOLERANCE;
  });
  return matches ? time : null;
}

/** The moment shown, once it has stayed shown for longer than a resting hand takes to bring a frame. */
async function momentHeld(page: Page): Promise<number | null> {
  const first = await momentShown(page);
  if (first === null) return null;
  await page.waitForTimeout(4 * DRAG_SEEK_MS);
  return (await momentShown(page)) === first ? first : null;
}

async function expectEntitiesWhereTheyWereAt(page: Page, time: number): Promise<void> {
  const shown = await shownPositions(page);
  const expected = expectedPositions(time);
  for (const [index, position] of shown.entries()) {
    const want = expected[index];
    expect(position.uid).toBe(want?.uid);
    expect(position.lat).toBeCloseTo(want?.lat ?? NaN, 6);
    expect(position.lon).toBeCloseTo(want?.lon ?? NaN, 6);
  }
}

async function seekByTyping(page: Page, time: number): Promise<void> {
  const field = page.getByTestId('review-time-input');
  await field.fill(formatUtc(time));
  await field.press('Enter');
  await expect.poll(() => settledAt(page), { timeout: 10_000 }).toBe(time);
}

describe('Given a cache holding half an hour of four units on straight lines, and no feed', () => {
  const dir = makeTempDir();
  const config = join(dir.path, 'outpost.json');
  const exported = join(dir.path, 'exported.geojson');
  let cachedRecords = 0;
  let host: RunningWebHost;
  let browser: Browser;
  let page: Page;
  let watch: PageWatch;

  beforeAll(async () => {
    writeConfig(config);
    cachedRecords = await cacheScriptIn(join(dir.path, 'data'));
    [host, browser] = await Promise.all([startWebHostProcess(['--config', config, '--data-dir', join(dir.path, 'data')]), launchChromium()]);
    ({ page, watch } = await openOutpost(browser, host));
  });

  afterAll(async () => {
    await browser?.close();
    await host?.stop();
    dir.remove();
  });

  it('When review is entered and the slider dragged to a moment, Then every unit sits where it was at that moment', async () => {
    expect(cachedRecords).toBe(ENTITIES.length * FIXES_PER_ENTITY);
    await page.getByTestId('review-enter').click();
    await expect.poll(() => page.evaluate(() => window.__outpostTest?.reviewRange() ?? null), { timeout: 10_000 }).toMatchObject({ from: START, to: END });

    const target = START + 10 * MINUTE_MS;
    const [thumb, goal] = await page.evaluate(
      ({ from, to }) => [window.__outpostTest?.reviewSliderPoint(from) ?? null, window.__outpostTest?.reviewSliderPoint(to) ?? null],
      { from: (await reviewTime(page)) ?? END, to: target },
    );
    if (thumb === null || goal === null) throw new Error('The review slider is not shown.');
    await page.mouse.move(thumb.x, thumb.y);
    await page.mouse.down();
    await page.mouse.move(goal.x, goal.y, { steps: 8 });
    await page.mouse.up();

    // A pixel of slider is a couple of seconds of this half hour: the hand lands near the moment, not on it.
    // The time shows at once but the frame only once the hand has rested, so wait for the picture to catch up.
    await expect.poll(() => momentHeld(page), { timeout: 10_000 }).not.toBeNull();
    const landed = (await settledAt(page)) ?? NaN;
    expect(Math.abs(landed - target)).toBeLessThan(30_000);
    await expectEntitiesWhereTheyWereAt(page, landed);
  });

  it('When an exact moment is typed into the time field, Then the units sit exactly where they were then', async () => {
    const exact = START + 12 * MINUTE_MS + 35_000;
    await seekByTyping(page, exact);
    await expectEntitiesWhereTheyWereAt(page, exact);
    mkdirSync(SCREENSHOT_DIR, { recursive: true });
    await page.screenshot({ path: `${SCREENSHOT_DIR}/review-at-moment.png` });
  });

  it('When played at 10×, Then review time runs ten times faster than the clock and the units move along their lines', async () => {
    const before = (await reviewTime(page)) ?? NaN;
    const alphaBefore = (await shownPositions(page))[0]?.lat ?? NaN;
    await page.getByTestId('review-speed').selectOption('10');
    const startedAt = Date.now();
    await page.getByTestId('review-play').click();
    await expect.poll(async () => ((await reviewTime(page)) ?? before) - before, { timeout: 10_000 }).toBeGreaterThan(20_000);
    await page.getByTestId('review-pause').click();
    const elapsed = Date.now() - startedAt;
    const after = (await reviewTime(page)) ?? NaN;
    // Ten times the real time that passed at most, with a tick's slack; well over four, whatever the start-up latency.
    expect(after - before).toBeLessThanOrEqual(10 * elapsed + 1_000);
    expect((after - before) / elapsed).toBeGreaterThan(4);
    await expect.poll(async () => (await shownPositions(page))[0]?.lat ?? NaN, { timeout: 5_000 }).toBeGreaterThan(alphaBefore);
    await expect.poll(() => momentShown(page), { timeout: 5_000 }).toBe(after);
  });

  it('When a callsign is searched up to a moment and its newest row clicked, Then review goes to that fix and selects that unit there', async () => {
    const bravo = ENTITIES[1];
    if (bravo === undefined) throw new Error('The script lost its second unit.');
    const fixTime = START + 20 * MINUTE_MS;
    await page.getByTestId('search-tab').click();
    await page.getByTestId('search-callsign').fill(bravo.callsign);
    await page.getByTestId('search-to').fill(formatUtc(fixTime));
    await page.getByTestId('search-run').click();
    const firstRow = page.getByTestId('search-row').first();
    await expect.poll(() => firstRow.getAttribute('data-time'), { timeout: 10_000 }).toBe(String(fixTime));
    expect(await page.getByTestId('search-row').evaluateAll((rows) => [...new Set(rows.map((row) => row.getAttribute('data-uid')))])).toEqual([bravo.uid]);

    await firstRow.click();
    await expect.poll(() => settledAt(page), { timeout: 10_000 }).toBe(fixTime);
    await expect.poll(() => page.evaluate(() => window.__outpostTest?.renderedSelection() ?? []), { timeout: 10_000 }).toEqual([bravo.uid]);
    await expectEntitiesWhereTheyWereAt(page, fixTime);
  });

  it('When the whole half hour is exported as GeoJSON, Then the file parses, holds every fix and carries the marking', async () => {
    await page.getByTestId('files-tab').click();
    const files = page.locator('.files-panel');
    await files.getByTestId('export-window-from').fill(formatUtc(START));
    await files.getByTestId('export-window-to').fill(formatUtc(END));
    await files.getByTestId('export-format').selectOption('geojson');
    await files.getByTestId('export-start').click();
    const download = files.getByTestId('job-download');
    await download.waitFor({ timeout: 20_000 });
    const name = (await download.getAttribute('download')) ?? '';
    expect(name.startsWith('SECRET-REL-TO-EXERCISE_outpost_')).toBe(true);

    const response = await fetch((await download.getAttribute('href')) ?? '');
    expect(response.status).toBe(200);
    const text = await response.text();
    writeFileSync(exported, text);
    const collection = JSON.parse(text) as { classification: string; features: { properties: { uid: string } }[]; outpost: { count: number } };
    expect(collection.classification).toBe(MARKING);
    expect(collection.features).toHaveLength(cachedRecords);
    expect(collection.outpost.count).toBe(cachedRecords);
    expect(new Set(collection.features.map((feature) => feature.properties.uid))).toEqual(new Set(ENTITIES.map((entity) => entity.uid)));
  });

  it('When a second Outpost with an empty cache imports that file from the Files tab, Then review there shows the same units at the same moment', async () => {
    const second = await startWebHostProcess(['--config', config, '--data-dir', join(dir.path, 'second-data')]);
    try {
      const { page: secondPage, watch: secondWatch } = await openOutpost(browser, second);
      await secondPage.getByTestId('files-tab').click();
      const imports = secondPage.locator('.import-section');
      await imports.getByTestId('import-path').fill(exported);
      await imports.getByTestId('import-start').click();
      await expect.poll(() => imports.getByTestId('job-progress').getAttribute('data-state'), { timeout: 20_000 }).toBe('done');
      await expect.poll(() => imports.getByTestId('import-source').count(), { timeout: 5_000 }).toBe(1);

      const moment = START + 17 * MINUTE_MS + 5_000;
      await secondPage.getByTestId('review-enter').click();
      await expect.poll(() => secondPage.evaluate(() => window.__outpostTest?.reviewRange() ?? null), { timeout: 10_000 }).toMatchObject({ from: START, to: END });
      await seekByTyping(secondPage, moment);
      await expectEntitiesWhereTheyWereAt(secondPage, moment);
      await seekByTyping(page, moment);
      expect(await shownPositions(secondPage)).toEqual(await shownPositions(page));

      expect(secondWatch.offLoopback()).toEqual([]);
      expect(secondWatch.problems).toEqual([]);
    } finally {
      await second.stop();
    }
  });

  it('Then the page made no request to any origin but loopback, and logged no error', () => {
    expect(watch.offLoopback()).toEqual([]);
    expect(watch.problems).toEqual([]);
  });
});
