import type { Core } from '../../electron/core';
import type { ManualClock } from './manual-clock';
import { waitFor } from './wait-for';

export async function recordCountOf(core: Core): Promise<number> {
  const status = await core.dispatch('app.status', {});
  return status.ok ? (status.value as { recordCount: number }).recordCount : -1;
}

/** The demo's units report in four slots a second. */
const SLOTS_PER_SECOND = 4;
const DEFAULT_UNITS = 200;

/**
 * Plays the demo slot by slot, letting the ingest thread commit each slot's 50 reports before the
 * next, as it would in real time: a clock that jumped a whole second at once would have the demo
 * skip slots, as it does when the cache falls behind.
 */
export async function playDemo(core: Core, clock: ManualClock, seconds: number, units = DEFAULT_UNITS): Promise<void> {
  for (let slot = 0; slot < seconds * SLOTS_PER_SECOND; slot += 1) {
    const before = await recordCountOf(core);
    clock.advance(1_000 / SLOTS_PER_SECOND);
    // Unit i reports in slot i % 4; a unit that has stopped reporting makes a slot one short.
    const due = Math.floor(units / SLOTS_PER_SECOND) - 1;
    await waitFor(() => recordCountOf(core), (n) => n >= before + due, 5_000, 5);
  }
}
