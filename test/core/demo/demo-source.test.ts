import { describe, expect, it } from 'vitest';
import { DemoSourceSchema } from '../../../shared/config';
import { createDemoSource, DEMO_SKIPPING_REASON } from '../../../electron/core/demo/demo-source';
import type { BatchWriter } from '../../../electron/core/ingest/batch-writer';
import type { IngestGroup } from '../../../electron/core/ingest/ingest';
import type { Store } from '../../../electron/core/store/store';
import { manualClock } from '../../support/manual-clock';
import { recordingLog } from '../../support/recording-log';

/** A cache that takes writes and commits them only when the test says so. */
function heldWriter(): BatchWriter & { readonly groups: IngestGroup[]; commitAll(): void } {
  const groups: IngestGroup[] = [];
  let held: Array<() => void> = [];
  return {
    groups,
    write(group) {
      groups.push(group);
      return new Promise((resolve) => held.push(() => resolve({ storedRecords: group.records.length, duplicateRecords: 0, storedQuarantined: 0, changedTracks: [], alerts: [] })));
    },
    whenBelow: async () => undefined,
    drain: async () => undefined,
    commitAll() {
      const committing = held;
      held = [];
      for (const commit of committing) commit();
    },
  };
}

/** Lets the writes' completions run. */
const settle = (): Promise<void> => new Promise((resolve) => setImmediate(resolve));

const noStoredOffsets = { nextOffsets: () => [] } as unknown as Store;

function demoWith(writer: BatchWriter) {
  const clock = manualClock();
  const log = recordingLog();
  const demo = createDemoSource({ settings: DemoSourceSchema.parse({ units: 40 }), writer, store: noStoredOffsets, clock, log, onStatusChange: () => undefined });
  return { demo, clock, log };
}

describe('Given the demo feed', () => {
  it('When the cache keeps up, Then every unit reports once a second, spread over four slots after a first full picture', async () => {
    const writer = heldWriter();
    const { demo, clock } = demoWith(writer);
    demo.start();
    writer.commitAll();
    for (let slot = 0; slot < 4; slot += 1) {
      await settle();
      clock.advance(250);
      writer.commitAll();
    }
    expect(writer.groups.map((group) => group.records.length)).toEqual([40, 10, 10, 10, 10]);
    const uidsInSecond = writer.groups.slice(1).flatMap((group) => group.records.map((record) => new TextDecoder().decode(record.key ?? new Uint8Array())));
    expect(new Set(uidsInSecond).size).toBe(40);
    await settle();
    expect(demo.status()).toMatchObject({ state: 'connected', reason: null });
  });

  it('When the cache falls behind, Then slots are skipped rather than queued, and the status says why in a sentence', async () => {
    const writer = heldWriter();
    const { demo, clock, log } = demoWith(writer);
    demo.start();
    clock.advance(2_000);
    // The first picture does not count; three slots still being written hold back every slot after them.
    expect(writer.groups.map((group) => group.records.length)).toEqual([40, 10, 10, 10]);
    expect(demo.status()).toMatchObject({ state: 'degraded', reason: DEMO_SKIPPING_REASON });
    expect(log.entries.filter((entry) => entry.level === 'warn')).toHaveLength(1);

    writer.commitAll();
    await settle();
    for (let slot = 0; slot < 24; slot += 1) {
      clock.advance(250);
      writer.commitAll();
      await settle();
    }
    expect(writer.groups).toHaveLength(4 + 24);
    expect(demo.status()).toMatchObject({ state: 'connected', reason: null });
  });
});
