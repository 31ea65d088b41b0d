import type { DemoSource as DemoSettings } from '../../../shared/config';
import type { ProfileStatus } from '../../../shared/connections';
import { encodeCot } from '../cot/encode-cot';
import type { BatchWriter } from '../ingest/batch-writer';
import type { Cancel, Clock, Log } from '../ports';
import type { Store } from '../store/store';
import { createScenario, type ReportSlot } from './scenario';

export const DEMO_SOURCE = 'demo';
export const DEMO_TOPIC = 'demo.cot';
const DEMO_PARTITION = 0;
/**
 * Real units do not report in step: each reporting period is split into this many slots and
 * each unit keeps to its own, so the feed arrives as a steady stream rather than one burst a
 * period. Everyone reports at once only when the scenario starts, for the first picture.
 */
const REPORT_SLOTS = 4;
/**
 * A simulated feed has no broker to hold what the cache cannot take yet: once this many slots'
 * reports are still being written, the next slot is skipped (and the status says so) rather than
 * queued without bound. The first picture, everyone at once, does not count against it.
 */
const MAX_SLOTS_IN_FLIGHT = 3;
/** How long the status keeps saying reports were skipped after the last skip. */
const SKIPPING_SHOWN_MS = 5_000;
export const DEMO_SKIPPING_REASON =
  'The demo produces reports faster than this machine can cache them, so some are skipped. Lower the demo units or rate in the configuration.';

export interface DemoSource {
  start(): void;
  stop(): void;
  status(): ProfileStatus;
}

/**
 * Plays the built-in scenario as CoT XML records through the same ingest path
 * Kafka records take, so the demo exercises decoding and caching for real.
 */
export function createDemoSource(options: {
  readonly settings: DemoSettings;
  readonly writer: BatchWriter;
  readonly store: Store;
  readonly clock: Clock;
  readonly log: Log;
  readonly onStatusChange: () => void;
}): DemoSource {
  const scenario = createScenario({ units: options.settings.units, seed: options.settings.seed });
  const encoder = new TextEncoder();
  let cancel: Cancel | null = null;
  let status: ProfileStatus = {
    profileId: DEMO_SOURCE,
    name: 'demo scenario',
    state: 'connecting',
    reason: null,
    since: options.clock.now(),
    partitions: [],
    catchUp: null,
    rate: 0,
  };
  const setStatus = (next: Pick<ProfileStatus, 'state' | 'reason'>, rate: number): void => {
    const changed = next.state !== status.state || next.reason !== status.reason;
    status = { ...status, ...next, since: changed ? options.clock.now() : status.since, rate };
    if (changed) options.onStatusChange();
  };

  let slotsInFlight = 0;
  let lastSkipAt = Number.NEGATIVE_INFINITY;
  const runningStatus = (): Pick<ProfileStatus, 'state' | 'reason'> =>
    options.clock.now() - lastSkipAt < SKIPPING_SHOWN_MS ? { state: 'degraded', reason: DEMO_SKIPPING_REASON } : { state: 'connected', reason: null };

  const tick = (startedAt: number, nextOffset: { value: number }, slot?: ReportSlot): void => {
    const now = options.clock.now();
    if (slot !== undefined && slotsInFlight >= MAX_SLOTS_IN_FLIGHT) {
      if (now - lastSkipAt >= SKIPPING_SHOWN_MS) options.log.warn('The demo is skipping reports: the cache cannot keep up.', { units: scenario.units.length });
      lastSkipAt = now;
      setStatus(runningStatus(), status.rate);
      return;
    }
    const records = scenario.reportsAt(startedAt, now, slot).map((event) => ({
      topic: DEMO_TOPIC,
      partition: DEMO_PARTITION,
      offset: nextOffset.value++,
      timestamp: now,
      key: encoder.encode(event.uid),
      headers: null,
      value: encoder.encode(encodeCot(event)),
    }));
    const counted = slot === undefined ? 0 : 1;
    slotsInFlight += counted;
    options.writer.write({ source: DEMO_SOURCE, subscriptionId: null, format: 'cot', mapping: null, records }).then(
      () => {
        slotsInFlight -= counted;
        setStatus(runningStatus(), scenario.units.length * options.settings.rateHz);
      },
      (error: unknown) => {
        slotsInFlight -= counted;
        options.log.error('The demo feed could not cache a batch.', { error: String(error) });
        setStatus({ state: 'degraded', reason: 'The demo feed could not write to the offline cache; see the log.' }, 0);
      },
    );
  };

  return {
    start() {
      if (cancel !== null) return;
      const startedAt = options.clock.now();
      const stored = options.store.nextOffsets(DEMO_SOURCE).find((o) => o.topic === DEMO_TOPIC && o.partition === DEMO_PARTITION);
      const nextOffset = { value: stored?.nextOffset ?? 0 };
      tick(startedAt, nextOffset);
      let ticks = 0;
      cancel = options.clock.every(1000 / (options.settings.rateHz * REPORT_SLOTS), () => {
        ticks += 1;
        tick(startedAt, nextOffset, { index: ticks % REPORT_SLOTS, of: REPORT_SLOTS });
      });
      options.log.info('Demo scenario started.', { units: scenario.units.length, rateHz: options.settings.rateHz });
    },
    stop() {
      cancel?.();
      cancel = null;
      setStatus({ state: 'offline', reason: 'The demo scenario stopped because a connection profile is configured.' }, 0);
    },
    status: () => status,
  };
}
