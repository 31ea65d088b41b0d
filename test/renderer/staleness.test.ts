import { describe, expect, it } from 'vitest';
import { DEFAULT_STALENESS_POLICY, stalenessOf, type Staleness } from '../../shared/staleness';

const TIME = Date.UTC(2026, 10, 26, 12, 0, 0);
const SECOND = 1000;
const MINUTE = 60 * SECOND;

interface Case {
  readonly given: string;
  readonly stale: number | null;
  readonly secondsLater: number;
  readonly expected: Staleness;
}

const cases: readonly Case[] = [
  { given: 'a report with a CoT stale time 30 s ahead', stale: TIME + 30 * SECOND, secondsLater: 0, expected: 'fresh' },
  { given: 'a report with a CoT stale time 30 s ahead', stale: TIME + 30 * SECOND, secondsLater: 29.999, expected: 'fresh' },
  { given: 'a report with a CoT stale time 30 s ahead', stale: TIME + 30 * SECOND, secondsLater: 30, expected: 'stale' },
  { given: 'a report with a CoT stale time 30 s ahead', stale: TIME + 30 * SECOND, secondsLater: 30 + 299.999, expected: 'stale' },
  { given: 'a report with a CoT stale time 30 s ahead', stale: TIME + 30 * SECOND, secondsLater: 30 + 300, expected: 'hidden' },
  { given: 'a report with a CoT stale time 10 min ahead', stale: TIME + 10 * MINUTE, secondsLater: 120, expected: 'fresh' },
  { given: 'a report already stale when it was sent', stale: TIME - SECOND, secondsLater: 0, expected: 'stale' },
  { given: 'a report with no stale time', stale: null, secondsLater: 59.999, expected: 'fresh' },
  { given: 'a report with no stale time', stale: null, secondsLater: 60, expected: 'stale' },
  { given: 'a report with no stale time', stale: null, secondsLater: 359.999, expected: 'stale' },
  { given: 'a report with no stale time', stale: null, secondsLater: 360, expected: 'hidden' },
  { given: 'a report from a clock ahead of ours', stale: null, secondsLater: -30, expected: 'fresh' },
];

describe('Given the default staleness policy', () => {
  it.each(cases)('Given $given, When $secondsLater s have passed, Then the track is $expected', ({ stale, secondsLater, expected }) => {
    expect(stalenessOf({ time: TIME, stale }, TIME + secondsLater * SECOND)).toBe(expected);
  });
});

describe('Given a policy of 10 s without a stale time and 20 s before hiding', () => {
  const policy = { ...DEFAULT_STALENESS_POLICY, staleAfterMs: 10 * SECOND, hideAfterStaleMs: 20 * SECOND };

  it('When a report without a stale time ages, Then it is fresh, stale after 10 s, hidden after 30 s', () => {
    const at = (seconds: number): Staleness => stalenessOf({ time: TIME, stale: null }, TIME + seconds * SECOND, policy);
    expect([at(9), at(10), at(29), at(30)]).toEqual(['fresh', 'stale', 'stale', 'hidden']);
  });

  it('When a report carries its own stale time, Then that time wins over the policy age', () => {
    expect(stalenessOf({ time: TIME, stale: TIME + MINUTE }, TIME + 30 * SECOND, policy)).toBe('fresh');
    expect(stalenessOf({ time: TIME, stale: TIME + MINUTE }, TIME + MINUTE + 20 * SECOND, policy)).toBe('hidden');
  });
});
