import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createFuzzTargets, type FuzzTargets } from './fuzz-targets';
import { fuzzTarget, startProgress } from './run-target';

// Fixed, so a failure here replays with: FUZZ_SEED=20261126 FUZZ_TARGET='<name>' FUZZ_ITERATION=<n> npx tsx scripts/fuzz.ts
const SEED = 20_261_126;
const INPUTS_PER_TARGET = { decoder: 2_000, dispatch: 500 } as const;
// Small records keep this quick; `npm run fuzz` grows them to the 1 MiB record limit.
const MAX_INPUT_BYTES = 64 * 1024;

describe('Given every decoder and the contract dispatcher, fed seeded hostile input', () => {
  let fuzz: FuzzTargets;
  beforeAll(async () => {
    fuzz = await createFuzzTargets(MAX_INPUT_BYTES);
  });
  afterAll(async () => {
    await fuzz.close();
  });

  it('When a few thousand mutated inputs reach each target, Then none throws, stalls or answers with nonsense', async () => {
    const failures = [];
    for (const target of fuzz.targets) {
      const progress = startProgress();
      await fuzzTarget(target, { seed: SEED, iterations: INPUTS_PER_TARGET[target.kind], slowMs: 1_000 }, progress);
      expect(progress.nextIteration).toBe(INPUTS_PER_TARGET[target.kind]);
      failures.push(...progress.failures.map(({ target: name, iteration, problem }) => ({ name, iteration, problem: problem.slice(0, 300) })));
    }
    expect(failures).toEqual([]);
  });
});
