import type { RuleInput, RuleTestResult } from '../../../shared/rules';
import type { Log } from '../ports';
import type { NewAlert, Store } from '../store/store';
import { createRulesEngine } from './rules-engine';

/** Enough for a busy day at the edge; past this the test reads the newest records only, and says so. */
export const MAX_TEST_RECORDS = 2_000_000;
const PAGE_RECORDS = 10_000;
const EXAMPLES = 20;

/**
 * Replays the last `hours` of the cache through one rule, as the ingest path would have applied
 * it, without saving it or raising anything. Time-based rules are judged once for each second in
 * which records arrived and once at the end, so a silence is noticed when the next record or the
 * end of the window comes. Entities seen before the window count as new to a first-sighting rule.
 * The replay yields to the event loop between pages, so the core keeps serving while it runs.
 */
export async function testRuleAgainstCache(options: {
  readonly store: Store;
  readonly rule: RuleInput;
  readonly hours: number;
  readonly now: number;
  readonly log: Log;
}): Promise<RuleTestResult> {
  const { store, hours, now } = options;
  const engine = createRulesEngine({
    rules: [{ ...options.rule, enabled: true, createdAt: now, updatedAt: now }],
    knownUids: () => [],
    log: options.log,
    now: () => replayNow,
  });
  let replayNow = now - hours * 3_600_000;
  let fired = 0;
  const subjects = new Set<string>();
  const examples: NewAlert[] = [];
  let firstAt: number | null = null;
  let lastAt: number | null = null;
  const collect = (): void => {
    for (const alert of engine.takeRaised()) {
      fired += 1;
      subjects.add(alert.subject);
      firstAt ??= alert.time;
      lastAt = alert.time;
      if (examples.length < EXAMPLES) examples.push(alert);
    }
  };

  const first = store.firstRecordReceivedSince(replayNow);
  const last = store.lastRecordId();
  const truncated = first !== null && last !== null && last - first + 1 > MAX_TEST_RECORDS;
  let recordsRead = 0;
  let lastSecond = Math.floor(replayNow / 1000);
  for (let next = truncated && last !== null ? last - MAX_TEST_RECORDS + 1 : first; next !== null; ) {
    const page = store.recordsFrom(next, PAGE_RECORDS);
    for (const record of page) {
      const second = Math.floor(record.receivedAt / 1000);
      if (second > lastSecond) {
        engine.tick(record.receivedAt);
        lastSecond = second;
      }
      replayNow = record.receivedAt;
      engine.count(record.source, record.topic, record.receivedAt);
      for (const track of record.tracks) engine.observe(track, record.receivedAt);
      recordsRead += 1;
    }
    collect();
    const tail = page.at(-1);
    next = page.length < PAGE_RECORDS || tail === undefined ? null : tail.id + 1;
    await new Promise((resolve) => setImmediate(resolve));
  }
  replayNow = now;
  engine.tick(now);
  collect();

  return {
    hours,
    recordsRead,
    truncated,
    fired,
    subjects: subjects.size,
    firstAt,
    lastAt,
    examples: examples.map(({ subject, callsign, time, message }) => ({ subject, callsign, time, message })),
  };
}
