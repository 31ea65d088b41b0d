// `npm run bench:map`: the live map in headless Chromium with the demo feed at 10,000 and then
// 50,000 tracks updated at 1 Hz, drawn as 2525 symbols with dense tracks grouped (the default), as
// plain circles grouped the same way (the baseline that factors out the machine's software GL),
// and as 2525 symbols with grouping switched off.
import { writeFileSync } from 'node:fs';
import { cpus, totalmem } from 'node:os';
import { join } from 'node:path';
import type { Browser, Page } from 'playwright-core';
import type { MapTimingsReport } from '../../renderer/map/map-timings';
import type { OutpostTestHooks } from '../../renderer/test-hooks';
import { launchChromium } from '../support/chromium';
import { makeTempDir } from '../support/temp-dir';
import { startWebHostProcess } from '../support/web-host-process';

declare global {
  interface Window {
    __outpostTest?: OutpostTestHooks;
    __bench?: PageRecording;
  }
}

const SECONDS = Number(process.env['BENCH_MAP_SECONDS'] ?? 60);
/** The 50,000-track runs may be shortened on their own: loading that many tracks takes a while. */
const SECONDS_50K = Number(process.env['BENCH_MAP_SECONDS_50K'] ?? SECONDS);
const UNITS = (process.env['BENCH_MAP_UNITS'] ?? '10000,50000').split(',').map(Number);
/** How long a run may take to show every track before it is reported as never drawn. */
const LOAD_SECONDS = Number(process.env['BENCH_MAP_LOAD_SECONDS'] ?? 180);
const RATE_HZ = 1;
const WARM_UP_MS = 5_000;
const LONG_TASK_MS = 50;
const TARGETS = { batchP95Ms: 16, longTasks: 0, latencyP95Ms: 500 } as const;

type Mode = 'symbols' | 'circles' | 'ungrouped';
const MODES: readonly Mode[] = ['symbols', 'circles', 'ungrouped'];
/** The Layers panel's "group dense tracks" choice, as the page remembers it. */
const GROUPING_STORAGE = `localStorage.setItem('outpost.tracks.grouping', 'every-symbol');`;

/** A run whose tracks never all reached the map within {@link LOAD_SECONDS}. */
interface NotDrawn {
  readonly units: number;
  readonly mode: Mode;
  readonly notDrawn: string;
}

interface PageRecording {
  longTasks: Array<{ start: number; duration: number }>;
  /**
   * Each `tracks.updated` message: parse, validation and `store.apply`, timed around the socket's
   * listeners, with how old its first track's record was when it had been applied (record to page).
   */
  messages: Array<{ start: number; duration: number; bytes: number; lag: number }>;
}

/**
 * Runs before the page's own scripts: records long tasks, and times the WebSocket's message
 * listeners (the transport's decoding and the store's apply) for track batches. A string, so the
 * bundler's helpers never leak into the page.
 */
const PAGE_RECORDER = `
(() => {
  const recording = { longTasks: [], messages: [] };
  Object.defineProperty(window, '__bench', { value: recording });
  new PerformanceObserver((list) => {
    for (const entry of list.getEntries()) recording.longTasks.push({ start: entry.startTime, duration: entry.duration });
  }).observe({ type: 'longtask', buffered: true });
  const add = WebSocket.prototype.addEventListener;
  WebSocket.prototype.addEventListener = function (type, listener, options) {
    if (type !== 'message' || typeof listener !== 'function') return add.call(this, type, listener, options);
    return add.call(this, type, function (event) {
      const start = performance.now();
      try {
        return listener.call(this, event);
      } finally {
        const duration = performance.now() - start;
        if (typeof event.data === 'string' && event.data.slice(0, 200).includes('"tracks.updated"')) {
          const time = /"time":(\\d+)/.exec(event.data.slice(0, 4000));
          recording.messages.push({ start, duration, bytes: event.data.length, lag: time === null ? -1 : Date.now() - Number(time[1]) });
        }
      }
    }, options);
  };
})();
`;

