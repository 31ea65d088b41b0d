import type { Clock } from '../ports';

/** How much unused budget may be saved up: a second's worth, so an idle link allows one short burst and no more. */
export const BUDGET_BURST_SECONDS = 1;

/**
 * A token bucket over bytes for one destination. The rate is passed on every call rather than
 * held, so a budget the analyst changes takes effect at the next send. Sending more than the
 * bucket holds (a message larger than a second's worth) is allowed once the bucket is full, and
 * leaves it in debt, so the average rate still holds.
 */
export interface ByteBudget {
  /** Milliseconds to wait before `bytes` may go; 0 when they may go now or there is no limit. */
  delayFor(bytes: number, bytesPerSecond: number | null): number;
  /** Takes `bytes` out of the budget, now. */
  charge(bytes: number, bytesPerSecond: number | null): void;
}

export function createByteBudget(clock: Clock): ByteBudget {
  let tokens: number | null = null;
  let refilledAt = clock.now();

  const refill = (bytesPerSecond: number): number => {
    const now = clock.now();
    const capacity = bytesPerSecond * BUDGET_BURST_SECONDS;
    const saved = tokens ?? capacity;
    tokens = Math.min(capacity, saved + ((now - refilledAt) * bytesPerSecond) / 1000);
    refilledAt = now;
    return tokens;
  };

  return {
    delayFor(bytes, bytesPerSecond) {
      if (bytesPerSecond === null) return 0;
      const needed = Math.min(bytes, bytesPerSecond * BUDGET_BURST_SECONDS);
      const available = refill(bytesPerSecond);
      return available >= needed ? 0 : Math.ceil(((needed - available) * 1000) / bytesPerSecond);
    },
    charge(bytes, bytesPerSecond) {
      if (bytesPerSecond === null) {
        tokens = null;
        return;
      }
      tokens = refill(bytesPerSecond) - bytes;
    },
  };
}
