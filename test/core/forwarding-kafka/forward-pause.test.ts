import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { OutpostConfigSchema } from '../../../shared/config';
import type { ForwardRule } from '../../../shared/forwarding';
import { createCore, systemClock, type Core } from '../../../electron/core';
import { CLOUD_TOPIC, EDGE_TOPIC, hostilesToTheCloud, startEdgeAndCloud, type EdgeAndCloud } from '../../support/edge-and-cloud';
import { watchForwarded, type ForwardedArrival, type ForwardedWatch } from '../../support/forwarded-receiver';
import { sourceIngestWorker } from '../../support/ingest-worker';
import { memorySecrets } from '../../support/memory-secrets';
import { fixesOf, inTimeOrder, produceFixes, type ScriptedFix } from '../../support/position-stream';
import { recordingLog } from '../../support/recording-log';
import { makeTempDir } from '../../support/temp-dir';
import { waitFor } from '../../support/wait-for';

const SECOND = 1_000;
const START = Math.floor(Date.now() / 60_000) * 60_000 - 10 * 60 * SECOND;
const LINK_BITS_PER_SECOND = 64_000;
/** Slow enough that the rule still has positions queued when it is paused. */
const BUDGET_BYTES_PER_SECOND = 1_000;

const RULE = hostilesToTheCloud({ decimationSeconds: null, dropFields: ['raw'], budgetBytesPerSecond: BUDGET_BYTES_PER_SECOND });

const HOSTILES = ['hostile-1', 'hostile-2', 'hostile-3', 'hostile-4'];
const FRIENDS = ['friend-1', 'friend-2', 'friend-3', 'friend-4'];
const reportsBetween = (from: number, to: number): ScriptedFix[] =>
  inTimeOrder(...HOSTILES.map((uid) => fixesOf(uid, 'a-h-G-U-C', from, to)), ...FRIENDS.map((uid) => fixesOf(uid, 'a-f-G-U-C', from, to)));
/** Before the pause, and while paused: 40 hostile fixes each. */
const BEFORE_PAUSE = reportsBetween(0, 90);
const DURING_PAUSE = reportsBetween(100, 190);
const hostilePositions = (from: number, to: number): string[] => HOSTILES.flatMap((uid) => fixesOf(uid, '', from, to).map((fix) => `${uid}@${fix.second}`));
const positionOf = (arrival: ForwardedArrival): string => `${arrival.body.uid}@${(arrival.body.time - START) / SECOND}`;

describe('Given a rule forwarding hostiles within a budget, paused while its queue drains and resumed later', () => {
  const dir = makeTempDir();
  let brokers: EdgeAndCloud;
  let core: Core;
  let cloud: ForwardedWatch;
  let atPause: ForwardRule;
  let whilePaused: { readonly rule: ForwardRule; readonly arrivals: ForwardedArrival[] };
  let afterResume: ForwardRule;
  let arrivals: ForwardedArrival[];

  const ask = async <T>(method: string, args: unknown = {}): Promise<T> => {
    const result = await core.dispatch(method as never, args as never);
    if (!result.ok) throw new Error(`${method} failed: ${result.error.message}`);
    return result.value as T;
  };
  const rule = async (): Promise<ForwardRule> => (await ask<ForwardRule[]>('forwarding.list'))[0]!;

  beforeAll(async () => {
    brokers = await startEdgeAndCloud({ edge: { topic: EDGE_TOPIC, partitions: 2 }, cloud: { topic: CLOUD_TOPIC, partitions: 3 } });
    await brokers.link.limitRate(LINK_BITS_PER_SECOND);
    core = await createCore({
      dataDir: join(dir.path, 'data'),
      config: OutpostConfigSchema.parse({
        profiles: [
          { id: 'edge', name: 'Edge', brokers: brokers.edge.brokers, subscriptions: [{ topic: EDGE_TOPIC, format: 'json' }] },
          { id: 'cloud', name: 'Cloud', brokers: brokers.cloud.brokers },
        ],
      }),
      secrets: memorySecrets(),
      clock: systemClock,
      log: recordingLog(),
      ingestWorker: sourceIngestWorker,
    });
    await ask('forwarding.save', { rule: RULE });
    cloud = await watchForwarded(brokers.cloud.brokers, CLOUD_TOPIC);

    await produceFixes(brokers.edge.brokers, EDGE_TOPIC, BEFORE_PAUSE, START);
    await waitFor(rule, (r) => r.stats.recordsForwarded === 40, 60_000, 50);
    await cloud.until((landed) => landed.length > 0, 60_000);
    atPause = await ask<ForwardRule>('forwarding.setPaused', { id: RULE.id, paused: true });

    await produceFixes(brokers.edge.brokers, EDGE_TOPIC, DURING_PAUSE, START);
    await waitFor(() => ask<{ recordCount: number }>('app.status'), (status) => status.recordCount === BEFORE_PAUSE.length + DURING_PAUSE.length, 60_000, 50);
    // What was on its way at the pause lands; what was queued behind it stays.
    const onItsWay = 40 - atPause.stats.queued;
    whilePaused = { arrivals: await cloud.until((landed) => landed.length >= onItsWay, 60_000), rule: await rule() };

    await ask<ForwardRule>('forwarding.setPaused', { id: RULE.id, paused: false });
    afterResume = await waitFor(rule, (r) => r.stats.recordsForwarded === 80 && r.stats.queued === 0, 60_000, 50);
    arrivals = await cloud.until((landed) => landed.length >= 80, 60_000);
    console.log(`[forward-pause] paused with ${atPause.stats.queued} of 40 queued; ${whilePaused.arrivals.length} at the cloud while paused; ${arrivals.length} at the end`);
  }, 180_000);

  afterAll(async () => {
    await cloud?.stop();
    await core?.close();
    await brokers?.stop();
    dir.remove();
  }, 60_000);

  it('Then the rule was paused with positions still queued for the link', () => {
    expect(atPause).toMatchObject({ paused: true, stats: { recordsForwarded: 40 } });
    expect(atPause.stats.queued).toBeGreaterThan(0);
  });

  it('When records keep arriving while paused, Then the rule forwards none of them and its queue is held', () => {
    expect(whilePaused.rule.stats).toMatchObject({ recordsSeen: 40 * 2, recordsForwarded: 40, queued: atPause.stats.queued });
  });

  it('Then the cloud got nothing after the pause beyond what was already on its way', () => {
    expect(whilePaused.arrivals).toHaveLength(40 - atPause.stats.queued);
    expect(whilePaused.arrivals.every((arrival) => (arrival.body.time - START) / SECOND < 100)).toBe(true);
  });

  it('When the rule is resumed, Then what was queued and everything that arrived during the pause goes, each position once', () => {
    expect(afterResume.stats).toMatchObject({ recordsSeen: 160, recordsForwarded: 80, queued: 0 });
    expect(arrivals.map(positionOf).sort()).toEqual([...hostilePositions(0, 90), ...hostilePositions(100, 190)].sort());
    expect(new Set(arrivals.map((arrival) => arrival.id)).size).toBe(80);
  });
});
