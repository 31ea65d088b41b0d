/** The real clock replay runs on, so tests can move it by hand. Times are milliseconds. */
export interface ReplayClock {
  now(): number;
  every(intervalMs: number, tick: () => void): () => void;
  after(delayMs: number, run: () => void): () => void;
}

export const browserReplayClock: ReplayClock = {
  now: () => performance.now(),
  every(intervalMs, tick) {
    const timer = window.setInterval(tick, intervalMs);
    return () => window.clearInterval(timer);
  },
  after(delayMs, run) {
    const timer = window.setTimeout(run, delayMs);
    return () => window.clearTimeout(timer);
  },
};
