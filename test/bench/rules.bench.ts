// `npm run bench:rules`: the rules engine's cost per record with 20 active rules of every kind over
// 10,000 entities, against the same loop with no rules; then the ingest path (decode, rules,
// encrypted cache write) with those rules on and off, in one run.
import { cpus, totalmem } from 'node:os';
import { join } from 'node:path';
import type { Track } from '../../shared/domain';
import { destination } from '../../shared/geo';
import { DEFAULT_MAX_SPEEDS, type Rule } from '../../shared/rules';
import { createIngest, type IngestGroup } from '../../electron/core/ingest/ingest';
import { createRulesEngine, type RulesEngine } from '../../electron/core/rules/rules-engine';
import { createIngestWriter } from '../../electron/core/store/ingest-writer';
import { openDatabase } from '../../electron/core/store/open-database';
import { aRule, aSquareArea } from '../builders/rule-builder';
import { aJsonPosition } from '../builders/json-position-builder';
import { aTrack } from '../builders/track-builder';
import { recordingLog } from '../support/recording-log';
import { makeTempDir } from '../support/temp-dir';

const ENTITIES = 10_000;
const REPORTS_PER_ENTITY = Number(process.env['BENCH_RULES_REPORTS'] ?? 100);
const INGEST_RECORDS = Number(process.env['BENCH_RULES_INGEST_RECORDS'] ?? 200_000);
const INGEST_BATCH = 5_000;
/** Rule id prefixes (fence, expr, stale, kinematic, near, rate, first) to measure one kind alone. */
const ONLY = process.env['BENCH_RULES_ONLY']?.split(',') ?? null;
const WARMUP_ROUNDS = 20;
/** Alerts are counted by rule over the first 100,000 fixes of a fresh engine. */
const RAISED_ROUNDS = 10;
const START = Date.UTC(2026, 11, 1, 6, 0, 0);
const CENTRE = { lat: 40.0, lon: 9.0 };
const DEMO_AREA_KM = 200;
const PACKED_AREA_KM = 40;
const format = new Intl.NumberFormat('en-US', { maximumFractionDigits: 2 });

const AFFILIATIONS = [
  { cotType: 'a-f-G-U-C-I', affiliation: 'friend', dimension: 'ground' },
  { cotType: 'a-h-G-U-C-A', affiliation: 'hostile', dimension: 'ground' },
  { cotType: 'a-n-S-X', affiliation: 'neutral', dimension: 'sea-surface' },
  { cotType: 'a-h-A-M-F', affiliation: 'hostile', dimension: 'air' },
  { cotType: 'a-u-G', affiliation: 'unknown', dimension: 'ground' },
] as const;

/** The twenty rules, or the kinds BENCH_RULES_ONLY names. */
function benchRules(): Rule[] {
  return twentyRules().filter((rule) => ONLY === null || ONLY.some((prefix) => rule.id.startsWith(prefix)));
}

