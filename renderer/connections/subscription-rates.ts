import type { Subscription } from '../../shared/connections';

/** Each subscription's received counter at one moment. */
export interface CounterReading {
  readonly at: number;
  readonly received: ReadonlyMap<number, number>;
}

export function readingOf(subscriptions: readonly Subscription[], at: number): CounterReading {
  return { at, received: new Map(subscriptions.map((subscription) => [subscription.id, subscription.received])) };
}

/**
 * Records per second for each subscription seen in both readings. A subscription new since the
 * previous reading, or whose counter went backwards, has no rate yet rather than a wrong one; so
 * has every subscription when the readings are more than `maxGapMs` apart (polling paused while
 * nobody looked), because an average over that gap would not say how fast records arrive now.
 */
export function ratesBetween(previous: CounterReading | null, current: CounterReading, maxGapMs: number): ReadonlyMap<number, number> {
  const rates = new Map<number, number>();
  if (previous === null) return rates;
  const elapsedMs = current.at - previous.at;
  if (elapsedMs <= 0 || elapsedMs > maxGapMs) return rates;
  const seconds = elapsedMs / 1000;
  for (const [id, received] of current.received) {
    const before = previous.received.get(id);
    if (before !== undefined && received >= before) rates.set(id, (received - before) / seconds);
  }
  return rates;
}
