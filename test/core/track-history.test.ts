import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import type { MethodResult } from '../../shared/contract';
import { OutpostConfigSchema } from '../../shared/config';
import { createCore, type Core } from '../../electron/core';
import { manualClock, type ManualClock } from '../support/manual-clock';
import { memorySecrets } from '../support/memory-secrets';
import { recordingLog } from '../support/recording-log';
import { makeTempDir } from '../support/temp-dir';
import { waitFor } from '../support/wait-for';
import { sourceIngestWorker } from '../support/ingest-worker';
import { playDemo, recordCountOf } from '../support/demo-play';

type History = MethodResult<'tracks.history'>;

describe('Given a core playing the demo scenario', () => {
  let dir: ReturnType<typeof makeTempDir>;
  let clock: ManualClock;
  let core: Core;

  beforeEach(async () => {
    dir = makeTempDir();
    clock = manualClock();
    core = await createCore({
      dataDir: dir.path,
      config: OutpostConfigSchema.parse({}),
      secrets: memorySecrets(),
      clock,
      log: recordingLog(),
      ingestWorker: sourceIngestWorker,
    });
  });
  afterEach(async () => {
    await core.close();
    dir.remove();
  });

  const play = (seconds: number): Promise<void> => playDemo(core, clock, seconds);
  const recordCount = (): Promise<number> => recordCountOf(core);

  async function history(args: { uid: string; limit?: number }): Promise<History> {
    const result = await core.dispatch('tracks.history', args);
    if (!result.ok) throw new Error(result.error.message);
    return result.value as History;
  }

  it('When a fast aircraft has reported for a few seconds, Then its history lists every report oldest first with its raw CoT', async () => {
    await play(4);
    await waitFor(recordCount, (n) => n === 5 * 200, 5_000, 10);
    const result = await waitFor(() => history({ uid: 'demo-jump-1' }), (value) => value.track !== null, 5_000, 20);

    expect(result.track).toMatchObject({ uid: 'demo-jump-1', callsign: 'RAPTOR 3', cotType: 'a-h-A-M-F', affiliation: 'hostile', dimension: 'air' });
    expect(result.points).toHaveLength(5);
    const times = result.points.map((point) => point.time);
    expect(times).toEqual([...times].sort((a, b) => a - b));
    expect(new Set(times).size).toBe(5);
    for (const point of result.points) expect(point).toMatchObject({ hae: expect.any(Number), speed: expect.any(Number) });
    expect(new Set(result.points.map((point) => `${point.lat},${point.lon}`)).size).toBe(5);

    const raw = result.latestRaw;
    expect(raw).not.toBeNull();
    expect(raw?.text).toContain('<event');
    expect(raw?.text).toContain('uid="demo-jump-1"');
    expect(Buffer.from(raw?.bytesBase64 ?? '', 'base64').toString('utf8')).toBe(raw?.text);
    expect(raw?.bytes).toBe(Buffer.byteLength(raw?.text ?? ''));
  });

  it('When a smaller limit is asked for, Then only that many of the newest reports come back', async () => {
    await play(4);
    await waitFor(recordCount, (n) => n === 5 * 200, 5_000, 10);
    const all = await history({ uid: 'demo-silent-1' });
    const newest = await history({ uid: 'demo-silent-1', limit: 2 });
    expect(newest.points).toEqual(all.points.slice(-2));
  });

  it('When the uid is unknown, Then the answer is empty rather than an error', async () => {
    await play(1);
    expect(await history({ uid: 'nobody' })).toEqual({ track: null, points: [], latestRaw: null });
  });

  it('When the limit is beyond a thousand, Then the call is refused as bad arguments', async () => {
    const result = await core.dispatch('tracks.history', { uid: 'demo-jump-1', limit: 1_001 });
    expect(result).toMatchObject({ ok: false, error: { code: 'bad-arguments' } });
  });
});