interface RunResult {
  readonly units: number;
  readonly mode: Mode;
  readonly seconds: number;
  readonly batches: number;
  readonly batchMs: Stats;
  readonly applyMs: Stats;
  readonly drawMs: Stats;
  readonly longTasksPerMinute: number;
  readonly longestTaskMs: number;
  readonly latencyMs: Stats;
  readonly latencySamples: number;
  readonly toPageMs: Stats;
  readonly bytesPerBatch: number;
  readonly loadSeconds: number;
  /** Records the host cached per second while measuring: below the offered rate when it could not keep up. */
  readonly cachedPerSecond: number;
}

interface Stats {
  readonly p50: number;
  readonly p95: number;
  readonly max: number;
}

function stats(values: readonly number[]): Stats {
  if (values.length === 0) return { p50: Number.NaN, p95: Number.NaN, max: Number.NaN };
  const sorted = [...values].sort((a, b) => a - b);
  const at = (q: number): number => sorted[Math.min(sorted.length - 1, Math.ceil(q * sorted.length) - 1)] ?? Number.NaN;
  return { p50: at(0.5), p95: at(0.95), max: sorted.at(-1) ?? Number.NaN };
}

/**
 * One batch's main-thread cost: its message (decode, validation, store apply) plus the first
 * source redraw (snapshot, diff, setData/updateData) after it that no earlier batch claimed.
 */
function batchCosts(recording: PageRecording, timings: MapTimingsReport, from: number, to: number): { total: number[]; apply: number[]; draw: number[] } {
  const messages = recording.messages.filter((m) => m.start >= from && m.start < to).sort((a, b) => a.start - b.start);
  const draws = timings.batches.filter((b) => b.start >= from).sort((a, b) => a.start - b.start);
  const claimed = new Set<number>();
  const total: number[] = [];
  const draw: number[] = [];
  for (const message of messages) {
    const index = draws.findIndex((d, i) => !claimed.has(i) && d.start >= message.start + message.duration);
    const redraw = index >= 0 ? draws[index] : undefined;
    if (redraw !== undefined) {
      claimed.add(index);
      draw.push(redraw.duration);
    }
    total.push(message.duration + (redraw?.duration ?? 0));
  }
  return { total, apply: messages.map((m) => m.duration), draw };
}

