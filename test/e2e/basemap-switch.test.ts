import { mkdirSync } from 'node:fs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Browser, Page } from 'playwright-core';
import { BUNDLED_BASEMAP_ID } from '../../shared/basemaps';
import { BASEMAP_STORAGE_KEY } from '../../renderer/map/basemaps/basemap-choice';
import type { MapToolTestHooks } from '../../renderer/map/tools/tool-test-hooks';
import { buildMbtiles, type StoredMbtilesTile } from '../builders/mbtiles-builder';
import { solidPng, type Rgb } from '../builders/png-builder';
import { launchChromium } from '../support/chromium';
import { connectContract } from '../support/contract-client';
import { watchPage, type PageWatch } from '../support/page-watch';
import { makeTempDir } from '../support/temp-dir';
import { startWebHostProcess, type RunningWebHost } from '../support/web-host-process';

declare global {
  interface Window {
    __outpostMapTools?: MapToolTestHooks;
  }
}

const SCREENSHOT_DIR = 'test-results/e2e';
const MAGENTA: Rgb = [255, 0, 255];
/** West, south, east, north: Sardinia and a wide margin of sea around it. */
const PACKAGE_BOUNDS = [6, 36, 14, 44] as const;
const PACKAGE_MAX_ZOOM = 6;
const PACKAGE_NAME = 'Magenta Test Area';
/** Open sea south-east and east of the demo's exercise area, where no track is drawn. */
const EMPTY_SEA = [
  { lat: 38.3, lon: 12.0 },
  { lat: 41.8, lon: 12.5 },
];

/** The XYZ column and row of the tile holding a position at a zoom (Web Mercator). */
function tileOf(lon: number, lat: number, z: number): { x: number; y: number } {
  const size = 2 ** z;
  const radians = (lat * Math.PI) / 180;
  const x = Math.floor(((lon + 180) / 360) * size);
  const y = Math.floor(((1 - Math.log(Math.tan(radians) + 1 / Math.cos(radians)) / Math.PI) / 2) * size);
  return { x: Math.min(x, size - 1), y: Math.min(y, size - 1) };
}

/** Pure magenta 256-pixel tiles at every address over PACKAGE_BOUNDS from z0 to PACKAGE_MAX_ZOOM. */
function magentaMbtiles(dir: string): string {
  const [west, south, east, north] = PACKAGE_BOUNDS;
  const png = solidPng(MAGENTA);
  const tiles: StoredMbtilesTile[] = [];
  for (let z = 0; z <= PACKAGE_MAX_ZOOM; z += 1) {
    const northWest = tileOf(west, north, z);
    const southEast = tileOf(east, south, z);
    for (let x = northWest.x; x <= southEast.x; x += 1) {
      for (let y = northWest.y; y <= southEast.y; y += 1) tiles.push({ z, x, tmsRow: 2 ** z - 1 - y, data: png });
    }
  }
  return buildMbtiles(dir, {
    fileName: 'magenta.mbtiles',
    metadata: { name: PACKAGE_NAME, format: 'png', minzoom: '0', maxzoom: String(PACKAGE_MAX_ZOOM), bounds: PACKAGE_BOUNDS.join(',') },
    tiles,
  });
}

function isMagenta([red, green, blue]: readonly number[]): boolean {
  return (red ?? 0) > 235 && (green ?? 255) < 20 && (blue ?? 0) > 235;
}

