import { systemClock, type Clock } from '../../electron/core/ports';

/**
 * The system clock, which a test may move forward: timers keep firing in real time, so Kafka
 * clients and the outbox run as they would, while `now()` jumps, so a wait measured by the core's
 * clock (decimation's silence, say) passes at once.
 */
export interface ShiftedClock extends Clock {
  advance(millis: number): void;
}

export function shiftedClock(): ShiftedClock {
  let shift = 0;
  return {
    now: () => systemClock.now() + shift,
    every: (intervalMs, tick) => systemClock.every(intervalMs, tick),
    after: (delayMs, run) => systemClock.after(delayMs, run),
    advance(millis) {
      shift += millis;
    },
  };
}
