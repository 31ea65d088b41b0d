import type { DemoSource as DemoSettings } from '../../../shared/config';
import { encodeCot } from '../cot/encode-cot';
import type { ConnectionMonitor } from '../ingest/connection-monitor';
import type { Ingest } from '../ingest/ingest';
import type { Source } from '../ingest/source';
import type { Cancel, Clock, Log } from '../ports';
import type { Store } from '../store/store';
import { createScenario } from './scenario';

export const DEMO_SOURCE = 'demo';
export const DEMO_TOPIC = 'demo.cot';
const DEMO_PARTITION = 0;

/**
 * Plays the built-in scenario as CoT XML records through the same ingest path
 * Kafka records take, so the demo exercises decoding and caching for real.
 */
export function createDemoSource(options: {
  readonly settings: DemoSettings;
  readonly ingest: Ingest;
  readonly store: Store;
  readonly clock: Clock;
  readonly log: Log;
  readonly connection: ConnectionMonitor;
}): Source {
  const scenario = createScenario({ units: options.settings.units, seed: options.settings.seed });
  const encoder = new TextEncoder();
  let cancel: Cancel | null = null;

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
    try {
      options.ingest.ingest(DEMO_SOURCE, 'cot', records);
      options.connection.set('connected', null);
    } catch (error) {
      options.log.error('The demo feed could not cache a batch.', { error: String(error) });
      options.connection.set('degraded', 'The demo feed could not write to the offline cache; see the log.');
    }
  };

  return {
    async start() {
      const startedAt = options.clock.now();
      const nextOffset = { value: (options.store.lastOffset(DEMO_SOURCE, DEMO_TOPIC, DEMO_PARTITION) ?? -1) + 1 };
      tick(startedAt, nextOffset);
      cancel = options.clock.every(1000 / options.settings.rateHz, () => tick(startedAt, nextOffset));
      options.log.info('Demo scenario started.', { units: scenario.units.length, rateHz: options.settings.rateHz });
    },
    async stop() {
      cancel?.();
      cancel = null;
    },
  };
}
