/**
 * `npm run fuzz`: feeds every decoder and the contract dispatcher seeded, mutated input for a
 * time box, watching for throws, nonsense answers, slow inputs and a heap that keeps growing.
 *
 *   FUZZ_SECONDS=60        how long to run, shared between the targets
 *   FUZZ_SEED=1234         the run's seed; printed, so any run can be repeated
 *   FUZZ_TARGET=cot        only targets whose name contains this
 *   FUZZ_ITERATION=57      with FUZZ_SEED and FUZZ_TARGET: replay just that input
 *   FUZZ_HEAP_GROWTH_MB    how far the heap may grow past its level after the first round (256)
 *   FUZZ_SLOW_MS           how long one input may take (5000): a stall, not a slow parse of a 1 MiB record
 */
import { mkdirSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { performance } from 'node:perf_hooks';
import { setFlagsFromString, serialize } from 'node:v8';
import { runInNewContext } from 'node:vm';
import { createFuzzTargets, type FuzzTarget } from '../test/fuzz/fuzz-targets';
import { fuzzTarget, startProgress, type FuzzFailure, type FuzzProgress } from '../test/fuzz/run-target';

const SLICE_MS = 250;
const MAX_FAILURES_PER_TARGET = 5;

const seconds = numberFromEnv('FUZZ_SECONDS', 60);
const seed = numberFromEnv('FUZZ_SEED', Math.floor(Math.random() * 2 ** 32));
const targetFilter = process.env['FUZZ_TARGET'] ?? '';
const replayIteration = process.env['FUZZ_ITERATION'];
const heapGrowthBytes = numberFromEnv('FUZZ_HEAP_GROWTH_MB', 256) * 1024 * 1024;
const slowMs = numberFromEnv('FUZZ_SLOW_MS', 5_000);

// A heap reading is only comparable after a full collection; tsx gives no way to pass --expose-gc.
setFlagsFromString('--expose-gc');
const collectGarbage = runInNewContext('gc') as () => void;

const { targets: allTargets, close } = await createFuzzTargets();
const targets = allTargets.filter((target) => target.name.includes(targetFilter));
try {
  if (targets.length === 0) {
    console.error(`No fuzz target's name contains "${targetFilter}".`);
    process.exitCode = 2;
  } else {
    process.exitCode = replayIteration === undefined ? await fuzzForTimeBox(targets) : await replay(targets, Number(replayIteration));
  }
} finally {
  await close();
}

async function fuzzForTimeBox(chosen: readonly FuzzTarget[]): Promise<number> {
  console.log(`Fuzzing ${chosen.length} targets for ${seconds} s with FUZZ_SEED=${seed}`);
  const progress = new Map<FuzzTarget, FuzzProgress>(chosen.map((target) => [target, startProgress()]));
  const deadline = performance.now() + seconds * 1000;
  let heapBaseline: number | null = null;
  let heapProblem: string | null = null;
  while (performance.now() < deadline && heapProblem === null) {
    for (const target of chosen) {
      const own = progress.get(target) ?? startProgress();
      if (own.failures.length >= MAX_FAILURES_PER_TARGET) continue;
      await fuzzTarget(target, { seed, slowMs, until: Math.min(deadline, performance.now() + SLICE_MS) }, own);
    }
    collectGarbage();
    const heapUsed = process.memoryUsage().heapUsed;
    heapBaseline ??= heapUsed;
    if (heapUsed - heapBaseline > heapGrowthBytes) {
      heapProblem = `the heap grew from ${megabytes(heapBaseline)} to ${megabytes(heapUsed)} after collection, past the ${megabytes(heapGrowthBytes)} allowed`;
    }
  }

  const failures: FuzzFailure[] = [];
  for (const [target, own] of progress) {
    const perSecond = own.elapsedMs === 0 ? 0 : Math.round((own.nextIteration / own.elapsedMs) * 1000);
    console.log(`${target.name.padEnd(36)} ${String(own.nextIteration).padStart(9)} inputs ${String(perSecond).padStart(7)}/s  ${own.failures.length} failures`);
    failures.push(...own.failures);
  }
  console.log(`Heap after collection: ${megabytes(process.memoryUsage().heapUsed)} (rss ${megabytes(process.memoryUsage().rss)})`);
  if (heapProblem !== null) console.error(`FAIL: ${heapProblem}.`);
  if (failures.length > 0) report(failures);
  else if (heapProblem === null) console.log(`No failures. FUZZ_SEED=${seed}`);
  return failures.length > 0 || heapProblem !== null ? 1 : 0;
}

async function replay(chosen: readonly FuzzTarget[], iteration: number): Promise<number> {
  const failures: FuzzFailure[] = [];
  for (const target of chosen) {
    const own = startProgress();
    own.nextIteration = iteration;
    await fuzzTarget(target, { seed, slowMs, iterations: 1 }, own);
    failures.push(...own.failures);
    console.log(`${target.name}: iteration ${iteration} ${own.failures.length === 0 ? 'passes' : 'fails'}`);
  }
  if (failures.length > 0) report(failures);
  return failures.length > 0 ? 1 : 0;
}

/** Prints each failure and keeps its input, as bytes where it is bytes, for a regression test. */
function report(failures: readonly FuzzFailure[]): void {
  const folder = join(tmpdir(), `outpost-fuzz-${seed}`);
  mkdirSync(folder, { recursive: true });
  for (const failure of failures) {
    const base = join(folder, `${failure.target.replace(/[^a-z0-9]+/gi, '-')}-${failure.iteration}`);
    writeFileSync(`${base}.v8`, serializedOrNote(failure.input));
    if (failure.input instanceof Uint8Array) writeFileSync(`${base}.bin`, failure.input);
    const shown = failure.input instanceof Uint8Array ? `${failure.input.byteLength} bytes` : 'a value (v8.deserialize the .v8 file)';
    console.error(`FAIL ${failure.target}, iteration ${failure.iteration}: ${failure.problem.slice(0, 600).split('\n').slice(0, 6).join('\n  ')}`);
    console.error(`  input: ${shown}, kept in ${base}.${failure.input instanceof Uint8Array ? 'bin' : 'v8'}`);
    console.error(`  replay: FUZZ_SEED=${failure.seed} FUZZ_TARGET='${failure.target}' FUZZ_ITERATION=${failure.iteration} npx tsx scripts/fuzz.ts`);
  }
}

// Some inputs nest deeper than the serializer's stack; replaying by seed and iteration still works for them.
function serializedOrNote(input: unknown): Buffer | string {
  try {
    return serialize(input);
  } catch (error) {
    return `not serializable (${String(error)}); replay it by seed and iteration`;
  }
}

function numberFromEnv(name: string, fallback: number): number {
  const raw = process.env[name];
  if (raw === undefined || raw === '') return fallback;
  const value = Number(raw);
  if (!Number.isFinite(value) || value < 0) exit(`${name} must be a non-negative number, not "${raw}".`, 2);
  return value;
}

function megabytes(bytes: number): string {
  return `${Math.round(bytes / 1024 / 1024)} MiB`;
}

function exit(message: string, code: number): never {
  console.error(message);
  process.exit(code);
}
