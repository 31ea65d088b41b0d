// `npm run bench:review`: offline review on a large cache. Seeks to random moments through the core's
// dispatcher (keyframe plus the fixes after it) against the naive seek (each entity's latest fix through the per-entity index) on
// the same cache and times; the first page of a mix of searches; export throughput per format; and the
// cache's size on disk. BENCH_REVIEW_RECORDS sets the size (default 10,000,000); BENCH_REVIEW_CACHE=<dir>
// keeps the generated cache there and reuses it on the next run.
import { existsSync, readdirSync, rmSync, statSync } from 'node:fs';
import { cpus, totalmem } from 'node:os';
import { join } from 'node:path';
import { performance } from 'node:perf_hooks';
import { OutpostConfigSchema } from '../../shared/config';
import type { Job } from '../../shared/jobs';
import type { ReviewFrame } from '../../shared/review';
import type { SearchPage, SearchQuery } from '../../shared/search';
import { EXPORT_FORMATS, type ExportFormat } from '../../shared/transfer';
import { systemClock } from '../../electron/core';
import { testKeyringSecrets } from '../support/test-keyring';
import { CACHE_FILE_NAME, createCore, type Core } from '../../electron/core/create-core';
import { createReviewQueries } from '../../electron/core/store/review-queries';
import { EXPORTS_FOLDER } from '../../electron/core/transfer/write-export';
import { SEARCH_PAGE_ROWS } from '../../renderer/search/use-search';
import { openCacheForInspection } from '../support/read-cache';
import { recordingLog } from '../support/recording-log';
import { seeded } from '../support/seeded';
import { makeTempDir } from '../support/temp-dir';
import { sourceIngestWorker } from '../support/ingest-worker';
import { BENCH_ENTITIES, BENCH_KINDS, BENCH_SPAN_MS, BENCH_WORDS, benchCache, benchCallsign, benchPosition, benchUid, type BenchCache } from './review-bench-cache';

const RECORDS = Number(process.env['BENCH_REVIEW_RECORDS'] ?? 10_000_000);
const KEPT_CACHE = process.env['BENCH_REVIEW_CACHE'] ?? null;
const EXPORT_RECORDS = 1_000_000;
const FORMATS: readonly ExportFormat[] = (process.env['BENCH_REVIEW_FORMATS']?.split(',') as ExportFormat[] | undefined) ?? EXPORT_FORMATS;
const SEEKS = 200;
const WARMUP_SEEKS = 5;
const SEARCHES_PER_KIND = 20;
const HOUR_MS = 3_600_000;
const RETAIN_BYTES = 64 * 2 ** 30;
const format = new Intl.NumberFormat('en-US', { maximumFractionDigits: 1 });

function percentile(values: readonly number[], share: number): number {
  const sorted = [...values].sort((a, b) => a - b);
  return sorted[Math.min(sorted.length - 1, Math.ceil(share * sorted.length) - 1)] ?? NaN;
}
const ms = (value: number): string => `${format.format(value)} ms`;
const spread = (values: readonly number[]): string => `p50 ${ms(percentile(values, 0.5))}, p95 ${ms(percentile(values, 0.95))}, max ${ms(Math.max(...values))}`;

async function call<T>(core: Core, method: string, args: unknown): Promise<T> {
  const answer = await core.dispatch(method, args);
  if (!answer.ok) throw new Error(`${method} failed: ${answer.error.message}`);
  return answer.value as T;
}