/** Twenty rules of every kind, set as an analyst might for an operation, with filters where they belong. */
function twentyRules(): Rule[] {
  const near = (lat: number, lon: number) => ({ lat: CENTRE.lat + lat, lon: CENTRE.lon + lon });
  return [
    aRule({ ...aSquareArea(near(0.1, 0.1).lat, near(0.1, 0.1).lon, 5_000), trigger: 'enter' }, { id: 'fence-1', filter: 'affiliation = "hostile"' }),
    aRule({ ...aSquareArea(near(-0.1, 0.1).lat, near(-0.1, 0.1).lon, 8_000), trigger: 'exit' }, { id: 'fence-2' }),
    aRule({ ...aSquareArea(near(0.05, -0.1).lat, near(0.05, -0.1).lon, 3_000), trigger: 'dwell', dwellSeconds: 600 }, { id: 'fence-3', filter: 'type ~= "a-u"' }),
    aRule({ kind: 'geofence', area: { shape: 'circle', ...near(-0.05, -0.05), radiusMetres: 4_000 }, trigger: 'enter', dwellSeconds: null }, { id: 'fence-4' }),
    aRule({ ...aSquareArea(near(0.2, 0.2).lat, near(0.2, 0.2).lon, 10_000), trigger: 'enter' }, { id: 'fence-5', filter: 'dimension = "air"' }),
    aRule({ kind: 'expression', expression: 'speed > 250 and type ~= "a-h-A"' }, { id: 'expr-1' }),
    aRule({ kind: 'expression', expression: 'affiliation = "hostile" and alt != null and alt < 150' }, { id: 'expr-2' }),
    aRule({ kind: 'expression', expression: 'callsign ~= "VIP*" or type ~= "a-f-G-U-C-I-Z"' }, { id: 'expr-3' }),
    aRule({ kind: 'expression', expression: 'speed_kn > 40 and dimension = "sea-surface"' }, { id: 'expr-4' }),
    aRule({ kind: 'stale', silentSeconds: 120, pastStaleTime: false }, { id: 'stale-1', filter: 'affiliation = "friend"' }),
    aRule({ kind: 'stale', silentSeconds: null, pastStaleTime: true }, { id: 'stale-2' }),
    aRule({ kind: 'kinematic', maxSpeeds: DEFAULT_MAX_SPEEDS }, { id: 'kinematic-1' }),
    aRule({ kind: 'kinematic', maxSpeeds: { ...DEFAULT_MAX_SPEEDS, ground: 40 } }, { id: 'kinematic-2', filter: 'affiliation = "friend"' }),
    aRule({ kind: 'proximity', near: 'affiliation = "hostile"', distanceMetres: 1_000 }, { id: 'near-1', filter: 'affiliation = "friend"' }),
    aRule({ kind: 'proximity', near: 'dimension = "air" and affiliation = "hostile"', distanceMetres: 5_000 }, { id: 'near-2', filter: 'dimension = "sea-surface"' }),
    aRule({ kind: 'proximity', near: 'affiliation = "unknown"', distanceMetres: 500 }, { id: 'near-3', filter: 'affiliation = "friend"' }),
    aRule({ kind: 'rate', windowSeconds: 10, sigma: 4, warmupWindows: 30 }, { id: 'rate-1' }),
    aRule({ kind: 'rate', windowSeconds: 60, sigma: 3, warmupWindows: 10 }, { id: 'rate-2' }),
    aRule({ kind: 'first-sighting' }, { id: 'first-1', filter: 'affiliation = "hostile"' }),
    aRule({ kind: 'first-sighting' }, { id: 'first-2', filter: 'type ~= "a-u"' }),
  ];
}

/**
 * Entity `i` of 10,000, spread over a square `areaKm` wide around the centre, moving at its
 * dimension's pace. 200 km is the demo's exercise area; 40 km packs six entities into every square
 * kilometre, where proximity rules have the most neighbours to compare.
 */
function fixOf(entity: number, report: number, areaKm: number): Track {
  const kind = AFFILIATIONS[entity % AFFILIATIONS.length] ?? AFFILIATIONS[0];
  const speed = kind.dimension === 'air' ? 200 : kind.dimension === 'sea-surface' ? 8 : 6;
  const spanLat = areaKm / 111.2;
  const spanLon = spanLat / Math.cos((CENTRE.lat * Math.PI) / 180);
  const start = { lat: CENTRE.lat + spanLat * (((entity * 7919) % 1000) / 1000 - 0.5), lon: CENTRE.lon + spanLon * (((entity * 104_729) % 1000) / 1000 - 0.5) };
  const time = START + report * 10_000 + (entity % 1000) * 10;
  const position = destination(start, (entity * 37) % 360, (speed * report * 10) % 20_000);
  return aTrack({ uid: `unit-${entity}`, callsign: `UNIT ${entity}`, ...kind, lat: position.lat, lon: position.lon, speed, course: (entity * 37) % 360, hae: kind.dimension === 'air' ? 3_000 : null, time, stale: time + 60_000, source: 'kafka', topic: `feed-${entity % 4}` });
}

/** One round of reports, every entity once, in time order. */
function roundOf(report: number, areaKm: number): Track[] {
  const fixes = Array.from({ length: ENTITIES }, (_, entity) => fixOf(entity, report, areaKm));
  return fixes.sort((a, b) => a.time - b.time);
}

/**
 * Every fix in time order, each observed and counted, with a tick for every second of feed time.
 * Rounds are made one at a time and only their processing is timed, so the benchmark holds no
 * more fixes than the ingest path would.
 */
function run(engine: RulesEngine, rounds: number, areaKm: number, raised?: Map<string, number>): number {
  let lastSecond = 0;
  let elapsed = 0;
  for (let report = 0; report < rounds; report += 1) {
    const fixes = roundOf(report, areaKm);
    const began = performance.now();
    for (const fix of fixes) {
      const second = Math.floor(fix.time / 1000);
      if (second > lastSecond) {
        engine.tick(fix.time);
        lastSecond = second;
      }
      engine.count(fix.source, fix.topic, fix.time);
      engine.observe(fix, fix.time);
      for (const alert of engine.takeRaised()) raised?.set(alert.ruleId, (raised.get(alert.ruleId) ?? 0) + 1);
    }
    elapsed += performance.now() - began;
  }
  return elapsed;
}