describe('Given Outpost in web mode with the demo feed, and a raster MBTiles package of magenta tiles on disk', () => {
  const dataDir = makeTempDir();
  const packageDir = makeTempDir('outpost-basemap-');
  const packagePath = magentaMbtiles(packageDir.path);
  const tileResponses: { url: string; status: number }[] = [];
  let host: RunningWebHost;
  let browser: Browser;
  let page: Page;
  let watch: PageWatch;

  /**
   * The colour drawn at a position, read from a screenshot of the pixels around it: the map's
   * WebGL canvas keeps no drawing buffer to read back. The PNG is decoded in the page from a blob,
   * which needs no request and no CSP allowance.
   */
  async function colourAt(point: { lat: number; lon: number }): Promise<number[]> {
    const pixel = await page.evaluate(({ lat, lon }) => window.__outpostMapTools?.clientPointOf(lat, lon), point);
    if (pixel === undefined) throw new Error('The map tools test hooks are not installed.');
    const png = await page.screenshot({ clip: { x: Math.round(pixel.x) - 2, y: Math.round(pixel.y) - 2, width: 5, height: 5 } });
    return page.evaluate(async (bytes) => {
      const image = await createImageBitmap(new Blob([new Uint8Array(bytes)], { type: 'image/png' }));
      const canvas = new OffscreenCanvas(image.width, image.height);
      const context = canvas.getContext('2d');
      if (context === null) throw new Error('No 2D context to read the screenshot with.');
      context.drawImage(image, 0, 0);
      return [...context.getImageData(2, 2, 1, 1).data.slice(0, 3)];
    }, [...png]);
  }

  const idle = () => page.evaluate(() => window.__outpostMapTools?.idle());
  const option = (name: string) => page.getByTestId('basemap-option').filter({ hasText: name });

  beforeAll(async () => {
    host = await startWebHostProcess(['--data-dir', dataDir.path]);
    browser = await launchChromium();
    page = await browser.newPage({ viewport: { width: 1400, height: 850 } });
    watch = watchPage(page);
    page.on('response', (response) => {
      if (new URL(response.url()).pathname.startsWith('/tiles/')) tileResponses.push({ url: response.url(), status: response.status() });
    });
    await page.goto(`${host.url}&testHooks=1`);
    // The map frames the demo's tracks once, when they first arrive; wait for that before moving it.
    // A setup wait, not a measured figure: generous, because CI runs the broker tests alongside.
    await page.waitForFunction(() => parseInt(document.querySelector('[data-testid="track-count"]')?.textContent ?? '', 10) > 0, null, {
      timeout: 45_000,
      polling: 100,
    });
    await page.waitForFunction(() => window.__outpostMapTools !== undefined, null, { timeout: 15_000 });
    await page.evaluate(() => window.__outpostMapTools?.jumpTo(40.0, 10.0, 6));
  });

  afterAll(async () => {
    await browser?.close();
    await host?.stop();
    dataDir.remove();
    packageDir.remove();
  });

  it('When the basemap list opens, Then it lists Natural Earth first and shows it', async () => {
    await page.getByTestId('basemap-button').click();
    await expect.poll(() => page.getByTestId('basemap-option').count()).toBe(1);
    const first = page.getByTestId('basemap-option').first();
    expect(await first.getAttribute('data-basemap-id')).toBe(BUNDLED_BASEMAP_ID);
    expect(await first.getByRole('radio').isChecked()).toBe(true);
    expect(isMagenta(await colourAt(EMPTY_SEA[0]!))).toBe(false);
  });

  it('When a relative path is typed, Then the core refuses it and its sentence is shown word for word', async () => {
    const contract = await connectContract(host.url);
    const refusal = await contract.call('basemaps.add', { path: 'maps/magenta.mbtiles' });
    contract.close();
    expect(refusal.ok).toBe(false);

    await page.getByTestId('basemap-path').fill('maps/magenta.mbtiles');
    await page.getByTestId('basemap-add').click();
    await expect.poll(() => page.getByTestId('basemap-add-problem').textContent()).toBe(refusal.error?.message);
    expect(await page.getByTestId('basemap-option').count()).toBe(1);
  });

  it('When the package is added by its path and selected, Then its magenta tiles are drawn from /tiles/ under the tracks', async () => {
    await page.getByTestId('basemap-path').fill(packagePath);
    await page.getByTestId('basemap-add').click();
    await expect.poll(() => option(PACKAGE_NAME).count()).toBe(1);
    expect(await page.getByTestId('basemap-add-problem').count()).toBe(0);

    await option(PACKAGE_NAME).getByRole('radio').check();
    await idle();
    for (const point of EMPTY_SEA) await expect.poll(() => colourAt(point).then(isMagenta), { timeout: 10_000 }).toBe(true);
    expect(await page.evaluate(() => window.__outpostMapTools?.renderedFeatureCount('tracks'))).toBeGreaterThan(0);

    expect(tileResponses.length).toBeGreaterThan(0);
    expect(tileResponses.filter(({ status }) => status !== 200)).toEqual([]);
    const remembered = await page.evaluate((key) => localStorage.getItem(key), BASEMAP_STORAGE_KEY);
    expect(await option(PACKAGE_NAME).getAttribute('data-basemap-id')).toBe(remembered);

    mkdirSync(SCREENSHOT_DIR, { recursive: true });
    await page.screenshot({ path: `${SCREENSHOT_DIR}/basemap-mbtiles.png` });
  });

  it('When Natural Earth is selected again, Then the magenta is gone', async () => {
    await option('Natural Earth').getByRole('radio').check();
    await idle();
    for (const point of EMPTY_SEA) await expect.poll(() => colourAt(point).then(isMagenta)).toBe(false);
    expect(await page.evaluate((key) => localStorage.getItem(key), BASEMAP_STORAGE_KEY)).toBe(BUNDLED_BASEMAP_ID);
  });

  it('When the package is removed and the removal confirmed, Then it leaves the list', async () => {
    await option(PACKAGE_NAME).getByTestId('basemap-remove').click();
    await option(PACKAGE_NAME).getByTestId('basemap-remove-confirm').click();
    await expect.poll(() => option(PACKAGE_NAME).count()).toBe(0);
  });

  it('Then the page made no request to any origin but loopback, and logged no error or warning', () => {
    expect(watch.requests.length).toBeGreaterThan(0);
    expect(watch.offLoopback()).toEqual([]);
    expect(watch.problems).toEqual([]);
  });
});