async function main(): Promise<void> {
  console.log(`machine: ${cpus().length} × ${cpus()[0]?.model ?? 'unknown CPU'}, ${Math.round(totalmem() / 2 ** 30)} GiB, Node ${process.version}`);
  const temp = KEPT_CACHE === null ? makeTempDir('outpost-review-bench-') : null;
  const dataDir = KEPT_CACHE ?? join(temp?.path ?? '', 'data');
  try {
    console.log(`\n## Cache: ${format.format(RECORDS)} CoT records from ${format.format(BENCH_ENTITIES)} entities over 24 h, ending now`);
    const cache = await benchCache(dataDir, RECORDS, (line) => console.log(line));
    console.log(
      cache.ingestRate === null
        ? `reused the cache in ${dataDir}`
        : `generated through the real ingest path (CoT XML, decoder, writer with review and search indexes, keyframes), batches of 5,000: ${format.format(cache.ingestRate)} records/s`,
    );
    reportSize(cache);

    const opening = performance.now();
    const core = await createCore({
      dataDir,
      // Retention's default 4 GiB would start deleting a 10-million-record cache under the measurements.
      config: OutpostConfigSchema.parse({
        profiles: [{ id: 'offline', name: 'Offline', brokers: ['127.0.0.1:9'], enabled: false, subscriptions: [] }],
        retention: { maxAgeHours: 24 * 30, maxBytes: RETAIN_BYTES },
      }),
      secrets: await testKeyringSecrets(dataDir),
      clock: systemClock,
      log: recordingLog(),
      ingestWorker: sourceIngestWorker,
    });
    console.log(`core opened the cache (integrity check, migrations, keyframe catch-up) in ${ms(performance.now() - opening)}`);
    try {
      await benchSeeks(core, cache);
      await benchSearches(core, cache);
      await benchExports(core, cache);
    } finally {
      await core.close();
    }
  } finally {
    temp?.remove();
  }
}

function reportSize(cache: BenchCache): void {
  const bytes = ['', '-wal', '-shm'].map((suffix) => join(cache.dataDir, CACHE_FILE_NAME + suffix)).reduce((sum, file) => sum + (existsSync(file) ? statSync(file).size : 0), 0);
  console.log(`cache on disk: ${format.format(bytes / 2 ** 30)} GiB, ${format.format(bytes / (cache.records / 1_000_000) / 2 ** 20)} MiB per million records (${format.format(bytes / cache.records)} B/record)`);
}

async function benchSeeks(core: Core, cache: BenchCache): Promise<void> {
  console.log(`\n## Seek: ${SEEKS} random moments in the 24 h (target p95 ≤ 200 ms to the first frame's data)`);
  const random = seeded(7);
  const moments = Array.from({ length: SEEKS + WARMUP_SEEKS }, () => cache.from + Math.floor(random() * (cache.to - cache.from)));

  const took: number[] = [];
  const rowsRead: number[] = [];
  let tracksShown = 0;
  for (const [index, at] of moments.entries()) {
    const started = performance.now();
    const frame = await call<ReviewFrame>(core, 'review.frame', { at });
    // What a host then sends the renderer.
    JSON.stringify(frame);
    if (index < WARMUP_SEEKS) continue;
    took.push(performance.now() - started);
    rowsRead.push(frame.rowsRead);
    tracksShown += frame.tracks.length;
  }
  console.log(`review.frame through the dispatcher, JSON encoding included: ${spread(took)}`);
  console.log(`  rows read per seek: mean ${format.format(rowsRead.reduce((sum, rows) => sum + rows, 0) / rowsRead.length)}, max ${format.format(Math.max(...rowsRead))}; entities shown per frame: mean ${format.format(tracksShown / took.length)}`);

  // The baseline reads only positions, no tracks built and nothing encoded: it is given every advantage.
  const db = await openCacheForInspection(cache.dataDir);
  try {
    db.pragma('cache_size = -65536');
    const queries = createReviewQueries(db);
    const naive: number[] = [];
    for (const [index, at] of moments.entries()) {
      const started = performance.now();
      let found = 0;
      for (const entity of queries.entityIds()) if (queries.latestFixOf(entity, at) !== null) found += 1;
      if (index >= WARMUP_SEEKS) naive.push(performance.now() - started);
      if (found === 0) throw new Error('The naive seek found nothing.');
    }
    console.log(`baseline, same cache and moments, latest fix of each of the ${format.format(BENCH_ENTITIES)} entities through the per-entity index: ${spread(naive)}`);
  } finally {
    db.close();
  }
}

