import { mkdirSync } from 'node:fs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Browser, Page } from 'playwright-core';
import { layerVisibilityStorageKey } from '../../renderer/map/filters/layer-visibility';
import type { TrailTestHooks } from '../../renderer/map/trails/trail-test-hooks';
import type { OutpostTestHooks } from '../../renderer/test-hooks';
import { launchChromium } from '../support/chromium';
import { makeTempDir } from '../support/temp-dir';
import { startWebHostProcess, type RunningWebHost } from '../support/web-host-process';
import { watchPage, type PageWatch } from '../support/page-watch';

declare global {
  interface Window {
    __outpostTest?: OutpostTestHooks;
    __outpostTrails?: TrailTestHooks;
  }
}

const SCREENSHOT_DIR = 'test-results/e2e';

/** A 2525C SIDC gives the battle dimension in its third letter; A is air. */
const AIR_DIMENSION_LETTER = 'A';
/** CoT's hostile letters (hostile, suspect, joker, faker) followed by the air dimension. */
const HOSTILE_AIR_TYPE = /^a-[hsjk]-A(-|$)/;

describe('Given Outpost in web mode with the demo feed, and the track filter, layer toggles, trails and find', () => {
  const dataDir = makeTempDir();
  let host: RunningWebHost;
  let browser: Browser;
  let page: Page;
  let watch: PageWatch;
  let allTracksDrawn = 0;

  /** The drawn symbols that are not hostile air, and how many symbols there are in all. */
  const renderedSymbolSummary = () =>
    page.evaluate((airLetter) => {
      const symbols = window.__outpostTest?.renderedSymbols() ?? [];
      return {
        count: symbols.length,
        notHostileAir: symbols.filter((symbol) => symbol.affiliation !== 'hostile' || symbol.sidc[2] !== airLetter).length,
      };
    }, AIR_DIMENSION_LETTER);

  const listRows = () =>
    page.locator('.track-list ol li').evaluateAll((items) =>
      items.map((item) => ({
        affiliation: item.querySelector('.chip')?.getAttribute('aria-label') ?? '',
        type: item.querySelector('.type')?.textContent ?? '',
      })),
    );

  beforeAll(async () => {
    host = await startWebHostProcess(['--data-dir', dataDir.path]);
    browser = await launchChromium();
    page = await browser.newPage({ viewport: { width: 1400, height: 850 } });
    watch = watchPage(page);
    await page.goto(`${host.url}&testHooks=1`);
    // Setup waits, not measured figures: generous, because CI runs the broker tests alongside.
    await page.waitForFunction(() => (window.__outpostTest?.renderedTrackCount() ?? 0) >= 150, null, { timeout: 45_000, polling: 250 });
    await page.waitForFunction(() => window.__outpostTrails !== undefined, null, { timeout: 45_000 });
    allTracksDrawn = await page.evaluate(() => window.__outpostTest?.renderedTrackCount() ?? 0);
  });

  afterAll(async () => {
    await browser?.close();
    await host?.stop();
    dataDir.remove();
  });

  it('When the filter is set to hostile air, Then every symbol on the map and every row in the list is hostile air', async () => {
    await page.getByTestId('filter-button').click();
    await page.getByTestId('filter-affiliation-hostile').check();
    await page.getByTestId('filter-dimension-air').check();

    // Polled until the map has drawn the filter: some symbols, none of them anything but hostile air.
    await expect.poll(async () => {
      const { count, notHostileAir } = await renderedSymbolSummary();
      return count > 0 && notHostileAir === 0;
    }, { timeout: 10_000 }).toBe(true);
    expect((await renderedSymbolSummary()).count).toBeLessThan(allTracksDrawn);

    const rows = await listRows();
    expect(rows.length).toBeGreaterThan(0);
    expect(rows.filter((row) => row.affiliation !== 'hostile' || !HOSTILE_AIR_TYPE.test(row.type))).toEqual([]);
    expect(await page.locator('.track-list .count').textContent()).toMatch(/^\d+ of \d+ tracks$/);
    expect(await page.getByTestId('filter-button').textContent()).toBe('Filter on');
    mkdirSync(SCREENSHOT_DIR, { recursive: true });
    await page.screenshot({ path: `${SCREENSHOT_DIR}/track-filters.png` });
  });

  it('When the filter is cleared, Then all the tracks are on the map and in the list again', async () => {
    await page.getByTestId('filter-clear').click();
    await expect
      .poll(() => page.evaluate(() => window.__outpostTest?.renderedTrackCount() ?? 0), { timeout: 10_000 })
      .toBeGreaterThanOrEqual(allTracksDrawn * 0.9);
    expect((await renderedSymbolSummary()).notHostileAir).toBeGreaterThan(0);
    expect(await page.locator('.track-list .count').textContent()).toMatch(/^\d+ tracks$/);
    await page.getByTestId('filter-button').click();
  });

  it('When the callsigns are switched off, Then none is drawn, and that is remembered', async () => {
    await expect.poll(() => page.evaluate(() => window.__outpostTest?.renderedLabelCount()), { timeout: 10_000 }).toBeGreaterThan(0);
    await page.getByTestId('layers-button').click();
    await page.getByTestId('layer-toggle-labels').uncheck();

    await expect.poll(() => page.evaluate(() => window.__outpostTest?.renderedLabelCount()), { timeout: 10_000 }).toBe(0);
    expect(await page.evaluate((key) => localStorage.getItem(key), layerVisibilityStorageKey('labels'))).toBe('hidden');
    expect(await page.evaluate(() => window.__outpostTest?.renderedTrackCount())).toBeGreaterThan(0);

    await page.getByTestId('layer-toggle-labels').check();
    await page.getByTestId('layers-button').click();
  });

  it('When a few seconds pass, Then the tracks leave trails on the map', async () => {
    await expect.poll(() => page.evaluate(() => window.__outpostTrails?.renderedTrailCount()), { timeout: 15_000 }).toBeGreaterThan(0);
  });

  it('When a callsign is typed in the find field and Enter pressed, Then the first match is selected', async () => {
    const callsign = (await page.locator('.track-list ol li .callsign').nth(10).textContent()) ?? '';
    expect(callsign).not.toBe('');
    const find = page.getByLabel('Filter tracks');
    await find.fill(callsign);
    const firstMatch = await page.locator('.track-list ol li .callsign').first().textContent();
    expect(firstMatch).toContain(callsign);

    await find.press('Enter');
    await expect.poll(() => page.locator('.track-list button.selected .callsign').textContent(), { timeout: 5_000 }).toBe(firstMatch);
    await expect.poll(() => page.evaluate(() => window.__outpostTest?.renderedSelection().length), { timeout: 10_000 }).toBe(1);
  });

  it('Then the page made no request to any origin but loopback, and logged no error or warning', () => {
    expect(watch.requests.length).toBeGreaterThan(0);
    expect(watch.offLoopback()).toEqual([]);
    expect(watch.problems).toEqual([]);
  });
});
