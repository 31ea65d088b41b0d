import { describe, expect, it } from 'vitest';
import { backoffDelay } from '../../../electron/core/kafka/backoff';

const options = { baseMs: 500, capMs: 5_000 };

describe('Given the reconnect backoff', () => {
  it('When attempts repeat, Then the ceiling doubles up to the cap', () => {
    const ceilings = [0, 1, 2, 3, 4, 10, 50].map((attempt) => backoffDelay(attempt, options, () => 1));
    expect(ceilings).toEqual([500, 1_000, 2_000, 4_000, 5_000, 5_000, 5_000]);
  });

  it('Then each wait lies between half and all of its ceiling', () => {
    expect(backoffDelay(3, options, () => 0)).toBe(2_000);
    expect(backoffDelay(3, options, () => 0.5)).toBe(3_000);
    for (let i = 0; i < 200; i += 1) {
      const delay = backoffDelay(i % 8, options);
      expect(delay).toBeGreaterThanOrEqual(250);
      expect(delay).toBeLessThanOrEqual(5_000);
    }
  });
});