async function run(browser: Browser, units: number, mode: Mode, seconds: number): Promise<RunResult | NotDrawn> {
  const dir = makeTempDir('outpost-bench-map-');
  const config = join(dir.path, 'outpost.json');
  writeFileSync(config, JSON.stringify({ demo: { units, rateHz: RATE_HZ } }));
  const host = await startWebHostProcess(['--config', config, '--data-dir', join(dir.path, 'data')]);
  let page: Page | null = null;
  try {
    page = await browser.newPage({ viewport: { width: 1400, height: 850 } });
    page.setDefaultTimeout(180_000);
    await page.addInitScript({ content: PAGE_RECORDER });
    if (mode === 'ungrouped') await page.addInitScript({ content: GROUPING_STORAGE });
    const opened = Date.now();
    try {
      await page.goto(`${host.url}&testHooks=1${mode === 'circles' ? '&baselineCircles=1' : ''}`, { timeout: LOAD_SECONDS * 1000 });
      await page.waitForFunction(
        (wanted) => {
          const hooks = window.__outpostTest;
          return hooks !== undefined && hooks.storedTrackCount() >= wanted && hooks.mapTimings().latencies.length > 0;
        },
        units,
        { timeout: Math.max(1_000, LOAD_SECONDS * 1000 - (Date.now() - opened)), polling: 1_000 },
      );
    } catch (error) {
      const stored = await Promise.race([
        page.evaluate(() => window.__outpostTest?.storedTrackCount() ?? 0).catch(() => 0),
        new Promise<number>((resolve) => setTimeout(() => resolve(0), 10_000)),
      ]);
      return { units, mode, notDrawn: `not all drawn within ${LOAD_SECONDS} s (${stored} tracks in the page's store): ${String(error).split('\n')[0]}` };
    }
    const loadSeconds = (Date.now() - opened) / 1000;
    await page.waitForTimeout(WARM_UP_MS);
    const cachedRecords = async (): Promise<number> => Number(((await page?.getByTestId('record-count').textContent()) ?? '').replace(/[^0-9]/g, ''));
    const cachedBefore = await cachedRecords();
    const from = await page.evaluate(() => performance.now());
    await page.waitForTimeout(seconds * 1000);
    const cachedAfter = await cachedRecords();
    const result = await page.evaluate(() => ({
      to: performance.now(),
      recording: window.__bench ?? { longTasks: [], messages: [] },
      timings: window.__outpostTest?.mapTimings() ?? { batches: [], latencies: [], superseded: 0 },
      drawn: window.__outpostTest?.renderedTrackCount() ?? 0,
    }));
    const { total, apply, draw } = batchCosts(result.recording, result.timings, from, result.to);
    const longTasks = result.recording.longTasks.filter((t) => t.start >= from && t.start < result.to);
    const messages = result.recording.messages.filter((m) => m.start >= from && m.start < result.to);
    const latencies = result.timings.latencies.filter((l) => l.at >= from && l.at < result.to).map((l) => l.latency);
    if (result.drawn < units * 0.9) console.warn(`  note: only ${result.drawn} of ${units} tracks are placed on the map at the end of the ${mode} run`);
    return {
      units,
      mode,
      seconds,
      batches: total.length,
      batchMs: stats(total),
      applyMs: stats(apply),
      drawMs: stats(draw),
      longTasksPerMinute: longTasks.filter((t) => t.duration > LONG_TASK_MS).length / (seconds / 60),
      longestTaskMs: Math.max(0, ...longTasks.map((t) => t.duration)),
      latencyMs: stats(latencies),
      latencySamples: latencies.length,
      toPageMs: stats(messages.map((m) => m.lag).filter((lag) => lag >= 0)),
      bytesPerBatch: messages.reduce((sum, m) => sum + m.bytes, 0) / Math.max(1, messages.length),
      loadSeconds,
      cachedPerSecond: (cachedAfter - cachedBefore) / seconds,
    };
  } finally {
    await page?.close().catch(() => undefined);
    await host.stop();
    dir.remove();
  }
}

const ms = (value: number): string => (Number.isNaN(value) ? 'n/a' : `${value.toFixed(1)} ms`);
const ratio = (a: number, b: number): string => (b > 0 && Number.isFinite(a / b) ? `${(a / b).toFixed(2)}×` : 'n/a');
const met = (ok: boolean): string => (ok ? 'met' : 'NOT met');

function describe(r: RunResult | NotDrawn): string {
  if ('notDrawn' in r) return `  ${r.mode.padEnd(7)} ${r.notDrawn}`;
  return (
    `  ${r.mode.padEnd(7)} ${r.batches} batches in ${r.seconds} s (first picture after ${r.loadSeconds.toFixed(1)} s): ` +
    `batch p50 ${ms(r.batchMs.p50)}, p95 ${ms(r.batchMs.p95)}, max ${ms(r.batchMs.max)} ` +
    `[decode+store apply p95 ${ms(r.applyMs.p95)}, source diff+update p95 ${ms(r.drawMs.p95)}]; ` +
    `long tasks ${r.longTasksPerMinute.toFixed(1)}/min, longest ${ms(r.longestTaskMs)}; ` +
    `record-to-map p50 ${ms(r.latencyMs.p50)}, p95 ${ms(r.latencyMs.p95)} (${r.latencySamples} samples; ` +
    `record-to-page p50 ${ms(r.toPageMs.p50)}, p95 ${ms(r.toPageMs.p95)}); ${(r.bytesPerBatch / 2 ** 20).toFixed(1)} MiB per batch message; ` +
    `${Math.round(r.cachedPerSecond).toLocaleString('en-US')} records cached per second`
  );
}

