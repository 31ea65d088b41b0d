import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { setTimeout as delay } from 'node:timers/promises';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { ForwardRule } from '../../../shared/forwarding';
import { connectContract, type ContractClient } from '../../support/contract-client';
import { CLOUD_TOPIC, EDGE_TOPIC, hostilesToTheCloud, startEdgeAndCloud, type EdgeAndCloud } from '../../support/edge-and-cloud';
import { watchForwarded, type ForwardedArrival, type ForwardedWatch } from '../../support/forwarded-receiver';
import { fixesOf, inTimeOrder, produceFixes, type ScriptedFix } from '../../support/position-stream';
import { openCacheForInspection } from '../../support/read-cache';
import { makeTempDir } from '../../support/temp-dir';
import { waitFor } from '../../support/wait-for';
import { startWebHostProcess, type RunningWebHost } from '../../support/web-host-process';

const SECOND = 1_000;
const START = Math.floor(Date.now() / 60_000) * 60_000 - 10 * 60 * SECOND;
const LINK_BITS_PER_SECOND = 64_000;
/** Slow enough that the kill lands while the queue drains, fast enough to drain in seconds. */
const BUDGET_BYTES_PER_SECOND = 1_000;
const LINK_DOWN_MS = 3_000;

const RULE = hostilesToTheCloud({ decimationSeconds: null, dropFields: ['raw', 'source'], budgetBytesPerSecond: BUDGET_BYTES_PER_SECOND });

const HOSTILES = ['hostile-1', 'hostile-2', 'hostile-3', 'hostile-4'];
const FRIENDS = ['friend-1', 'friend-2', 'friend-3', 'friend-4'];
/** Four hostiles and four friends reporting every 10 s from `from` to `to`. */
const reportsBetween = (from: number, to: number): ScriptedFix[] =>
  inTimeOrder(...HOSTILES.map((uid) => fixesOf(uid, 'a-h-G-U-C', from, to)), ...FRIENDS.map((uid) => fixesOf(uid, 'a-f-G-U-C', from, to)));
/** Before the link goes down; while it is down; while Outpost is dead. */
const PHASES = [reportsBetween(0, 90), reportsBetween(100, 190), reportsBetween(200, 290)];
/** Every hostile fix from 0 to 290 s, as `uid@second`. */
const EXPECTED = HOSTILES.flatMap((uid) => Array.from({ length: 30 }, (_, step) => `${uid}@${step * 10}`)).sort();

async function call<T>(client: ContractClient, method: string, args: unknown = {}): Promise<T> {
  const result = await client.call(method, args);
  if (!result.ok) throw new Error(`${method} failed: ${result.error?.code ?? '?'}: ${result.error?.message ?? ''}`);
  return result.value as T;
}
const ruleOf = async (client: ContractClient): Promise<ForwardRule> => (await call<ForwardRule[]>(client, 'forwarding.list'))[0]!;
/** What the killed process left on disk for the rule: positions sent and still queued. */
async function ruleOfStopped(dataDir: string): Promise<{ readonly sent: number; readonly queued: number }> {
  const cache = await openCacheForInspection(dataDir);
  try {
    const count = cache.prepare<[string], number>('SELECT count(*) FROM outbox_messages WHERE forward_rule_id IS NOT NULL AND state = ?').pluck();
    return { sent: count.get('sent') ?? 0, queued: count.get('queued') ?? 0 };
  } finally {
    cache.close();
  }
}
const positionOf = (arrival: ForwardedArrival): string => `${arrival.body.uid}@${(arrival.body.time - START) / SECOND}`;

