import { performance } from 'node:perf_hooks';
import type { FuzzTarget } from './fuzz-targets';
import { randomFor } from './random';

/** An input that broke a target, with what is needed to generate it again. */
export interface FuzzFailure {
  readonly target: string;
  readonly seed: number;
  readonly iteration: number;
  readonly problem: string;
  readonly input: unknown;
}

export interface FuzzProgress {
  /** The next iteration number to generate; the run carries on from here. */
  nextIteration: number;
  elapsedMs: number;
  readonly failures: FuzzFailure[];
}

export interface FuzzLimits {
  readonly seed: number;
  /** Stop after this many inputs, or at this `performance.now()` time, whichever comes first. */
  readonly iterations?: number;
  readonly until?: number;
  /** A single input taking longer than this is a failure: a hostile record must not stall ingest. */
  readonly slowMs: number;
}

export function startProgress(): FuzzProgress {
  return { nextIteration: 0, elapsedMs: 0, failures: [] };
}

/** Runs inputs through one target, continuing `progress`, until a limit is reached. */
export async function fuzzTarget(target: FuzzTarget, limits: FuzzLimits, progress: FuzzProgress): Promise<void> {
  const started = performance.now();
  const lastIteration = limits.iterations === undefined ? Infinity : progress.nextIteration + limits.iterations;
  while (progress.nextIteration < lastIteration && (limits.until === undefined || performance.now() < limits.until)) {
    const iteration = progress.nextIteration++;
    const problem = await runOne(target, limits, iteration);
    if (problem !== null) progress.failures.push({ target: target.name, seed: limits.seed, iteration, ...problem });
  }
  progress.elapsedMs += performance.now() - started;
}

/** The input a seed and iteration generate for a target: how a reported failure is replayed. */
function inputFor(target: FuzzTarget, seed: number, iteration: number): unknown {
  return target.generate(randomFor(seed, target.name, iteration));
}

async function runOne(target: FuzzTarget, limits: FuzzLimits, iteration: number): Promise<{ problem: string; input: unknown } | null> {
  const input = inputFor(target, limits.seed, iteration);
  const started = performance.now();
  let problem: string | null;
  try {
    problem = await target.check(input);
  } catch (error) {
    problem = `threw ${error instanceof Error ? (error.stack ?? error.message) : String(error)}`;
  }
  const took = performance.now() - started;
  if (problem === null && took > limits.slowMs) problem = `took ${Math.round(took)} ms, over the ${limits.slowMs} ms allowed for one input`;
  return problem === null ? null : { problem, input };
}
