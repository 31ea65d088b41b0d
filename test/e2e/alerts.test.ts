import { mkdirSync } from 'node:fs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Browser, Page } from 'playwright-core';
import { distanceMetres, type LatLon } from '../../shared/geo';
import { ALERT_RING_LAYER } from '../../renderer/map/alert-rings';
import { AREA_FILL_LAYER } from '../../renderer/map/tools/area-layers';
import type { MapToolTestHooks } from '../../renderer/map/tools/tool-test-hooks';
import type { OutpostTestHooks } from '../../renderer/test-hooks';
import { launchChromium } from '../support/chromium';
import { makeTempDir } from '../support/temp-dir';
import { startWebHostProcess, type RunningWebHost } from '../support/web-host-process';
import { watchPage, type PageWatch } from '../support/page-watch';

declare global {
  interface Window {
    __outpostTest?: OutpostTestHooks;
    __outpostMapTools?: MapToolTestHooks;
    __notified?: string[];
  }
}

const SCREENSHOT_DIR = 'test-results/e2e';
/** The demo's hostile aircraft fly at 110 to 240 m/s, so this rule fires on the live demo at once, not after its scripted minutes. */
const RULE = { name: 'Fast hostile aircraft', id: 'fast-hostile-aircraft', expression: 'affiliation = "hostile" and speed > 100' };
const NOTE = 'Tasked the CAP to intercept.';
/** The demo's slow friendly patrol, to draw a geofence around. */
const WHISKEY = 'demo-silent-1';
/** Half the side of the square drawn around it, in degrees: a few kilometres, clear of the symbol at zoom 11. */
const HALF_SIDE_DEGREES = 0.03;
/** The row shows the place to five decimals of a degree, about a metre. */
const FOCUS_TOLERANCE_METRES = 50;

/** "40.12345° N  9.01234° E", as the row shows it, back to degrees. */
function parseLatLon(text: string): LatLon {
  const match = /([\d.]+)° ([NS])\s+([\d.]+)° ([EW])/.exec(text);
  if (match === null) throw new Error(`“${text}” is not a position.`);
  const [, lat = '', ns, lon = '', ew] = match;
  return { lat: Number(lat) * (ns === 'S' ? -1 : 1), lon: Number(lon) * (ew === 'W' ? -1 : 1) };
}

