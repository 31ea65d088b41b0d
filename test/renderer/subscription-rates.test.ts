import { describe, expect, it } from 'vitest';
import type { Subscription } from '../../shared/connections';
import { ratesBetween, readingOf } from '../../renderer/connections/subscription-rates';

const MAX_GAP_MS = 6_000;

function aSubscription(id: number, received: number): Subscription {
  return { id, profileId: 'edge', topic: `topic-${id}`, pattern: null, format: 'cot', mapping: null, received, quarantined: 0 };
}

describe('Given successive readings of the subscription counters', () => {
  it('When there is only one reading, Then no rate is known yet', () => {
    expect(ratesBetween(null, readingOf([aSubscription(1, 500)], 10_000), MAX_GAP_MS).size).toBe(0);
  });

  it('When counters grow between two readings, Then each rate is the growth per second', () => {
    const before = readingOf([aSubscription(1, 100), aSubscription(2, 7)], 10_000);
    const after = readingOf([aSubscription(1, 150), aSubscription(2, 7)], 12_000);
    expect(ratesBetween(before, after, MAX_GAP_MS)).toEqual(new Map([[1, 25], [2, 0]]));
  });

  it('When a subscription is new since the previous reading, Then it has no rate yet while the others do', () => {
    const before = readingOf([aSubscription(1, 100)], 10_000);
    const after = readingOf([aSubscription(1, 104), aSubscription(3, 40)], 12_000);
    expect(ratesBetween(before, after, MAX_GAP_MS)).toEqual(new Map([[1, 2]]));
  });

  it('When a counter went backwards, Then that subscription has no rate rather than a negative one', () => {
    const before = readingOf([aSubscription(1, 100)], 10_000);
    const after = readingOf([aSubscription(1, 20)], 12_000);
    expect(ratesBetween(before, after, MAX_GAP_MS).has(1)).toBe(false);
  });

  it('When the readings are further apart than the gap allowed, or not apart at all, Then no rate is given', () => {
    const before = readingOf([aSubscription(1, 100)], 10_000);
    expect(ratesBetween(before, readingOf([aSubscription(1, 900)], 10_000 + MAX_GAP_MS + 1), MAX_GAP_MS).size).toBe(0);
    expect(ratesBetween(before, readingOf([aSubscription(1, 900)], 10_000), MAX_GAP_MS).size).toBe(0);
  });
});
