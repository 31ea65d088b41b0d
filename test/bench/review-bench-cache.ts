import { existsSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { performance } from 'node:perf_hooks';
import { encodeCot } from '../../electron/core/cot/encode-cot';
import { CACHE_FILE_NAME } from '../../electron/core/create-core';
import { createIngest } from '../../electron/core/ingest/ingest';
import type { RawRecord } from '../../electron/core/ingest/raw-record';
import { testCacheKeys } from '../support/test-keyring';
import { createIngestWriter } from '../../electron/core/store/ingest-writer';
import { openDatabase, openWriterConnection } from '../../electron/core/store/open-database';
import { aCotEvent } from '../builders/cot-event-builder';
import { noRules } from '../support/no-rules';

export const BENCH_ENTITIES = 10_000;
export const BENCH_SPAN_MS = 24 * 3_600_000;
/** The batch the ingest thread commits at by default (`ingest.batchMaxRecords`). */
const BATCH_RECORDS = 5_000;
const DESCRIPTION_FILE = 'review-bench.json';

/** The entity kinds, in turn: entity `i` is of kind `i % 5`. */
export const BENCH_KINDS = [
  { type: 'a-f-G-U-C-I', prefix: 'HAWK' },
  { type: 'a-h-G-U-C-A', prefix: 'VIPER' },
  { type: 'a-n-S-X', prefix: 'MARLIN' },
  { type: 'a-h-A-M-F', prefix: 'RAVEN' },
  { type: 'a-u-G', prefix: 'GHOST' },
] as const;
/** Words the remarks are made of, so a text search has known words to look for. */
export const BENCH_WORDS = ['convoy', 'checkpoint', 'bridge', 'vehicle', 'patrol', 'fuel', 'radar', 'observed', 'moving', 'stationary', 'armour', 'crossing'] as const;
/** One record in this many carries remarks. */
const REMARKS_EVERY = 20;

/** What a generated cache holds, kept beside it so a later run can reuse it. */
export interface BenchCache {
  readonly dataDir: string;
  readonly records: number;
  readonly from: number;
  readonly to: number;
  /** Records per second through the ingest path, or null when the cache was reused. */
  readonly ingestRate: number | null;
}

export const benchUid = (entity: number): string => `bench-${entity}`;
export const benchCallsign = (entity: number): string => `${BENCH_KINDS[entity % BENCH_KINDS.length]?.prefix ?? 'UNIT'} ${entity}`;

/** Entity `i` starts in its own cell of a 100 × 100 grid a tenth of a degree apart and drifts on a straight line. */
export function benchPosition(entity: number, time: number, from: number): { lat: number; lon: number } {
  const hours = (time - from) / 3_600_000;
  return {
    lat: 35 + Math.floor(entity / 100) * 0.1 + hours * 0.002 * ((entity % 7) - 3),
    lon: 5 + (entity % 100) * 0.1 + hours * 0.002 * ((entity % 5) - 2),
  };
}

function remarksOf(record: number): string | null {
  if (record % REMARKS_EVERY !== 0) return null;
  const word = (n: number): string => BENCH_WORDS[n % BENCH_WORDS.length] ?? 'observed';
  return `${word(record)} ${word(Math.floor(record / 7))} near grid ${record % 1_000}`;
}

/**
 * The cache in `dataDir` (made when missing), holding `records` CoT records from 10,000 entities
 * over the 24 hours up to now, reporting in turn. Each record goes through the real path: CoT XML,
 * the decoder, the ingest and the writer with its review index, search index and keyframes, in
 * batches of the size live ingest commits. A cache generated earlier with the same count is reused.
 */
export async function benchCache(dataDir: string, records: number, progress: (line: string) => void): Promise<BenchCache> {
  const description = join(dataDir, DESCRIPTION_FILE);
  if (existsSync(description)) {
    const kept = JSON.parse(readFileSync(description, 'utf8')) as BenchCache;
    if (kept.records === records) return { ...kept, dataDir, ingestRate: null };
    throw new Error(`${dataDir} holds a bench cache of ${kept.records} records, not ${records}. Remove it or point BENCH_REVIEW_CACHE elsewhere.`);
  }
  mkdirSync(dataDir, { recursive: true, mode: 0o700 });
  const file = join(dataDir, CACHE_FILE_NAME);
  if (existsSync(file)) throw new Error(`${file} exists but was not made by this bench. Point BENCH_REVIEW_CACHE at an empty folder.`);
  const to = Math.floor(Date.now() / 1_000) * 1_000;
  const from = to - BENCH_SPAN_MS;
  const everyEntityMs = (BENCH_SPAN_MS * BENCH_ENTITIES) / records;
  // Stale after two reports, so every entity is on the map at any moment, as with a steady feed.
  const staleAfterMs = Math.max(60_000, Math.round(2 * everyEntityMs));

  const key = (await testCacheKeys(dataDir)).databaseKey;
  // Made and migrated as the core does, then written through a connection set up as the ingest thread's.
  openDatabase({ file, key }).close();
  const db = openWriterConnection({ file, key });
  let arrival = from;
  const writer = createIngestWriter(db, () => arrival);
  const ingest = createIngest({ writer, maxRecordBytes: 1 << 20, now: () => arrival, rules: noRules() });
  const encoder = new TextEncoder();
  const started = performance.now();
  let batch: RawRecord[] = [];
  for (let record = 0; record < records; record += 1) {
    const entity = record % BENCH_ENTITIES;
    const time = from + Math.floor((record * BENCH_SPAN_MS) / records);
    const { lat, lon } = benchPosition(entity, time, from);
    const kind = BENCH_KINDS[entity % BENCH_KINDS.length] ?? BENCH_KINDS[0];
    const event = aCotEvent({ uid: benchUid(entity), callsign: benchCallsign(entity), type: kind.type, time, start: time, stale: time + staleAfterMs, lat, lon, remarks: remarksOf(record) });
    batch.push({ topic: 'cot', partition: 0, offset: record, timestamp: time, key: null, headers: null, value: encoder.encode(encodeCot(event)) });
    if (batch.length === BATCH_RECORDS || record === records - 1) {
      arrival = time;
      ingest([{ source: 'kafka', subscriptionId: null, format: 'cot', mapping: null, records: batch }]);
      batch = [];
    }
    if ((record + 1) % 1_000_000 === 0) progress(`  generated ${(record + 1) / 1_000_000}M records, ${Math.round((record + 1) / ((performance.now() - started) / 1_000))} records/s so far`);
  }
  arrival = to;
  writer.flushTracks();
  const ingestRate = records / ((performance.now() - started) / 1_000);
  db.pragma('wal_checkpoint(TRUNCATE)');
  db.close();
  const made: BenchCache = { dataDir, records, from, to, ingestRate };
  writeFileSync(description, JSON.stringify(made));
  return made;
}
