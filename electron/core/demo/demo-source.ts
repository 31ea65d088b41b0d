import type { DemoSource as DemoSettings } from '../../../shared/config';
import type { ProfileStatus } from '../../../shared/connections';
import { encodeCot } from '../cot/encode-cot';
import type { BatchWriter } from '../ingest/batch-writer';
import type { Cancel, Clock, Log } from '../ports';
import type { Store } from '../store/store';
import { createScenario } from './scenario';

export const DEMO_SOURCE = 'demo';
export const DEMO_TOPIC = 'demo.cot';
const DEMO_PARTITION = 0;

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

  const tick = (startedAt: number, nextOffset: { value: number }): void => {
    const now = options.clock.now();
    const records = scenario.reportsAt(startedAt, now).map((event) => ({
      topic: DEMO_TOPIC,
      partition: DEMO_PARTITION,
      offset: nextOffset.value++,
      timestamp: now,
      key: encoder.encode(event.uid),
      headers: null,
      value: encoder.encode(encodeCot(event)),
    }));
    options.writer.write({ source: DEMO_SOURCE, subscriptionId: null, format: 'cot', mapping: null, records }).then(
      () => setStatus({ state: 'connected', reason: null }, records.length * options.settings.rateHz),
      (error: unknown) => {
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
      cancel = options.clock.every(1000 / options.settings.rateHz, () => tick(startedAt, nextOffset));
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
