import { mkdirSync } from 'node:fs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Browser, Page } from 'playwright-core';
import { EARTH_RADIUS_METRES } from '../../shared/geo';
import { COORDINATE_FORMAT_STORAGE_KEY } from '../../renderer/map/tools/CoordinateReadout';
import type { MapToolTestHooks } from '../../renderer/map/tools/tool-test-hooks';
import { METRES_PER_NAUTICAL_MILE } from '../../renderer/map/tools/measurement-format';
import { MEASUREMENT_PATH_LAYER, MEASUREMENT_VERTEX_LAYER } from '../../renderer/map/tools/measurement-layers';
import { mapPalettes } from '../../renderer/theme/map-palettes';
import { THEME_STORAGE_KEY } from '../../renderer/theme/use-theme';
import { launchChromium } from '../support/chromium';
import { makeTempDir } from '../support/temp-dir';
import { startWebHostProcess, type RunningWebHost } from '../support/web-host-process';
import { watchPage, type PageWatch } from '../support/page-watch';

declare global {
  interface Window {
    __outpostMapTools?: MapToolTestHooks;
  }
}

const SCREENSHOT_DIR = 'test-results/e2e';

/**
 * The centre of MGRS square 32T NK 12345 67890, from GeographicLib's GeoConvert
 * (`echo 32TNK1234567890 | GeoConvert -p 4`); see test/renderer/coordinates.test.ts. At zoom 20 a
 * pixel is under 6 cm, so the pixel the mouse lands on is well inside that one-metre square.
 */
const KNOWN_POINT = { lat: 40.361490239, lon: 9.145398732 };
const KNOWN_POINT_ZOOM = 20;

/** One degree of a meridian east of the demo's tracks, so no click lands on (and selects) a track. */
const MERIDIAN_START = { lat: 41, lon: 12.5 };
const MERIDIAN_END = { lat: 42, lon: 12.5 };
const MERIDIAN_ZOOM = 7.5;
const ONE_DEGREE_KM = (EARTH_RADIUS_METRES * Math.PI) / 180 / 1000;

/** Metres a screen pixel spans at a latitude and zoom (MapLibre's 512-pixel world at zoom 0). */
function metresPerPixel(lat: number, zoom: number): number {
  return (2 * Math.PI * 6_378_137 * Math.cos((lat * Math.PI) / 180)) / (512 * 2 ** zoom);
}

function numberIn(text: string | null): number {
  return Number((text ?? '').replace(/,/g, '').match(/[\d.]+/)?.[0]);
}

