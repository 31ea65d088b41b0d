import type { Clock } from '../../electron/core/ports';

/** A clock the test moves by hand; intervals fire as time passes, in order. */
export interface ManualClock extends Clock {
  advance(millis: number): void;
}

export function manualClock(start = Date.UTC(2026, 10, 26, 12, 0, 0)): ManualClock {
  let now = start;
  let nextId = 0;
  const timers = new Map<number, { interval: number | null; due: number; tick: () => void }>();
  return {
    now: () => now,
    every(interval, tick) {
      const id = nextId++;
      timers.set(id, { interval, due: now + interval, tick });
      return () => timers.delete(id);
    },
    after(delay, run) {
      const id = nextId++;
      timers.set(id, { interval: null, due: now + delay, tick: run });
      return () => timers.delete(id);
    },
    advance(millis) {
      const end = now + millis;
      for (;;) {
        const next = [...timers.values()].filter((t) => t.due <= end).sort((a, b) => a.due - b.due)[0];
        if (next === undefined) break;
        now = next.due;
        if (next.interval === null) {
          for (const [id, timer] of timers) if (timer === next) timers.delete(id);
        } else {
          next.due += next.interval;
        }
        next.tick();
      }
      now = end;
    },
  };
}
