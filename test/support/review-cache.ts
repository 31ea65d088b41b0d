import type { Database } from 'better-sqlite3-multiple-ciphers';
import { createIngest, type IngestGroup } from '../../electron/core/ingest/ingest';
import { createIngestWriter } from '../../electron/core/store/ingest-writer';
import { createKeyframeBuilder } from '../../electron/core/review/keyframe-builder';
import { aCotRecord } from '../builders/raw-record-builder';
import { noRules } from './no-rules';

/** An entity whose every position is known in advance, so a test can say where it must be at any time. */
export interface ScriptedEntity {
  readonly uid: string;
  readonly callsign: string;
  readonly type: string;
  readonly positionAt: (time: number) => { readonly lat: number; readonly lon: number };
  /** Whether the entity reports at `time`; always when absent. */
  readonly reportsAt?: (time: number) => boolean;
  /** Remarks the entity sends with the fix at `time`, if any. */
  readonly remarksAt?: (time: number) => string | null;
}

export interface ReviewScript {
  readonly entities: readonly ScriptedEntity[];
  /** Every entity reports at `from`, then every `everyMs`, up to and including `to`. */
  readonly from: number;
  readonly to: number;
  readonly everyMs: number;
  /** How long after its time each report goes stale. */
  readonly staleAfterMs?: number;
  readonly source?: string;
  readonly topic?: string;
}

const RECORDS_PER_BATCH = 2_000;

/**
 * Caches a script's reports the way a live feed would be cached: each one CoT XML, through the real
 * decoder, ingest path and writer, arriving at its own time. Keyframes are caught up at the end,
 * as the ingest thread does when the feed goes quiet. Returns how many records were cached.
 */
export function cacheReviewScript(db: Database, script: ReviewScript, options: { readonly keyframeInterval?: number } = {}): number {
  let arrival = script.from;
  const writer = createIngestWriter(db, () => arrival, options);
  const ingest = createIngest({ writer, maxRecordBytes: 1 << 20, now: () => arrival, rules: noRules() });
  const topic = script.topic ?? 'cot';
  const staleAfterMs = script.staleAfterMs ?? 60_000;
  let offset = 0;
  let pending: IngestGroup['records'][number][] = [];
  const flush = (): void => {
    if (pending.length === 0) return;
    ingest([{ source: script.source ?? 'kafka', subscriptionId: null, format: 'cot', mapping: null, records: pending }]);
    pending = [];
  };
  for (let time = script.from; time <= script.to; time += script.everyMs) {
    for (const entity of script.entities) {
      if (entity.reportsAt?.(time) === false) continue;
      const { lat, lon } = entity.positionAt(time);
      const event = { uid: entity.uid, callsign: entity.callsign, type: entity.type, time, start: time, stale: time + staleAfterMs, lat, lon, remarks: entity.remarksAt?.(time) ?? null };
      pending.push(aCotRecord(event, { topic, offset, timestamp: time }));
      offset += 1;
    }
    if (pending.length >= RECORDS_PER_BATCH) {
      arrival = time;
      flush();
    }
  }
  arrival = script.to;
  flush();
  writer.flushTracks();
  return offset;
}

/**
 * Fills a migrated cache with `fixes` fixes straight into `positions`, skipping records and
 * decoding, for tests about the cost of reading them: `entities` entities reporting in turn, one
 * fix every `everyMs` overall. Then folds keyframes the way the ingest writer does.
 */
export function insertFixes(db: Database, options: { readonly entities: number; readonly fixes: number; readonly from: number; readonly everyMs: number }): void {
  const insertEntity = db.prepare('INSERT INTO entities (id, uid, callsign, cot_type, first_time, last_time) VALUES (?, ?, NULL, ?, ?, ?)');
  const insertFix = db.prepare('INSERT INTO positions (time, entity, record_id, kind, label, stream, lat, lon, hae, course, speed, stale) VALUES (?, ?, ?, 1, NULL, 1, ?, ?, NULL, NULL, NULL, NULL)');
  db.transaction(() => {
    db.prepare("INSERT INTO cot_types (id, cot_type, affiliation, dimension) VALUES (1, 'a-f-G', 'friend', 'ground')").run();
    db.prepare("INSERT INTO streams (id, source, topic) VALUES (1, 'kafka', 'cot')").run();
    const lastTime = options.from + (options.fixes - 1) * options.everyMs;
    for (let entity = 1; entity <= options.entities; entity += 1) insertEntity.run(entity, `unit-${entity}`, 'a-f-G', options.from, lastTime);
    for (let n = 0; n < options.fixes; n += 1) {
      const entity = (n % options.entities) + 1;
      insertFix.run(options.from + n * options.everyMs, entity, n + 1, 40 + n * 1e-6, 9 + entity * 1e-3);
    }
  })();
  const keyframes = createKeyframeBuilder(db);
  db.transaction(() => {
    while (keyframes.advance(100_000) > 0);
  })();
}
