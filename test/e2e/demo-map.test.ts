import { mkdirSync } from 'node:fs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Browser, Page } from 'playwright-core';
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

describe('Given Outpost in web mode with the demo feed', () => {
  const dataDir = makeTempDir();
  let host: RunningWebHost;
  let browser: Browser;
  let page: Page;
  let watch: PageWatch;
  let openedAt = 0;

  beforeAll(async () => {
    host = await startWebHostProcess(['--data-dir', dataDir.path]);
    browser = await launchChromium();
    page = await browser.newPage({ viewport: { width: 1400, height: 850 } });
    watch = watchPage(page);
    openedAt = Date.now();
    await page.goto(`${host.url}&testHooks=1`);
  });

  const setGrouping = async (grouped: boolean): Promise<void> => {
    await page.getByTestId('layers-button').click();
    await page.getByTestId('cluster-toggle').setChecked(grouped);
    await page.getByTestId('layers-button').click();
  };

  afterAll(async () => {
    await browser?.close();
    await host?.stop();
    dataDir.remove();
  });

  it('When the page opens, Then at least 150 demo tracks are drawn on the map within 15 s', async () => {
    await page.waitForFunction(() => (window.__outpostTest?.renderedTrackCount() ?? 0) >= 150, null, { timeout: 15_000, polling: 250 });
    const rendered = await page.evaluate(() => window.__outpostTest?.renderedTrackCount() ?? 0);
    expect(rendered).toBeGreaterThanOrEqual(150);
    expect(Date.now() - openedAt).toBeLessThan(15_000);
  });

  it('When a few seconds pass, Then the tracks move', async () => {
    const sample = () =>
      page.evaluate(() => {
        const hooks = window.__outpostTest;
        return Object.fromEntries((hooks?.trackUids() ?? []).map((uid) => [uid, hooks?.trackPosition(uid)]));
      });
    const before = await sample();
    await page.waitForTimeout(2_500);
    const after = await sample();
    const moved = Object.keys(before).filter((uid) => {
      const a = before[uid];
      const b = after[uid];
      return a && b && (a.lat !== b.lat || a.lon !== b.lon);
    });
    expect(moved.length).toBeGreaterThanOrEqual(150);
  });

  it('Then the status bar shows the demo source connected and records being cached', async () => {
    await expect.poll(() => page.getByTestId('connection-state').textContent(), { timeout: 5_000 }).toContain('demo scenario: connected');
    const records = Number((await page.getByTestId('record-count').textContent())?.replace(/[^0-9]/g, ''));
    expect(records).toBeGreaterThanOrEqual(200);
  });

  it('Then dense tracks are grouped at this zoom, each group counting its members by affiliation', async () => {
    await expect.poll(() => page.evaluate(() => window.__outpostTest?.renderedClusters().length ?? 0), { timeout: 5_000 }).toBeGreaterThan(0);
    const clusters = await page.evaluate(() => window.__outpostTest?.renderedClusters() ?? []);
    for (const cluster of clusters) {
      expect(cluster.count).toBeGreaterThanOrEqual(4);
      expect(cluster.friend + cluster.hostile + cluster.neutral + cluster.unknown).toBe(cluster.count);
    }
  });

  it('When grouping is switched off in the Layers panel, Then the scripted units are drawn as their MIL-STD-2525 symbols, and every symbol is framed for its affiliation', async () => {
    await setGrouping(false);
    await expect.poll(() => page.evaluate(() => window.__outpostTest?.renderedClusters().length ?? -1), { timeout: 5_000 }).toBe(0);

    const scripted = [
      { uid: 'demo-jump-1', affiliation: 'hostile', sidc: 'SHAPMF---------', stale: 'fresh' },
      { uid: 'demo-silent-1', affiliation: 'friend', sidc: 'SFGPUCI--------', stale: 'fresh' },
      { uid: 'demo-intruder-1', affiliation: 'hostile', sidc: 'SHGPUCA--------', stale: 'fresh' },
    ];
    const uids = scripted.map(({ uid }) => uid);
    await expect
      .poll(() => page.evaluate((wanted) => (window.__outpostTest?.renderedSymbols() ?? []).filter(({ uid }) => wanted.includes(uid)), uids), { timeout: 5_000 })
      .toEqual(expect.arrayContaining(scripted.map((symbol) => expect.objectContaining(symbol))));

    const symbols = await page.evaluate(() => window.__outpostTest?.renderedSymbols() ?? []);
    expect(symbols.length).toBeGreaterThanOrEqual(150);
    const identities: Record<string, string> = { friend: 'FA', hostile: 'HSJK', neutral: 'N', unknown: 'UPO' };
    const misframed = symbols.filter(({ sidc, affiliation }) => sidc.length !== 15 || !(identities[affiliation] ?? '').includes(sidc.charAt(1)));
    expect(misframed).toEqual([]);
    expect(new Set(symbols.map(({ sidc }) => sidc.charAt(2)))).toEqual(new Set(['G', 'A', 'S']));
  });

  it('Then callsign labels are drawn beside the symbols, from glyphs made in the page', async () => {
    await expect.poll(() => page.evaluate(() => window.__outpostTest?.renderedLabelCount() ?? 0), { timeout: 5_000 }).toBeGreaterThanOrEqual(20);
  });

  it('Then a screenshot of the live map is saved', async () => {
    mkdirSync(SCREENSHOT_DIR, { recursive: true });
    await page.screenshot({ path: `${SCREENSHOT_DIR}/demo-map.png` });
  });

  it('When a track symbol is clicked, Then that track is selected in the list and ringed on the map', async () => {
    const target = await page.evaluate(() => {
      const hooks = window.__outpostTest;
      const placed = (hooks?.renderedSymbols() ?? []).flatMap(({ uid }) => {
        const point = hooks?.trackScreenPoint(uid);
        return point ? [{ uid, ...point }] : [];
      });
      // A symbol with no other within 40 px, so the click can only land on it.
      return placed.find((one) => placed.every((other) => other === one || Math.hypot(other.x - one.x, other.y - one.y) > 40)) ?? null;
    });
    expect(target).not.toBeNull();
    if (target === null) return;
    await page.mouse.click(target.x, target.y);
    await expect.poll(() => page.evaluate(() => window.__outpostTest?.renderedSelection() ?? []), { timeout: 5_000 }).toEqual([target.uid]);
    expect(await page.locator('.track-list button.selected').count()).toBe(1);
  });

  it('When grouping is switched back on and a group is clicked, Then the map closes in on it', async () => {
    await setGrouping(true);
    await expect.poll(() => page.evaluate(() => window.__outpostTest?.renderedClusters().length ?? 0), { timeout: 5_000 }).toBeGreaterThan(0);
    const zoomBefore = await page.evaluate(() => window.__outpostTest?.mapZoom() ?? 0);
    // The largest group the click can reach: one under a control or the map's edge would take the click itself.
    const cluster = await page.evaluate(
      () =>
        [...(window.__outpostTest?.renderedClusters() ?? [])]
          .filter(({ x, y }) => document.elementFromPoint(x, y)?.classList.contains('maplibregl-canvas') === true)
          .sort((a, b) => b.count - a.count)[0] ?? null,
    );
    expect(cluster).not.toBeNull();
    if (cluster === null) return;
    await page.mouse.click(cluster.x, cluster.y);
    await expect.poll(() => page.evaluate(() => window.__outpostTest?.mapZoom() ?? 0), { timeout: 5_000 }).toBeGreaterThan(zoomBefore + 0.5);
  });

  it('Then the page made no request to any origin but loopback, and logged no error', () => {
    expect(watch.requests.length).toBeGreaterThan(0);
    expect(watch.offLoopback()).toEqual([]);
    expect(watch.problems).toEqual([]);
  });
});
