import type { Core } from '../../electron/core';
import type { ManualClock } from './manual-clock';
import { waitFor } from './wait-for';

export async function recordCountOf(core: Core): Promise<number> {
  const status = await core.dispatch('app.status', {});
  return status.ok ? (status.value as { recordCount: number }).recordCount : -1;
}

/** Plays the demo second by second, letting the ingest thread commit each second's 200 reports. */
export async function playDemo(core: Core, clock: ManualClock, seconds: number): Promise<void> {
  for (let second = 0; second < seconds; second += 1) {
    const before = await recordCountOf(core);
    clock.advance(1_000);
    await waitFor(() => recordCountOf(core), (n) => n >= before + 200, 5_000, 5);
  }
}
