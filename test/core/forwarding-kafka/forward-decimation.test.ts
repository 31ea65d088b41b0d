import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { OutpostConfigSchema } from '../../../shared/config';
import type { ForwardRule } from '../../../shared/forwarding';
import { createCore, type Core } from '../../../electron/core';
import { CLOUD_TOPIC, EDGE_TOPIC, hostilesToTheCloud, startEdgeAndCloud, type EdgeAndCloud } from '../../support/edge-and-cloud';
import { landedPerEntity, watchForwarded, type ForwardedArrival, type ForwardedWatch } from '../../support/forwarded-receiver';
import { sourceIngestWorker } from '../../support/ingest-worker';
import { memorySecrets } from '../../support/memory-secrets';
import { fixesOf, inTimeOrder, produceFixes } from '../../support/position-stream';
import { recordingLog } from '../../support/recording-log';
import { shiftedClock, type ShiftedClock } from '../../support/shifted-clock';
import { makeTempDir } from '../../support/temp-dir';
import { waitFor } from '../../support/wait-for';

const SECOND = 1_000;
/** Whole seconds, so fix times read back as whole seconds from it. */
const START = Math.floor(Date.now() / 60_000) * 60_000 - 10 * 60 * SECOND;

const RULE = hostilesToTheCloud({ decimationSeconds: 30, dropFields: ['raw'], budgetBytesPerSecond: null });

/**
 * Every 10 s unless said: a hostile reporting steadily; a hostile that falls silent 50 s and comes
 * back; a hostile seen once; a hostile whose fix of 35 s comes last of all, after its fix of 40 s;
 * and a friend and a neutral, which the filter keeps back.
 */
const STREAM = [
  ...inTimeOrder(
    fixesOf('hostile-steady', 'a-h-G-U-C', 0, 110),
    [...fixesOf('hostile-gap', 'a-h-A-M-F', 0, 20), ...fixesOf('hostile-gap', 'a-h-A-M-F', 70, 90)],
    [{ uid: 'hostile-once', type: 'a-h-S', second: 50 }],
    [{ uid: 'hostile-late', type: 'a-h-G', second: 0 }, { uid: 'hostile-late', type: 'a-h-G', second: 40 }],
    fixesOf('friend', 'a-f-G-U-C', 0, 120),
    fixesOf('neutral', 'a-n-G', 0, 60),
  ),
  { uid: 'hostile-late', type: 'a-h-G', second: 35 },
];

/** What the cloud holds while the last positions are still held back: one per entity per 30 s of fix time. */
const BEFORE_SILENCE: Record<string, number[]> = {
  'hostile-steady': [0, 30, 60, 90],
  // 20 goes when 70 comes, being the last before the gap; 70 goes too, 50 s after it.
  'hostile-gap': [0, 20, 70],
  'hostile-once': [50],
  // 35 is older than the 40 already sent, so it never goes.
  'hostile-late': [0, 40],
};
/** Then each entity's last fix, once it has been silent 30 s by the core's clock. */
const AFTER_SILENCE: Record<string, number[]> = {
  ...BEFORE_SILENCE,
  'hostile-steady': [0, 30, 60, 90, 110],
  'hostile-gap': [0, 20, 70, 90],
};
const countOf = (expected: Record<string, number[]>): number => Object.values(expected).reduce((sum, seconds) => sum + seconds.length, 0);