describe('Given a rule forwarding hostiles over a 64 kbit/s link that goes down, and an Outpost process killed with SIGKILL while it drains', () => {
  const dir = makeTempDir();
  const dataDir = join(dir.path, 'data');
  const configFile = join(dir.path, 'outpost.json');
  let brokers: EdgeAndCloud;
  let first: RunningWebHost | undefined;
  let second: RunningWebHost | undefined;
  let cloud: ForwardedWatch;
  let atKill: { readonly sent: number; readonly queued: number };
  let sendingAtKill: number;
  let afterRestart: ForwardRule;
  let arrivals: ForwardedArrival[];

  beforeAll(async () => {
    brokers = await startEdgeAndCloud({ edge: { topic: EDGE_TOPIC, partitions: 2 }, cloud: { topic: CLOUD_TOPIC, partitions: 3 } });
    await brokers.link.limitRate(LINK_BITS_PER_SECOND);
    writeFileSync(
      configFile,
      JSON.stringify({
        profiles: [
          { id: 'edge', name: 'Edge', brokers: brokers.edge.brokers, subscriptions: [{ topic: EDGE_TOPIC, format: 'json' }] },
          { id: 'cloud', name: 'Cloud', brokers: brokers.cloud.brokers },
        ],
      }),
    );

    first = await startWebHostProcess(['--config', configFile, '--data-dir', dataDir]);
    const client = await connectContract(first.url);
    await call(client, 'forwarding.save', { rule: RULE });

    cloud = await watchForwarded(brokers.cloud.brokers, CLOUD_TOPIC);
    await produceFixes(brokers.edge.brokers, EDGE_TOPIC, PHASES[0]!, START);
    await cloud.until((landed) => landed.length > 0, 60_000);

    await brokers.link.cut();
    await produceFixes(brokers.edge.brokers, EDGE_TOPIC, PHASES[1]!, START);
    await waitFor(() => ruleOf(client), (rule) => rule.stats.recordsForwarded === 80, 60_000, 100);
    await delay(LINK_DOWN_MS);
    await brokers.link.restore();

    // The kill comes once the queue drains again, while a request is on its way, with more still queued.
    const sentAtReturn = (await ruleOf(client)).stats.bytesSent;
    await waitFor(() => ruleOf(client), (rule) => rule.stats.bytesSent > sentAtReturn, 60_000, 20);
    const cache = await openCacheForInspection(dataDir);
    try {
      const inFlight = cache.prepare<[], number>("SELECT count(*) FROM outbox_messages WHERE forward_rule_id IS NOT NULL AND state = 'sending'").pluck();
      sendingAtKill = await waitFor(() => inFlight.get() ?? 0, (sending) => sending > 0, 60_000, 5);
    } finally {
      cache.close();
    }
    first.kill('SIGKILL');
    await first.stop();
    first = undefined;
    client.close();
    atKill = await ruleOfStopped(dataDir);

    await produceFixes(brokers.edge.brokers, EDGE_TOPIC, PHASES[2]!, START);
    second = await startWebHostProcess(['--config', configFile, '--data-dir', dataDir]);
    const again = await connectContract(second.url);
    afterRestart = await waitFor(() => ruleOf(again), (rule) => rule.stats.recordsForwarded === EXPECTED.length && rule.stats.queued === 0, 90_000, 100);
    again.close();
    arrivals = await cloud.until((landed) => new Set(landed.map((arrival) => arrival.id)).size >= EXPECTED.length, 90_000);
    console.log(`[forward-crash] killed with ${atKill.sent} sent, ${sendingAtKill} on their way, ${atKill.queued} queued; cloud records=${arrivals.length} distinct=${new Set(arrivals.map((a) => a.id)).size}`);
  }, 240_000);

  afterAll(async () => {
    await cloud?.stop();
    await first?.stop();
    await second?.stop();
    await brokers?.stop();
    dir.remove();
  }, 60_000);

  it('Then the kill came midway: some positions sent, some on their way, some still queued', () => {
    expect(atKill.sent).toBeGreaterThan(0);
    expect(sendingAtKill).toBeGreaterThan(0);
    expect(atKill.queued).toBeGreaterThan(0);
  });

  it('When Outpost runs again on the same data, Then it forwards what came while it was dead and drains its queue', () => {
    expect(afterRestart.stats).toMatchObject({ recordsSeen: 240, recordsForwarded: EXPECTED.length, queued: 0 });
  });

  it('Then every hostile position reached the cloud, and nothing else', () => {
    expect([...new Set(arrivals.map(positionOf))].sort()).toEqual(EXPECTED);
  });

  it('Then each position has one id, and every copy of an id carries the same key, partition and bytes', () => {
    const idsByPosition = new Map<string, Set<string>>();
    for (const arrival of arrivals) idsByPosition.set(positionOf(arrival), (idsByPosition.get(positionOf(arrival)) ?? new Set()).add(arrival.id));
    expect([...idsByPosition.values()].every((ids) => ids.size === 1)).toBe(true);
    for (const arrival of arrivals) {
      const firstCopy = arrivals.find((candidate) => candidate.id === arrival.id)!;
      expect(arrival.body.id).toBe(arrival.id);
      expect({ key: arrival.key, partition: arrival.partition, value: arrival.value }).toEqual({ key: firstCopy.key, partition: firstCopy.partition, value: firstCopy.value });
    }
  });

  it('Then each hostile’s positions first landed in fix-time order', () => {
    for (const uid of HOSTILES) {
      const firstLandings = [...new Set(arrivals.filter((arrival) => arrival.body.uid === uid).map((arrival) => arrival.body.time))];
      expect(firstLandings).toEqual([...firstLandings].sort((a, b) => a - b));
      expect(firstLandings).toHaveLength(30);
    }
  });
});
