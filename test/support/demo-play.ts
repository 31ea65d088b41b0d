import type { Core } from '../../electron/core';
import type { ManualClock } from './manual-clock';
import { waitFor } from './wait-for';

export async function recordCountOf(core: Core): Promise<number> {
  const status = await core.dispatch('app.status', {});
  return status.ok ? (status.value as { recordCount: number }).recordCount : -1;
}

/** The default demo's 200 units report in four slots a second. */
const SLOTS_PER_SECOND = 4;
const REPORTS_PER_SLOT = 200 / SLOTS_PER_SECOND;

/**
 * Plays the demo slot by slot, letting the ingest thread commit each slot's 50 reports before the
 * next, as it would in real time: a clock that jumped a whole second at once would have the demo
 * skip slots, as it does when the cache falls behind.
 */
export async function playDemo(core: Core, clock: ManualClock, seconds: number): Promise<void> {
  for (let slot = 0; slot < seconds * SLOTS_PER_SECOND; slot += 1) {
    const before = await recordCountOf(core);
    clock.advance(1_000 / SLOTS_PER_SECOND);
    await waitFor(() => recordCountOf(core), (n) => n >= before + REPORTS_PER_SLOT, 5_000, 5);
  }
}