async function main(): Promise<void> {
  const browser = await launchChromium();
  const results: Array<Record<Mode, RunResult | NotDrawn>> = [];
  try {
    console.log(`machine: ${cpus().length} × ${cpus()[0]?.model ?? 'unknown CPU'}, ${Math.round(totalmem() / 2 ** 30)} GiB, Node ${process.version}, Chromium ${browser.version()} (headless, SwiftShader GL)`);
    for (const units of UNITS) {
      const seconds = units >= 50_000 ? SECONDS_50K : SECONDS;
      console.log(`${units.toLocaleString('en-US')} tracks at ${RATE_HZ} Hz, ${seconds} s each:`);
      const byMode: Partial<Record<Mode, RunResult | NotDrawn>> = {};
      for (const mode of MODES) {
        byMode[mode] = await run(browser, units, mode, seconds);
        console.log(describe(byMode[mode]));
      }
      results.push(byMode as Record<Mode, RunResult | NotDrawn>);
    }
  } finally {
    await browser.close();
  }

  console.log('');
  console.log('| tracks | batch p95 symbols | batch p95 circles | ratio | long tasks > 50 ms /min (symbols, circles) | longest task (symbols, circles) | ratio | latency p95 symbols | latency p95 circles | ratio |');
  console.log('| --- | --- | --- | --- | --- | --- | --- | --- | --- | --- |');
  for (const { symbols: s, circles: c, ungrouped: u } of results) {
    if ('notDrawn' in s || 'notDrawn' in c) {
      console.log(`| ${s.units.toLocaleString('en-US')} | the tracks never all reached the map within ${LOAD_SECONDS} s: nothing measured | | | | | | | | |`);
      continue;
    }
    console.log(
      `| ${s.units.toLocaleString('en-US')} | ${ms(s.batchMs.p95)} | ${ms(c.batchMs.p95)} | ${ratio(s.batchMs.p95, c.batchMs.p95)} | ` +
        `${s.longTasksPerMinute.toFixed(1)}, ${c.longTasksPerMinute.toFixed(1)} | ${ms(s.longestTaskMs)}, ${ms(c.longestTaskMs)} | ${ratio(s.longestTaskMs, c.longestTaskMs)} | ` +
        `${ms(s.latencyMs.p95)} | ${ms(c.latencyMs.p95)} | ${ratio(s.latencyMs.p95, c.latencyMs.p95)} |`,
    );
    if (!('notDrawn' in u)) {
      console.log(
        `| ${u.units.toLocaleString('en-US')}, every symbol (grouping off) | ${ms(u.batchMs.p95)} | | | ${u.longTasksPerMinute.toFixed(1)} | ${ms(u.longestTaskMs)} | | ${ms(u.latencyMs.p95)} | | |`,
      );
    }
  }
  const small = results.find(({ symbols }) => symbols.units === 10_000)?.symbols;
  if (small !== undefined && !('notDrawn' in small)) {
    console.log('');
    console.log('targets at 10,000 tracks (symbols):');
    console.log(`  batch p95 ≤ ${TARGETS.batchP95Ms} ms: ${met(small.batchMs.p95 <= TARGETS.batchP95Ms)} (${ms(small.batchMs.p95)})`);
    console.log(`  no long task over ${LONG_TASK_MS} ms: ${met(small.longTasksPerMinute === TARGETS.longTasks)} (${small.longTasksPerMinute.toFixed(1)}/min, longest ${ms(small.longestTaskMs)})`);
    console.log(`  record-to-map p95 ≤ ${TARGETS.latencyP95Ms} ms: ${met(small.latencyMs.p95 <= TARGETS.latencyP95Ms)} (${ms(small.latencyMs.p95)})`);
  }
}

main().catch((error: unknown) => {
  console.error(error);
  process.exit(1);
});
