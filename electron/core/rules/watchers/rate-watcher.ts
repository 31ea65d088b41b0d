import type { FindingSink, Watcher } from '../watcher';

/** A tick that comes after a long sleep judges at most this many windows. */
const MAX_WINDOWS_PER_TICK = 1_000;

interface Subscription {
  readonly source: string;
  readonly topic: string;
  /** Windows are counted from the subscription's first record: window n covers [origin + n·w, origin + (n+1)·w). */
  readonly origin: number;
  /** The first window not yet judged. */
  nextToJudge: number;
  /** Records per window not yet judged; a window with none is absent. */
  readonly counts: Map<number, number>;
  /** Windows judged so far, up to the warm-up. */
  windows: number;
  mean: number;
  variance: number;
}

/**
 * Follows each subscription's records per window with an exponentially weighted mean and
 * variance, and holds while the last window is more than `sigma` standard deviations from it, in
 * either direction, so a burst and a silence are both caught. The deviation is never taken as
 * less than the square root of the mean, the spread of a steady random feed at that rate, so a
 * perfectly regular feed is not flagged for one record more or less.
 */
export function rateWatcher(windowSeconds: number, sigma: number, warmupWindows: number): Watcher {
  const windowMs = windowSeconds * 1000;
  const weight = 2 / (warmupWindows + 1);
  const subscriptions = new Map<string, Subscription>();

  const judge = (subscription: Subscription, count: number, windowEnd: number, sink: FindingSink): void => {
    const subject = `${subscription.source}/${subscription.topic}`;
    const { mean } = subscription;
    if (subscription.windows >= warmupWindows) {
      const deviation = Math.max(Math.sqrt(subscription.variance), Math.sqrt(Math.max(mean, 1)));
      const score = (count - mean) / deviation;
      if (Math.abs(score) > sigma) {
        const usual = `${mean.toFixed(1)} ± ${deviation.toFixed(1)}`;
        const what = count === 0 ? 'went quiet' : score > 0 ? 'burst' : 'slowed down';
        sink.holds(subject, () => ({
          subject,
          callsign: null,
          time: windowEnd,
          lat: null,
          lon: null,
          message: `Topic ${subscription.topic} from ${subscription.source} ${what}: ${count} records in ${windowSeconds} s, where ${usual} is usual.`,
        }));
      } else {
        sink.clears(subject);
      }
    }
    // Cumulative while warming up, then weighted, so the first windows do not each count for little.
    const step = subscription.windows < warmupWindows ? 1 / (subscription.windows + 1) : weight;
    const difference = count - mean;
    subscription.mean = mean + step * difference;
    subscription.variance = (1 - step) * (subscription.variance + step * difference * difference);
    subscription.windows += 1;
  };

  return {
    count(source, topic, receivedAt) {
      const key = `${source}\u0000${topic}`;
      let subscription = subscriptions.get(key);
      if (subscription === undefined) {
        subscription = { source, topic, origin: receivedAt, nextToJudge: 0, counts: new Map(), windows: 0, mean: 0, variance: 0 };
        subscriptions.set(key, subscription);
      }
      const window = Math.floor((receivedAt - subscription.origin) / windowMs);
      subscription.counts.set(window, (subscription.counts.get(window) ?? 0) + 1);
    },
    tick(now, sink) {
      for (const subscription of subscriptions.values()) {
        const current = Math.floor((now - subscription.origin) / windowMs);
        // After a long sleep the oldest windows are skipped: judging thousands of empty ones says nothing more.
        if (current - subscription.nextToJudge > MAX_WINDOWS_PER_TICK) {
          subscription.nextToJudge = current - MAX_WINDOWS_PER_TICK;
          for (const window of subscription.counts.keys()) if (window < subscription.nextToJudge) subscription.counts.delete(window);
        }
        for (; subscription.nextToJudge < current; subscription.nextToJudge += 1) {
          const window = subscription.nextToJudge;
          judge(subscription, subscription.counts.get(window) ?? 0, subscription.origin + (window + 1) * windowMs, sink);
          subscription.counts.delete(window);
        }
      }
    },
  };
}