describe('Given Outpost in web mode with the demo feed, and its map tools', () => {
  const dataDir = makeTempDir();
  let host: RunningWebHost;
  let browser: Browser;
  let page: Page;
  let watch: PageWatch;

  const clientPointOf = (point: { lat: number; lon: number }) =>
    page.evaluate(({ lat, lon }) => window.__outpostMapTools?.clientPointOf(lat, lon), point).then((found) => {
      if (found === undefined) throw new Error('The map tools test hooks are not installed.');
      return found;
    });

  const renderedFeatureCount = (layer: string) => page.evaluate((id) => window.__outpostMapTools?.renderedFeatureCount(id), layer);

  const jumpTo = (point: { lat: number; lon: number }, zoom: number) =>
    page.evaluate(
      ({ lat, lon, zoom }) => window.__outpostMapTools?.jumpTo(lat, lon, zoom),
      { ...point, zoom },
    );

  beforeAll(async () => {
    host = await startWebHostProcess(['--data-dir', dataDir.path]);
    browser = await launchChromium();
    page = await browser.newPage({ viewport: { width: 1400, height: 850 } });
    watch = watchPage(page);
    await page.goto(`${host.url}&testHooks=1`);
    // The map frames the demo's tracks once, when they first arrive; wait for that before moving it.
    // A setup wait, not a measured figure: generous, because CI runs the broker tests alongside.
    await page.waitForFunction(() => parseInt(document.querySelector('[data-testid="track-count"]')?.textContent ?? '', 10) > 0, null, {
      timeout: 45_000,
      polling: 100,
    });
    await page.waitForFunction(() => window.__outpostMapTools !== undefined, null, { timeout: 15_000 });
  });

  afterAll(async () => {
    await browser?.close();
    await host?.stop();
    dataDir.remove();
  });

  it('When the page opens, Then it is in the night theme with a compass and metric and nautical scale bars', async () => {
    expect(await page.evaluate(() => document.documentElement.dataset['theme'])).toBe('night');
    await expect.poll(() => page.locator('.maplibregl-ctrl-compass').count()).toBe(1);
    const [metric, nautical, ...others] = await page.locator('.maplibregl-ctrl-scale').allTextContents();
    expect(metric).toMatch(/^\d+\s(m|km)$/);
    expect(nautical).toMatch(/^[\d.]+\snm$/);
    expect(others).toEqual([]);
  });

  it('When the pointer rests on a known point, Then the readout gives its latitude and longitude, and after a click its MGRS', async () => {
    await jumpTo(KNOWN_POINT, KNOWN_POINT_ZOOM);
    const target = await clientPointOf(KNOWN_POINT);
    await page.mouse.move(target.x, target.y);
    await expect.poll(() => page.getByTestId('coordinate-value').textContent()).toBe('40.36149° N  9.14540° E');

    await page.getByTestId('coordinate-readout').click();
    await page.mouse.move(target.x, target.y);
    await expect.poll(() => page.getByTestId('coordinate-value').textContent()).toBe('32T NK 12345 67890');
    expect(await page.getByTestId('coordinate-format').textContent()).toBe('MGRS');
  });

  it('When one degree of a meridian is measured, Then the leg and total read 111.2 km and 60.0 nmi, bearing 000° T', async () => {
    await jumpTo({ lat: (MERIDIAN_START.lat + MERIDIAN_END.lat) / 2, lon: MERIDIAN_START.lon }, MERIDIAN_ZOOM);
    await page.getByTestId('measure-button').click();
    const start = await clientPointOf(MERIDIAN_START);
    const end = await clientPointOf(MERIDIAN_END);
    await page.mouse.click(start.x, start.y);
    await page.mouse.click(end.x, end.y);

    const leg = page.getByTestId('measurement-leg');
    await expect.poll(() => leg.count()).toBe(1);
    const [km, nmi, bearing] = await leg.locator('td').allTextContents();
    // Each click lands within half a pixel of its point, so the leg is good to a pixel's length.
    const clickToleranceKm = metresPerPixel(MERIDIAN_END.lat, MERIDIAN_ZOOM) / 1000;
    expect(Math.abs(numberIn(km ?? null) - ONE_DEGREE_KM)).toBeLessThanOrEqual(clickToleranceKm);
    expect(Math.abs(numberIn(nmi ?? null) - (ONE_DEGREE_KM * 1000) / METRES_PER_NAUTICAL_MILE)).toBeLessThanOrEqual(clickToleranceKm);
    expect(km).toMatch(/ km$/);
    expect(nmi).toMatch(/ nmi$/);
    expect(bearing).toBe('000° T');
    expect(await page.getByTestId('measurement-total').locator('td').first().textContent()).toBe(km);

    await expect.poll(() => renderedFeatureCount(MEASUREMENT_VERTEX_LAYER)).toBe(2);
    expect(await renderedFeatureCount(MEASUREMENT_PATH_LAYER)).toBeGreaterThan(0);
  });

  it('When Esc is pressed, Then the measurement ends and its line and panel are gone', async () => {
    await page.keyboard.press('Escape');
    await expect.poll(() => page.getByTestId('measurement-panel').count()).toBe(0);
    expect(await page.getByTestId('measure-button').getAttribute('aria-pressed')).toBe('false');
    await page.evaluate(() => window.__outpostMapTools?.idle());
    expect(await renderedFeatureCount(MEASUREMENT_VERTEX_LAYER)).toBe(0);
  });

  it('When the map is turned and the compass clicked, Then north is up again', async () => {
    await page.evaluate(() => window.__outpostMapTools?.rotateTo(45));
    await page.locator('.maplibregl-ctrl-compass').click();
    await expect.poll(() => page.evaluate(() => window.__outpostMapTools?.bearing()), { timeout: 5_000 }).toBe(0);
  });

  it('When the theme is switched to day, Then panels and basemap change colour, and both themes are saved as screenshots', async () => {
    mkdirSync(SCREENSHOT_DIR, { recursive: true });
    const panelColour = () => page.evaluate(() => getComputedStyle(document.querySelector('.side-panel') ?? document.body).backgroundColor);
    const pointer = await showMeasuredDemoArea();
    const nightPanel = await panelColour();
    await page.screenshot({ path: `${SCREENSHOT_DIR}/theme-night.png` });

    await page.getByTestId('theme-day').click();
    await page.mouse.move(pointer.x, pointer.y);
    expect(await page.evaluate(() => document.documentElement.dataset['theme'])).toBe('day');
    expect(await panelColour()).not.toBe(nightPanel);
    expect(await page.evaluate(() => window.__outpostMapTools?.paintValue('sea', 'background-color'))).toBe(mapPalettes.day.basemap.sea);
    expect(await page.evaluate(() => window.__outpostMapTools?.paintValue('land', 'fill-color'))).toBe(mapPalettes.day.basemap.land);
    await page.evaluate(() => window.__outpostMapTools?.idle());
    await page.screenshot({ path: `${SCREENSHOT_DIR}/theme-day.png` });
  });

  it('Then the day theme and the MGRS readout are remembered in localStorage for the next start', async () => {
    const remembered = await page.evaluate(
      ({ themeKey, formatKey }) => [localStorage.getItem(themeKey), localStorage.getItem(formatKey)],
      { themeKey: THEME_STORAGE_KEY, formatKey: COORDINATE_FORMAT_STORAGE_KEY },
    );
    expect(remembered).toEqual(['day', 'mgrs']);
  });

  it('Then the page made no request to any origin but loopback, and logged no error or warning', () => {
    expect(watch.requests.length).toBeGreaterThan(0);
    expect(watch.offLoopback()).toEqual([]);
    expect(watch.problems).toEqual([]);
  });

  /** The demo's area with a two-leg measurement drawn in the open sea east of it; answers where the pointer rests. */
  async function showMeasuredDemoArea(): Promise<{ x: number; y: number }> {
    await jumpTo({ lat: 40.1, lon: 10.2 }, 7);
    await page.getByTestId('measure-button').click();
    for (const point of [
      { lat: 41.3, lon: 11.9 },
      { lat: 40.2, lon: 12.3 },
      { lat: 39.3, lon: 11.7 },
    ]) {
      const pixel = await clientPointOf(point);
      await page.mouse.click(pixel.x, pixel.y);
    }
    const pointer = await clientPointOf({ lat: 39.0, lon: 12.6 });
    await page.mouse.move(pointer.x, pointer.y);
    await expect.poll(() => page.getByTestId('measurement-leg').count()).toBe(2);
    await page.evaluate(() => window.__outpostMapTools?.idle());
    return pointer;
  }
});
