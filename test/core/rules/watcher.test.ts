import { describe, expect, it } from 'vitest';
import { wholeNumber } from '../../../electron/core/rules/watcher';

describe('Given numbers an alert writes', () => {
  it('When written as whole numbers, Then they read as Intl.NumberFormat in en-US writes them', () => {
    const intl = new Intl.NumberFormat('en-US', { maximumFractionDigits: 0 });
    for (const value of [0, 0.4, 7, 999, 999.6, 1_000, 12_345, 1_234_567.6, -0.4, -1_234, -987_654_321]) {
      // Adding zero turns a rounded -0 into 0: "-0" is no way to write a distance.
      expect(wholeNumber(value)).toBe(intl.format(Math.round(value) + 0));
    }
  });
});
