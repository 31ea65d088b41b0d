import { seeded } from '../support/seeded';

export interface Random {
  /** An integer in [0, bound). */
  below(bound: number): number;
  pick<T>(choices: readonly T[]): T;
}

/**
 * Each input has its own generator, derived from the run's seed, the target and the input's
 * number, so one failing input replays on its own without running the ones before it.
 */
export function randomFor(seed: number, target: string, iteration: number): Random {
  const next = seeded(mix(mix(seed, hashText(target)), iteration));
  return {
    below: (bound) => Math.floor(next() * bound),
    pick: <T>(choices: readonly T[]): T => {
      if (choices.length === 0) throw new Error('pick needs at least one choice');
      return choices[Math.floor(next() * choices.length)] as T;
    },
  };
}

function hashText(text: string): number {
  let hash = 0x811c9dc5;
  for (let index = 0; index < text.length; index++) hash = Math.imul(hash ^ text.charCodeAt(index), 0x01000193);
  return hash >>> 0;
}

function mix(a: number, b: number): number {
  return (Math.imul(a ^ (b + 0x9e3779b9 + (a << 6) + (a >>> 2)), 0x85ebca6b) ^ b) >>> 0;
}