describe('Given an edge broker, a cloud broker beyond a link, and a rule forwarding hostiles at most once per 30 s', () => {
  const dir = makeTempDir();
  let brokers: EdgeAndCloud;
  let core: Core;
  let clock: ShiftedClock;
  let cloud: ForwardedWatch;
  let beforeSilence: ForwardedArrival[];
  let afterSilence: ForwardedArrival[];
  let ruleAfterSilence: ForwardRule;

  const rule = async (): Promise<ForwardRule> => {
    const listed = await core.dispatch('forwarding.list', {});
    if (!listed.ok) throw new Error(listed.error.message);
    return (listed.value as ForwardRule[])[0]!;
  };
  /** Once the rule has judged the whole stream, queued nothing more, and the cloud holds as many positions as it forwarded. */
  const settled = async (forwarded: number): Promise<{ readonly rule: ForwardRule; readonly arrivals: ForwardedArrival[] }> => {
    const settledRule = await waitFor(rule, (r) => r.stats.recordsSeen === STREAM.length && r.stats.recordsForwarded === forwarded && r.stats.queued === 0, 60_000, 50);
    return { rule: settledRule, arrivals: await cloud.until((arrivals) => arrivals.length >= forwarded, 60_000) };
  };

  beforeAll(async () => {
    brokers = await startEdgeAndCloud({ edge: { topic: EDGE_TOPIC, partitions: 2 }, cloud: { topic: CLOUD_TOPIC, partitions: 3 } });
    clock = shiftedClock();
    core = await createCore({
      dataDir: join(dir.path, 'data'),
      config: OutpostConfigSchema.parse({
        profiles: [
          { id: 'edge', name: 'Edge', brokers: brokers.edge.brokers, subscriptions: [{ topic: EDGE_TOPIC, format: 'json' }] },
          { id: 'cloud', name: 'Cloud', brokers: brokers.cloud.brokers },
        ],
      }),
      secrets: memorySecrets(),
      clock,
      log: recordingLog(),
      ingestWorker: sourceIngestWorker,
    });
    const saved = await core.dispatch('forwarding.save', { rule: RULE });
    if (!saved.ok) throw new Error(saved.error.message);

    cloud = await watchForwarded(brokers.cloud.brokers, CLOUD_TOPIC);

    await produceFixes(brokers.edge.brokers, EDGE_TOPIC, STREAM, START);
    ({ arrivals: beforeSilence } = await settled(countOf(BEFORE_SILENCE)));

    clock.advance(30 * SECOND);
    ({ rule: ruleAfterSilence, arrivals: afterSilence } = await settled(countOf(AFTER_SILENCE)));
  }, 180_000);

  afterAll(async () => {
    await cloud?.stop();
    await core?.close();
    await brokers?.stop();
    dir.remove();
  }, 60_000);

  it('When the stream has been read, Then the cloud holds exactly one position per hostile per 30 s, each entity’s in fix-time order', () => {
    expect(landedPerEntity(beforeSilence, START)).toEqual(BEFORE_SILENCE);
  });

  it('When each hostile has been silent 30 s, Then its last position follows, and nothing else', () => {
    expect(landedPerEntity(afterSilence, START)).toEqual(AFTER_SILENCE);
    expect(ruleAfterSilence.stats).toMatchObject({ recordsSeen: STREAM.length, recordsForwarded: countOf(AFTER_SILENCE), queued: 0 });
  });

  it('Then every position is keyed by its entity, so each entity’s positions share one partition, and carries its id in the header and the JSON', () => {
    for (const uid of Object.keys(AFTER_SILENCE)) {
      const ofEntity = afterSilence.filter((arrival) => arrival.body.uid === uid);
      expect(new Set(ofEntity.map((arrival) => arrival.partition)).size).toBe(1);
      expect(ofEntity.every((arrival) => arrival.key === uid)).toBe(true);
    }
    expect(afterSilence.every((arrival) => arrival.id === arrival.body.id)).toBe(true);
    expect(new Set(afterSilence.map((arrival) => arrival.id)).size).toBe(afterSilence.length);
  });

  it('Then what goes is the position the rule describes, with the raw record projected out', () => {
    const first = afterSilence.find((arrival) => arrival.body.uid === 'hostile-steady' && arrival.body.time === START)!;
    expect(first.body).toMatchObject({ kind: 'position', rule: 'hostiles-up', precedence: 'priority', uid: 'hostile-steady', callsign: 'HOSTILE-STEADY', type: 'a-h-G-U-C', lat: 40, lon: 8 });
    expect(first.body.source).toMatchObject({ profile: 'edge', topic: EDGE_TOPIC });
    expect(afterSilence.some((arrival) => 'raw' in arrival.body || 'rawBase64' in arrival.body)).toBe(false);
  });
});
