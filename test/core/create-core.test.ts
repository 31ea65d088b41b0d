import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import type { EventPayload } from '../../shared/contract';
import { OutpostConfigSchema } from '../../shared/config';
import { createCore, type Core } from '../../electron/core';
import { manualClock, type ManualClock } from '../support/manual-clock';
import { memorySecrets } from '../support/memory-secrets';
import { recordingLog } from '../support/recording-log';
import { makeTempDir } from '../support/temp-dir';
import { waitFor } from '../support/wait-for';
import { sourceIngestWorker } from '../support/ingest-worker';
import { playDemo, recordCountOf } from '../support/demo-play';

describe('Given a core with no Kafka configured', () => {
  let dir: ReturnType<typeof makeTempDir>;
  let clock: ManualClock;
  let core: Core;
  let batches: EventPayload<'tracks.updated'>[];
  const secrets = memorySecrets();

  beforeEach(async () => {
    dir = makeTempDir();
    clock = manualClock();
    core = await createCore({
      dataDir: dir.path,
      config: OutpostConfigSchema.parse({}),
      secrets,
      clock,
      log: recordingLog(),
      ingestWorker: sourceIngestWorker,
      trackBatchIntervalMs: 250,
    });
    batches = [];
    core.subscribe((event, payload) => {
      if (event === 'tracks.updated') batches.push(payload as EventPayload<'tracks.updated'>);
    });
  });
  afterEach(async () => {
    await core.close();
    dir.remove();
  });

  const play = (seconds: number): Promise<void> => playDemo(core, clock, seconds);
  const recordCount = (): Promise<number> => recordCountOf(core);

  it('When five seconds of the demo play, Then every report is cached through the contract', async () => {
    await play(5);
    const expected = 6 * 200;
    await waitFor(recordCount, (n) => n === expected, 5_000, 10);
    // The latest track states are written up to a second behind the records.
    const status = await waitFor(
      () => core.dispatch('app.status', {}),
      (result) => result.ok && (result.value as { trackCount: number }).trackCount === 200,
      5_000,
      20,
    );
    expect(status).toMatchObject({ ok: true, value: { recordCount: 6 * 200, trackCount: 200, demo: true } });
    expect(await core.dispatch('connections.status', {})).toMatchObject({ ok: true, value: [{ profileId: 'demo', state: 'connected' }] });
    const tracks = await core.dispatch('tracks.list', {});
    expect(tracks.ok && (tracks.value as unknown[]).length).toBe(200);
  });

  it('When the feed runs, Then track updates reach listeners in coalesced batches, one entry per entity', async () => {
    await play(2);
    await waitFor(recordCount, (n) => n === 3 * 200, 5_000, 10);
    // The commit notice reaches the main thread a moment after the rows are readable, so keep the batch timer ticking.
    const batchCount = await waitFor(
      () => {
        clock.advance(250);
        return batches.length;
      },
      (n) => n >= 2,
      5_000,
      10,
    );
    expect(batchCount).toBeGreaterThanOrEqual(2);
    for (const batch of batches) {
      expect(new Set(batch.tracks.map((t) => t.uid)).size).toBe(batch.tracks.length);
      expect(batch.tracks.length).toBeLessThanOrEqual(200);
    }
  });

  it('When the core restarts on the same data folder, Then the cache is kept and offsets carry on', async () => {
    await play(1);
    await core.close();
    core = await createCore({ dataDir: dir.path, config: OutpostConfigSchema.parse({}), secrets, clock, log: recordingLog(), ingestWorker: sourceIngestWorker });
    await play(1);
    expect(await waitFor(recordCount, (n) => n === 4 * 200, 5_000, 10)).toBe(4 * 200);
  });

  it('When a call carries bad arguments, Then the core answers with a sentence and keeps running', async () => {
    const result = await core.dispatch('tracks.list', { limit: -1 });
    expect(result).toMatchObject({ ok: false, error: { code: 'bad-arguments' } });
    await play(1);
    expect((await core.dispatch('app.status', {})).ok).toBe(true);
  });
});