async function benchSearches(core: Core, cache: BenchCache): Promise<void> {
  console.log(`\n## Search: first page of ${SEARCH_PAGE_ROWS} rows, newest first, ${SEARCHES_PER_KIND} of each kind (target ≤ 50 ms)`);
  const random = seeded(11);
  const anEntity = (): number => Math.floor(random() * BENCH_ENTITIES);
  const aMoment = (): number => cache.from + HOUR_MS + Math.floor(random() * (BENCH_SPAN_MS - HOUR_MS));
  const aWord = (): string => BENCH_WORDS[Math.floor(random() * BENCH_WORDS.length)] ?? 'convoy';
  const kinds: readonly { name: string; query: () => SearchQuery }[] = [
    { name: 'callsign', query: () => ({ callsign: benchCallsign(anEntity()) }) },
    { name: 'uid', query: () => ({ uid: benchUid(anEntity()) }) },
    {
      name: 'type + 1 h window',
      query: () => {
        const to = aMoment();
        return { types: [BENCH_KINDS[Math.floor(random() * BENCH_KINDS.length)]?.type.slice(0, 5) ?? 'a-h-A'], from: to - HOUR_MS, to };
      },
    },
    {
      name: 'area (0.3° square)',
      query: () => {
        const centre = benchPosition(anEntity(), aMoment(), cache.from);
        return { area: { west: centre.lon - 0.15, south: centre.lat - 0.15, east: centre.lon + 0.15, north: centre.lat + 0.15 } };
      },
    },
    { name: 'text (one word)', query: () => ({ text: aWord() }) },
    {
      name: 'text (two words) + 1 h window',
      query: () => {
        const to = aMoment();
        return { text: `${aWord()} ${aWord()}`, from: to - HOUR_MS, to };
      },
    },
  ];
  const all: number[] = [];
  for (const kind of kinds) {
    const took: number[] = [];
    let rows = 0;
    for (let n = 0; n < SEARCHES_PER_KIND + 1; n += 1) {
      const query = kind.query();
      const started = performance.now();
      const page = await call<SearchPage>(core, 'search.query', { query, limit: SEARCH_PAGE_ROWS });
      JSON.stringify(page);
      // The first of each kind warms its statements and pages.
      if (n === 0) continue;
      took.push(performance.now() - started);
      rows += page.rows.length;
    }
    all.push(...took);
    console.log(`${kind.name}: p50 ${ms(percentile(took, 0.5))}, p95 ${ms(percentile(took, 0.95))} (${format.format(rows / took.length)} rows a page on average)`);
  }
  console.log(`all kinds together: p50 ${ms(percentile(all, 0.5))}, p95 ${ms(percentile(all, 0.95))}`);
}

async function benchExports(core: Core, cache: BenchCache): Promise<void> {
  const records = Math.min(EXPORT_RECORDS, cache.records);
  const from = cache.to - Math.ceil((records / cache.records) * BENCH_SPAN_MS);
  console.log(`\n## Export: the newest ${format.format(records)} records, as a time window, one format at a time`);
  for (const chosen of FORMATS) {
    const started = performance.now();
    let job = await call<Job>(core, 'export.start', { scope: { kind: 'window', from, to: cache.to }, format: chosen });
    while (job.state === 'running') {
      await new Promise((resolve) => setTimeout(resolve, 100));
      job = (await call<Job[]>(core, 'jobs.list', {})).find((listed) => listed.id === job.id) ?? job;
    }
    const seconds = (performance.now() - started) / 1_000;
    if (job.state !== 'done' || job.file === null) throw new Error(`The ${chosen} export ended ${job.state}: ${job.message ?? ''}`);
    console.log(`${chosen}: ${format.format(job.done)} records in ${format.format(seconds)} s, ${format.format(job.done / seconds)} records/s, ${format.format(job.file.bytes / 2 ** 20)} MiB`);
  }
  const exports = join(cache.dataDir, EXPORTS_FOLDER);
  if (existsSync(exports)) for (const name of readdirSync(exports)) rmSync(join(exports, name), { force: true });
}

await main();
