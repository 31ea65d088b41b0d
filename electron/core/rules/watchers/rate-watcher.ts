import { ObjectColumn } from '../columns';
import type { FindingSink, Subscription, Watcher } from '../watcher';

/** A tick that comes after a long sleep judges at most this many windows. */
const MAX_WINDOWS_PER_TICK = 1_000;

interface Rate {
  readonly subscription: Subscription;
  /** Windows are counted from the subscription's first record: window n covers [origin + n·w, origin + (n+1)·w). */
  readonly origin: number;
  /** The first window not yet judged. */
  nextToJudge: number;
  /** The window records are arriving in, counted apart: nearly every record falls in it. */
  openWindow: number;
  openCount: number;
  /** Records of other windows not yet judged; a window with none is absent. */
  readonly otherCounts: Map<number, number>;
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
  const rates = new ObjectColumn<Rate>();
  const followed: Rate[] = [];

  const judge = (rate: Rate, count: number, windowEnd: number, sink: FindingSink): void => {
    const { source, topic } = rate.subscription;
    const { mean } = rate;
    if (rate.windows >= warmupWindows) {
      const deviation = Math.max(Math.sqrt(rate.variance), Math.sqrt(Math.max(mean, 1)));
      const score = (count - mean) / deviation;
      if (Math.abs(score) > sigma) {
        const usual = `${mean.toFixed(1)} ± ${deviation.toFixed(1)}`;
        const what = count === 0 ? 'went quiet' : score > 0 ? 'burst' : 'slowed down';
        sink.holds(rate.subscription.number, () => ({
          subject: `${source}/${topic}`,
          callsign: null,
          time: windowEnd,
          lat: null,
          lon: null,
          message: `Topic ${topic} from ${source} ${what}: ${count} records in ${windowSeconds} s, where ${usual} is usual.`,
        }));
      } else {
        sink.clears(rate.subscription.number);
      }
    }
    // Cumulative while warming up, then weighted, so the first windows do not each count for little.
    const step = rate.windows < warmupWindows ? 1 / (rate.windows + 1) : weight;
    const difference = count - mean;
    rate.mean = mean + step * difference;
    rate.variance = (1 - step) * (rate.variance + step * difference * difference);
    rate.windows += 1;
  };

  const takeCount = (rate: Rate, window: number): number => {
    const other = rate.otherCounts.get(window);
    if (other !== undefined) rate.otherCounts.delete(window);
    if (window !== rate.openWindow) return other ?? 0;
    const open = rate.openCount;
    rate.openCount = 0;
    return open + (other ?? 0);
  };

  return {
    count(subscription, receivedAt) {
      let rate = rates.get(subscription.number);
      if (rate === null) {
        rate = { subscription, origin: receivedAt, nextToJudge: 0, openWindow: 0, openCount: 0, otherCounts: new Map(), windows: 0, mean: 0, variance: 0 };
        rates.set(subscription.number, rate);
        followed.push(rate);
      }
      const window = Math.floor((receivedAt - rate.origin) / windowMs);
      // A record late for a window already judged changes nothing.
      if (window < rate.nextToJudge) return;
      if (window === rate.openWindow) {
        rate.openCount += 1;
        return;
      }
      if (rate.openCount > 0) rate.otherCounts.set(rate.openWindow, (rate.otherCounts.get(rate.openWindow) ?? 0) + rate.openCount);
      rate.openWindow = window;
      rate.openCount = 1;
    },
    tick(now, sink) {
      for (const rate of followed) {
        const current = Math.floor((now - rate.origin) / windowMs);
        // After a long sleep the oldest windows are skipped: judging thousands of empty ones says nothing more.
        if (current - rate.nextToJudge > MAX_WINDOWS_PER_TICK) {
          rate.nextToJudge = current - MAX_WINDOWS_PER_TICK;
          for (const window of rate.otherCounts.keys()) if (window < rate.nextToJudge) rate.otherCounts.delete(window);
          if (rate.openWindow < rate.nextToJudge) rate.openCount = 0;
        }
        for (; rate.nextToJudge < current; rate.nextToJudge += 1) {
          const window = rate.nextToJudge;
          judge(rate, takeCount(rate, window), rate.origin + (window + 1) * windowMs, sink);
        }
      }
    },
  };
}
