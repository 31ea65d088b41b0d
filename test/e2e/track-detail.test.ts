import { mkdirSync } from 'node:fs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Browser, Page } from 'playwright-core';
import { distanceMetres } from '../../shared/geo';
import type { OutpostTestHooks } from '../../renderer/test-hooks';
import { launchChromium } from '../support/chromium';
import { makeTempDir } from '../support/temp-dir';
import { startWebHostProcess, type RunningWebHost } from '../support/web-host-process';
import { watchPage, type PageWatch } from '../support/page-watch';

declare global {
  interface Window {
    __outpostTest?: OutpostTestHooks;
  }
}

const SCREENSHOT_DIR = 'test-results/e2e';
/** The demo's fast hostile aircraft: 180 m/s, so a map that does not follow falls behind in a second. */
const RAPTOR = { uid: 'demo-jump-1', callsign: 'RAPTOR 3' };
/** A followed centre may trail the track by one ease, under a second at 180 m/s. */
const FOLLOW_TOLERANCE_METRES = 400;

describe('Given Outpost in web mode with the demo feed, and a track selected from the list', () => {
  const dataDir = makeTempDir();
  let host: RunningWebHost;
  let browser: Browser;
  let page: Page;
  let watch: PageWatch;

  /** The map's centre and the track's position, read in one go so neither moves in between. */
  const followSample = () =>
    page.evaluate((uid) => {
      const hooks = window.__outpostTest;
      return { center: hooks?.mapCenter() ?? null, track: hooks?.trackPosition(uid) ?? null };
    }, RAPTOR.uid);

  beforeAll(async () => {
    host = await startWebHostProcess(['--data-dir', dataDir.path]);
    browser = await launchChromium();
    page = await browser.newPage({ viewport: { width: 1400, height: 850 } });
    watch = watchPage(page);
    await page.goto(`${host.url}&testHooks=1`);
    // A setup wait, not a measured figure (demo-map.test.ts measures the 15 s): CI runs the broker tests alongside.
    await page.waitForFunction(() => (window.__outpostTest?.renderedTrackCount() ?? 0) >= 150, null, { timeout: 45_000, polling: 250 });
  });

  afterAll(async () => {
    await browser?.close();
    await host?.stop();
    dataDir.remove();
  });

  it('When its row is clicked, Then the detail card shows its callsign, CoT type in words and the raw CoT it came in', async () => {
    await page.getByLabel('Filter tracks').fill(RAPTOR.callsign);
    await page.locator('.track-list button', { hasText: RAPTOR.callsign }).click();

    const card = page.getByTestId('track-detail');
    await expect.poll(() => page.getByTestId('track-detail-callsign').textContent(), { timeout: 5_000 }).toBe(RAPTOR.callsign);
    const fields = await card.getByTestId('track-detail-fields').textContent();
    expect(fields).toContain(RAPTOR.uid);
    expect(fields).toContain('a-h-A-M-F (Hostile, air)');
    expect(fields).toMatch(/\d+\.\d m\/s \(\d+\.\d kn\)/);
    expect(fields).toContain('m HAE');
    await expect.poll(() => card.getByTestId('track-raw').textContent(), { timeout: 5_000 }).toContain('<event');
    expect(await card.getByTestId('track-raw').textContent()).toContain(`uid="${RAPTOR.uid}"`);
  });

  it('When a few seconds pass, Then the speed and altitude sparklines draw the recent reports', async () => {
    const plotted = (testId: string) => page.getByTestId(testId).getAttribute('data-points').then(Number);
    await expect.poll(() => plotted('speed-sparkline'), { timeout: 8_000 }).toBeGreaterThanOrEqual(3);
    await expect.poll(() => plotted('altitude-sparkline'), { timeout: 2_000 }).toBeGreaterThanOrEqual(3);
    expect(await page.locator('[data-testid="speed-sparkline"] path').getAttribute('d')).toMatch(/^M[\d.]+ [\d.]+(L[\d.]+ [\d.]+)+$/);
  });

  it('When Follow is turned on, Then the map stays centred on the aircraft as it flies', async () => {
    await page.getByTestId('track-follow').check();
    await page.waitForTimeout(1_500);
    const first = await followSample();
    await page.waitForTimeout(3_000);
    const second = await followSample();

    for (const sample of [first, second]) {
      expect(sample.center).not.toBeNull();
      expect(sample.track).not.toBeNull();
      if (sample.center === null || sample.track === null) return;
      expect(distanceMetres(sample.center, sample.track)).toBeLessThan(FOLLOW_TOLERANCE_METRES);
    }
    // Otherwise a map that never moved would pass.
    if (first.track !== null && second.track !== null) expect(distanceMetres(first.track, second.track)).toBeGreaterThan(300);
    mkdirSync(SCREENSHOT_DIR, { recursive: true });
    await page.screenshot({ path: `${SCREENSHOT_DIR}/track-detail.png` });
  });

  it('When the analyst drags the map, Then following stops', async () => {
    const box = await page.getByTestId('map').boundingBox();
    if (box === null) throw new Error('The map is not on the page.');
    const from = { x: box.x + 200, y: box.y + box.height / 2 };
    await page.mouse.move(from.x, from.y);
    await page.mouse.down();
    await page.mouse.move(from.x + 60, from.y + 40, { steps: 6 });
    await page.mouse.up();
    await expect.poll(() => page.getByTestId('track-follow').isChecked(), { timeout: 2_000 }).toBe(false);
  });

  it('When Esc is pressed, Then the detail card closes', async () => {
    await page.keyboard.press('Escape');
    await expect.poll(() => page.getByTestId('track-detail').count(), { timeout: 2_000 }).toBe(0);
    expect(await page.locator('.track-list button.selected').count()).toBe(0);
  });

  it('Then the page made no request to any origin but loopback, and logged no error', () => {
    expect(watch.requests.length).toBeGreaterThan(0);
    expect(watch.offLoopback()).toEqual([]);
    expect(watch.problems).toEqual([]);
  });
});