function engineCost(areaKm: number): { withRules: number; without: number; raised: Map<string, number> } {
  const engineWith = (rules: Rule[]) => createRulesEngine({ rules, knownUids: () => [], log: recordingLog(), now: () => START });
  // A first pass of each warms the JIT; the second is measured.
  run(engineWith(benchRules()), WARMUP_ROUNDS, areaKm);
  run(engineWith([]), WARMUP_ROUNDS, areaKm);
  const withRules = run(engineWith(benchRules()), REPORTS_PER_ENTITY, areaKm);
  const without = run(engineWith([]), REPORTS_PER_ENTITY, areaKm);
  const raised = new Map<string, number>();
  run(engineWith(benchRules()), RAISED_ROUNDS, areaKm, raised);
  const fixes = ENTITIES * REPORTS_PER_ENTITY;
  return { withRules: (withRules * 1000) / fixes, without: (without * 1000) / fixes, raised };
}

function ingestRate(dir: string, name: string, rules: Rule[]): number {
  const db = openDatabase({ file: join(dir, `${name}.db`), key: 'b'.repeat(64) });
  try {
    const engine = createRulesEngine({ rules, knownUids: () => [], log: recordingLog(), now: () => START });
    let now = START;
    const ingest = createIngest({ writer: createIngestWriter(db, () => now), maxRecordBytes: 1 << 20, now: () => now, rules: engine });
    const encoder = new TextEncoder();
    const began = performance.now();
    for (let first = 0; first < INGEST_RECORDS; first += INGEST_BATCH) {
      const records = Array.from({ length: Math.min(INGEST_BATCH, INGEST_RECORDS - first) }, (_, i) => {
        const n = first + i;
        const fix = fixOf(n % ENTITIES, Math.floor(n / ENTITIES), DEMO_AREA_KM);
        const value = aJsonPosition(n, { id: fix.uid, callsign: fix.callsign, type: fix.cotType, lat: fix.lat, lon: fix.lon, speed: fix.speed, time: fix.time });
        return { topic: fix.topic, partition: 0, offset: n, timestamp: fix.time, key: null, headers: null, value: encoder.encode(value) };
      });
      now = records.at(-1)?.timestamp ?? now;
      const group: IngestGroup = { source: 'kafka', subscriptionId: null, format: 'json', mapping: null, records };
      ingest([group]);
      engine.tick(now);
    }
    return INGEST_RECORDS / ((performance.now() - began) / 1000);
  } finally {
    db.close();
  }
}

function main(): void {
  console.log(`machine: ${cpus().length} × ${cpus()[0]?.model ?? 'unknown CPU'}, ${Math.round(totalmem() / 2 ** 30)} GiB, Node ${process.version}`);
  const rules = ONLY === null ? '20 rules (5 geofence, 4 expression, 2 stale, 2 kinematic, 3 proximity, 2 rate, 2 first-sighting)' : `only ${benchRules().map((rule) => rule.id).join(', ')}`;
  console.log(`\n## Rules engine: ${rules}, ${format.format(ENTITIES)} entities, ${format.format(ENTITIES * REPORTS_PER_ENTITY)} fixes`);
  for (const areaKm of [DEMO_AREA_KM, PACKED_AREA_KM]) {
    const cost = engineCost(areaKm);
    console.log(`spread over ${areaKm} km × ${areaKm} km:`);
    console.log(`  with the rules: ${format.format(cost.withRules)} µs per record (observe, count, ticks, alerts taken)`);
    console.log(`  with no rules (baseline, the same loop): ${format.format(cost.without)} µs per record`);
    console.log(`  the rules' own cost: ${format.format(cost.withRules - cost.without)} µs per record (target ≤ 5 µs)`);
    const byRule = [...cost.raised].sort((a, b) => b[1] - a[1]).map(([rule, count]) => `${rule} ${count}`);
    console.log(`  alerts raised over the first 100,000 fixes of a fresh engine, by rule: ${byRule.length === 0 ? 'none' : byRule.join(', ')}`);
  }

  const dir = makeTempDir();
  try {
    const off = ingestRate(dir.path, 'off', []);
    const on = ingestRate(dir.path, 'on', benchRules());
    console.log(`\n## Ingest path in one thread (JSON decode, rules, encrypted cache write), ${format.format(INGEST_RECORDS)} records in batches of ${INGEST_BATCH}, entities over ${DEMO_AREA_KM} km`);
    console.log(`rules off: ${format.format(off)} records/s`);
    console.log(`rules on:  ${format.format(on)} records/s (${format.format((on / off) * 100)}% of off)`);
  } finally {
    dir.remove();
  }
}

main();