describe('Given Outpost in web mode with the demo feed', () => {
  const dataDir = makeTempDir();
  let host: RunningWebHost;
  let browser: Browser;
  let page: Page;
  let watch: PageWatch;
  let acknowledgedId = '';

  beforeAll(async () => {
    host = await startWebHostProcess(['--data-dir', dataDir.path]);
    browser = await launchChromium();
    // Granted up front, as the analyst's Allow would: the critical alerts below then notify the desktop for real.
    page = await browser.newPage({ viewport: { width: 1400, height: 850 }, permissions: ['notifications'] });
    watch = watchPage(page);
    // Chromium's own Notification, which also notes each title, since a headless desktop shows nothing to look at.
    await page.addInitScript(() => {
      const Shown = window.Notification;
      window.__notified = [];
      window.Notification = class extends Shown {
        constructor(title: string, options?: NotificationOptions) {
          super(title, options);
          window.__notified?.push(title);
        }
      };
    });
    await page.goto(`${host.url}&testHooks=1`);
    // A setup wait, not a measured figure (demo-map.test.ts measures it): CI runs the broker tests alongside.
    await page.waitForFunction(() => (window.__outpostTest?.storedTrackCount() ?? 0) >= 150, null, { timeout: 45_000, polling: 250 });
  });

  afterAll(async () => {
    await browser?.close();
    await host?.stop();
    dataDir.remove();
  });

  const rows = () => page.getByTestId('alert-row');

  it('When a condition with a mistake is typed into a new rule, Then the editor says what is wrong and points at it, and nothing is saved', async () => {
    await page.getByTestId('alerts-tab').click();
    await page.getByTestId('alerts-view-rules').click();
    await page.getByTestId('rule-new').click();
    await page.getByTestId('rule-kind').selectOption('expression');
    await page.getByTestId('rule-expression').fill('speed >');

    expect(await page.getByTestId('rule-expression-error').textContent()).toBe("Column 8: expected a value after '>' but the expression ends there.");
    expect(await page.getByTestId('rule-expression-caret').textContent()).toBe('speed >\n       ^');
    await page.getByTestId('rule-name').fill(RULE.name);
    await page.getByTestId('rule-save').click();
    await expect.poll(() => page.getByTestId('rule-name-error').count()).toBe(0);
    expect(await page.getByTestId('rule-editor').isVisible()).toBe(true);
    expect(await page.getByTestId('rule-row').filter({ hasText: RULE.name }).count()).toBe(0);
  });

  it('When the rule is finished as a critical condition on fast hostile aircraft, tested against the cache and saved, Then alerts appear at once, with a red badge and the status bar counting them', async () => {
    expect(await page.getByTestId('rule-id').inputValue()).toBe(RULE.id);
    await page.getByTestId('rule-severity').selectOption('critical');
    await page.getByTestId('rule-expression').fill(RULE.expression);
    expect(await page.getByTestId('rule-expression-error').count()).toBe(0);
    await page.getByTestId('rule-test-run').click();
    await expect
      .poll(() => page.getByTestId('rule-test-summary').textContent(), { timeout: 15_000 })
      .toMatch(/^Would have fired (once|[\d,]+ times) for [\d,]+ entit(y|ies) over the last 24 h, first at .+Z, last at .+Z\.$/);
    expect(await page.getByTestId('rule-test-example').count()).toBeGreaterThan(0);
    await page.getByTestId('rule-save').click();
    await page.locator(`[data-testid="rule-row"][data-id="${RULE.id}"]`).waitFor({ timeout: 10_000 });

    await page.getByTestId('alerts-view-alerts').click();
    expect(await page.getByTestId('notification-access').getAttribute('data-access')).toBe('granted');
    await expect.poll(() => rows().filter({ hasText: RULE.name }).count(), { timeout: 15_000 }).toBeGreaterThan(0);
    await expect.poll(() => page.getByTestId('alerts-badge').getAttribute('data-level'), { timeout: 5_000 }).toBe('critical');
    expect(await page.getByTestId('alerts-new').textContent()).toMatch(/^\d+ new alerts?, \d+ critical$/);
    const first = rows().filter({ hasText: RULE.name }).first();
    expect(await first.getAttribute('data-severity')).toBe('critical');
    expect(await first.getByTestId('alert-message').textContent()).toContain(`matches ${RULE.expression}`);
    const notified = await page.evaluate(() => window.__notified ?? []);
    expect(notified.length).toBeGreaterThan(0);
    for (const title of notified) expect(title).toMatch(/^(Critical alert: Fast hostile aircraft|\d+ critical alerts)$/);
  });

  it('When an alert is clicked, Then the map goes to where it happened, the aircraft is selected, and it is ringed as alerted', async () => {
    const alert = rows().filter({ hasText: RULE.name }).first();
    const place = parseLatLon((await alert.getByTestId('alert-location').textContent()) ?? '');
    const callsign = await alert.getByTestId('alert-who').textContent();

    await alert.getByTestId('alert-show').click();

    await expect
      .poll(async () => distanceMetres(place, await page.evaluate(() => window.__outpostTest?.mapCenter() ?? { lat: 0, lon: 0 })), { timeout: 5_000 })
      .toBeLessThan(FOCUS_TOLERANCE_METRES);
    await expect.poll(() => page.getByTestId('track-detail-callsign').textContent(), { timeout: 5_000 }).toBe(callsign);
    await expect.poll(() => page.evaluate((layer) => window.__outpostMapTools?.renderedFeatureCount(layer) ?? 0, ALERT_RING_LAYER), { timeout: 5_000 }).toBeGreaterThan(0);
    mkdirSync(SCREENSHOT_DIR, { recursive: true });
    await page.screenshot({ path: `${SCREENSHOT_DIR}/alerts.png` });
  });

  it('When it is acknowledged with a note, Then it reads acknowledged, with who did it and the note', async () => {
    const alert = rows().filter({ hasText: RULE.name }).first();
    acknowledgedId = (await alert.getAttribute('data-id')) ?? '';
    await alert.getByTestId('alert-acknowledge').click();
    await alert.getByTestId('alert-note').fill(NOTE);
    await alert.getByTestId('alert-step-submit').click();

    const acknowledged = page.locator(`[data-testid="alert-row"][data-id="${acknowledgedId}"]`);
    await expect.poll(() => acknowledged.getAttribute('data-state'), { timeout: 5_000 }).toBe('acknowledged');
    expect(await acknowledged.getByTestId('alert-history-acknowledged').textContent()).toContain(NOTE);
  });

  it('When the page is reloaded, Then the alert is still acknowledged, with its note', async () => {
    await page.reload();
    await page.getByTestId('alerts-tab').click();
    const acknowledged = page.locator(`[data-testid="alert-row"][data-id="${acknowledgedId}"]`);
    await acknowledged.waitFor({ timeout: 15_000 });

    expect(await acknowledged.getAttribute('data-state')).toBe('acknowledged');
    expect(await acknowledged.getByTestId('alert-history-acknowledged').textContent()).toContain(NOTE);
    expect(await acknowledged.getByTestId('alert-acknowledge').count()).toBe(0);
  });

  it('When a geofence is drawn as a polygon around a unit, Then the editor has its four corners, the map shows the area, and the rule saves', async () => {
    await page.waitForFunction((uid) => (window.__outpostTest?.trackPosition(uid) ?? null) !== null, WHISKEY, { timeout: 15_000, polling: 250 });
    const centre = await page.evaluate((uid) => window.__outpostTest?.trackPosition(uid) ?? null, WHISKEY);
    if (centre === null) throw new Error(`The demo has no ${WHISKEY}.`);
    await page.evaluate(({ lat, lon }) => window.__outpostMapTools?.jumpTo(lat, lon, 11), centre);
    await page.getByTestId('alerts-view-rules').click();
    await page.getByTestId('rule-new').click();
    await page.getByTestId('rule-name').fill('Around WHISKEY 7');

    await page.getByTestId('rule-draw-polygon').click();
    const corners = [
      { lat: centre.lat + HALF_SIDE_DEGREES, lon: centre.lon - HALF_SIDE_DEGREES },
      { lat: centre.lat + HALF_SIDE_DEGREES, lon: centre.lon + HALF_SIDE_DEGREES },
      { lat: centre.lat - HALF_SIDE_DEGREES, lon: centre.lon + HALF_SIDE_DEGREES },
      { lat: centre.lat - HALF_SIDE_DEGREES, lon: centre.lon - HALF_SIDE_DEGREES },
    ];
    // The first corner again closes the polygon.
    for (const corner of [...corners, corners[0] ?? centre]) {
      const pixel = await page.evaluate(({ lat, lon }) => window.__outpostMapTools?.clientPointOf(lat, lon) ?? null, corner);
      if (pixel === null) throw new Error('The map tools’ test hooks are missing.');
      await page.mouse.click(pixel.x, pixel.y);
    }

    await expect.poll(() => page.getByTestId('rule-area-summary').textContent(), { timeout: 5_000 }).toBe('A polygon of 4 corners.');
    expect(await page.getByTestId('area-draw-panel').count()).toBe(0);
    await expect.poll(() => page.evaluate((layer) => window.__outpostMapTools?.renderedFeatureCount(layer) ?? 0, AREA_FILL_LAYER), { timeout: 5_000 }).toBeGreaterThan(0);
    await page.screenshot({ path: `${SCREENSHOT_DIR}/geofence-drawn.png` });

    await page.getByTestId('rule-save').click();
    const saved = page.locator('[data-testid="rule-row"][data-id="around-whiskey-7"]');
    await saved.waitFor({ timeout: 10_000 });
    expect(await saved.getByTestId('rule-row-kind').textContent()).toBe('Geofence');
    await expect.poll(() => page.evaluate((layer) => window.__outpostMapTools?.renderedFeatureCount(layer) ?? 0, AREA_FILL_LAYER), { timeout: 5_000 }).toBe(0);
  });

  it('Then the page made no request to any origin but loopback, and logged no error', () => {
    expect(watch.offLoopback()).toEqual([]);
    expect(watch.problems).toEqual([]);
  });
});
