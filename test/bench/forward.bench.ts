// `npm run bench:forward`: the demo scenario produced into an edge broker, forwarded by Outpost to
// a cloud broker at the far end of a 64 kbit/s link (tbf on a veth into a network namespace; needs
// root). First, on the link unshaped, three rules side by side over the same records: everything as
// it came (the baseline), decimated to one position per entity per 30 s, and decimated and
// projected; bytes seen against bytes sent. Then, on the link shaped, three rules of three
// precedences sharing it, the ROUTINE one offering more than the link carries: link utilisation and
// the delay from the edge record to the cloud, per precedence.
import { readdirSync, statSync } from 'node:fs';
import { cpus, totalmem } from 'node:os';
import { join } from 'node:path';
import { setTimeout as delay } from 'node:timers/promises';
import { Kafka, logLevel, Partitioners } from 'kafkajs';
import { OutpostConfigSchema } from '../../shared/config';
import type { ForwardRule, ForwardRuleInput } from '../../shared/forwarding';
import { createCore, systemClock, type Core } from '../../electron/core';
import { encodeCot } from '../../electron/core/cot/encode-cot';
import { createScenario } from '../../electron/core/demo/scenario';
import { startEdgeAndCloud, type EdgeAndCloud } from '../support/edge-and-cloud';
import { watchForwarded, type ForwardedArrival } from '../support/forwarded-receiver';
import { sourceIngestWorker } from '../support/ingest-worker';
import { createTopic } from '../support/kafka';
import { memorySecrets } from '../support/memory-secrets';
import { topicRecordCount } from '../support/outbox-receiver';
import { recordingLog } from '../support/recording-log';
import { makeTempDir } from '../support/temp-dir';
import { waitFor } from '../support/wait-for';

const UNITS = 200;
/** How long each part produces the scenario, one report per unit per second. */
const PRODUCE_SECONDS = Number(process.env['BENCH_FORWARD_SECONDS'] ?? 60);
const LINK_BITS_PER_SECOND = 64_000;
const LINK_BYTES_PER_SECOND = LINK_BITS_PER_SECOND / 8;
/**
 * What an analyst would set for the link: under its rate by more than TCP/IP and Kafka's own framing
 * (about an eighth here), which the budget does not count, so a FLASH finds no queue in the link.
 */
const BUDGET_BYTES_PER_SECOND = Math.round(LINK_BYTES_PER_SECOND * 0.8);
const DRAIN_DEADLINE_MS = 240_000;
const EDGE_TOPIC = 'edge.cot';
const format = new Intl.NumberFormat('en-US', { maximumFractionDigits: 1 });

const baseRule = (id: string, topic: string, overrides: Partial<ForwardRuleInput>): ForwardRuleInput => ({
  id,
  name: id,
  source: { kind: 'topic', profileId: 'edge', topic: EDGE_TOPIC },
  destination: { profileId: 'cloud', topic },
  filter: null,
  decimationSeconds: null,
  dropFields: [],
  precedence: 'routine',
  budgetBytesPerSecond: null,
  ...overrides,
});

const SAVINGS_RULES = [
  { label: '(a) everything, unprojected (baseline)', rule: baseRule('everything', 'cloud.everything', {}) },
  { label: '(b) decimation 30 s', rule: baseRule('decimated', 'cloud.decimated', { decimationSeconds: 30 }) },
  { label: '(c) decimation 30 s + drop raw and source', rule: baseRule('projected', 'cloud.projected', { decimationSeconds: 30, dropFields: ['raw', 'source'] }) },
];

const PICTURE_TOPIC = 'cloud.picture';
const SHARED_RULES = [
  {
    label: 'FLASH: hostiles, decimation 10 s, projected',
    rule: baseRule('hostiles-flash', PICTURE_TOPIC, { filter: 'affiliation = "hostile"', decimationSeconds: 10, dropFields: ['raw', 'source'], precedence: 'flash', budgetBytesPerSecond: BUDGET_BYTES_PER_SECOND }),
  },
  {
    label: 'PRIORITY: the rest, decimation 30 s, projected',
    rule: baseRule('others-priority', PICTURE_TOPIC, { filter: 'affiliation != "hostile"', decimationSeconds: 30, dropFields: ['raw', 'source'], precedence: 'priority', budgetBytesPerSecond: BUDGET_BYTES_PER_SECOND }),
  },
  {
    label: 'ROUTINE: everything, decimation 2 s, raw kept',
    rule: baseRule('everything-routine', PICTURE_TOPIC, { decimationSeconds: 2, precedence: 'routine', budgetBytesPerSecond: BUDGET_BYTES_PER_SECOND }),
  },
];

async function ask<T>(core: Core, method: string, args: unknown = {}): Promise<T> {
  const result = await core.dispatch(method as never, args as never);
  if (!result.ok) throw new Error(`${method} failed: ${result.error.message}`);
  return result.value as T;
}

const rulesOf = (core: Core): Promise<ForwardRule[]> => ask<ForwardRule[]>(core, 'forwarding.list');

/**
 * Produces the scenario once a second for `seconds`, each record stamped with the time it was
 * produced; returns, by `uid@fix time`, when each position left the edge gateway.
 */
async function produceScenario(brokers: string[], seconds: number): Promise<{ readonly producedAt: Map<string, number>; readonly records: number; readonly lastTickAt: number }> {
  const producer = new Kafka({ clientId: 'edge-gateway', brokers, logLevel: logLevel.NOTHING }).producer({ createPartitioner: Partitioners.DefaultPartitioner });
  await producer.connect();
  const scenario = createScenario({ units: UNITS, seed: 1 });
  const startedAt = Date.now();
  const producedAt = new Map<string, number>();
  let records = 0;
  let lastTickAt = startedAt;
  try {
    for (let tick = 0; tick < seconds; tick += 1) {
      const now = Date.now();
      lastTickAt = now;
      const events = scenario.reportsAt(startedAt, now);
      await producer.send({ topic: EDGE_TOPIC, acks: -1, messages: events.map((event) => ({ key: event.uid, value: encodeCot(event), timestamp: String(now) })) });
      for (const event of events) producedAt.set(`${event.uid}@${event.time}`, now);
      records += events.length;
      await delay(Math.max(0, startedAt + (tick + 1) * 1_000 - Date.now()));
    }
  } finally {
    await producer.disconnect();
  }
  return { producedAt, records, lastTickAt };
}

/** Until each rule has judged every record produced and has nothing left queued. */
async function judgedAndDrained(core: Core, ids: readonly string[], records: number): Promise<ForwardRule[]> {
  const done = (rules: readonly ForwardRule[]): boolean => ids.every((id) => rules.some((rule) => rule.id === id && rule.stats.recordsSeen >= records && rule.stats.queued === 0));
  const rules = await waitFor(() => rulesOf(core), done, DRAIN_DEADLINE_MS, 250);
  if (!done(rules)) console.log(`(the rules had not drained within ${DRAIN_DEADLINE_MS / 1000} s; the figures below are as they stood)`);
  return rules.filter((rule) => ids.includes(rule.id));
}

/** The bytes of the record batches the cloud broker stores for the topic: what crossed the link, compressed as batched, without framing. */
function storedBytes(brokers: EdgeAndCloud, topic: string): number {
  const dataDir = join(brokers.cloud.logDir, 'data');
  return readdirSync(dataDir)
    .filter((name) => name.startsWith(`${topic}-`))
    .flatMap((name) => readdirSync(join(dataDir, name)).filter((file) => file.endsWith('.log')).map((file) => statSync(join(dataDir, name, file)).size))
    .reduce((sum, size) => sum + size, 0);
}

function percentile(sorted: readonly number[], p: number): number {
  return sorted[Math.min(sorted.length - 1, Math.floor((p / 100) * sorted.length))] ?? Number.NaN;
}

function bytes(n: number): string {
  return n >= 1_000_000 ? `${format.format(n / 1_000_000)} MB` : `${format.format(n / 1_000)} kB`;
}

async function savings(core: Core, brokers: EdgeAndCloud): Promise<void> {
  for (const { rule } of SAVINGS_RULES) await ask(core, 'forwarding.save', { rule });
  const { records } = await produceScenario(brokers.edge.brokers, PRODUCE_SECONDS);
  // Each entity's last position goes once it has been silent for the interval.
  await delay(31_000);
  const rules = await judgedAndDrained(core, SAVINGS_RULES.map(({ rule }) => rule.id), records);
  for (const { rule } of SAVINGS_RULES) {
    const count = await waitFor(() => topicRecordCount(brokers.cloud.brokers, rule.destination.topic), (n) => n >= (rules.find((r) => r.id === rule.id)?.stats.recordsForwarded ?? 0), 60_000, 250);
    if (count < (rules.find((r) => r.id === rule.id)?.stats.recordsForwarded ?? 0)) console.log(`(${rule.destination.topic} holds only ${count} records)`);
  }

  console.log(`\n## Bytes saved: ${format.format(records)} CoT records of the demo scenario (${UNITS} units, 1 report a second each, ${PRODUCE_SECONDS} s), three rules over the same records, link unshaped`);
  console.log('rule | records seen → forwarded | bytes seen | bytes sent, the rule\'s figure (its share of each request the broker acknowledged) | saved | as stored at the cloud, gzipped in batches | saved | time to carry those at 64 kbit/s');
  for (const { label, rule } of SAVINGS_RULES) {
    const stats = rules.find((r) => r.id === rule.id)!.stats;
    const stored = storedBytes(brokers, rule.destination.topic);
    const linkSeconds = stored / LINK_BYTES_PER_SECOND;
    console.log(
      `${label} | ${format.format(stats.recordsSeen)} → ${format.format(stats.recordsForwarded)} | ${bytes(stats.bytesSeen)} | ${bytes(stats.bytesSent)} | ` +
        `${format.format((1 - stats.bytesSent / stats.bytesSeen) * 100)}% | ${bytes(stored)} | ${format.format((1 - stored / stats.bytesSeen) * 100)}% | ` +
        `${format.format(linkSeconds)} s, ${format.format((linkSeconds / PRODUCE_SECONDS) * 100)}% of the ${PRODUCE_SECONDS} s produced`,
    );
  }
  for (const { rule } of SAVINGS_RULES) await ask(core, 'forwarding.remove', { id: rule.id });
}

async function sharedLink(core: Core, brokers: EdgeAndCloud): Promise<void> {
  await createTopic(brokers.cloud.brokers, PICTURE_TOPIC, 3);
  await brokers.link.limitRate(LINK_BITS_PER_SECOND);
  const cloud = await watchForwarded(brokers.cloud.brokers, PICTURE_TOPIC);
  try {
    for (const { rule } of SHARED_RULES) await ask(core, 'forwarding.save', { rule });
    const txBefore = brokers.link.txBytes();
    const began = Date.now();
    const { producedAt, records, lastTickAt } = await produceScenario(brokers.edge.brokers, PRODUCE_SECONDS);
    const producingSeconds = (Date.now() - began) / 1000;
    const txWhileProducing = brokers.link.txBytes() - txBefore;
    const rules = await judgedAndDrained(core, SHARED_RULES.map(({ rule }) => rule.id), records);
    const forwarded = rules.reduce((sum, rule) => sum + rule.stats.recordsForwarded, 0);
    const arrivals = await waitFor(cloud.arrivals, (landed) => landed.length >= forwarded, 60_000, 250);
    const windowSeconds = (Math.max(...arrivals.map((arrival) => arrival.receivedAt)) - began) / 1000;
    const linkBytes = brokers.link.txBytes() - txBefore;
    const stored = storedBytes(brokers, PICTURE_TOPIC);

    console.log(`\n## Sharing a ${LINK_BITS_PER_SECOND / 1000} kbit/s link: three precedences to ${PICTURE_TOPIC}, budget ${format.format(BUDGET_BYTES_PER_SECOND)} B/s, ${format.format(records)} records produced over ${PRODUCE_SECONDS} s`);
    console.log(
      `link utilisation while the scenario was produced (${format.format(producingSeconds)} s): ${format.format((txWhileProducing / (LINK_BYTES_PER_SECOND * producingSeconds)) * 100)}% ` +
        `(${bytes(txWhileProducing)} toward the cloud, Ethernet, TCP/IP and Kafka framing included)`,
    );
    console.log(
      `from the first record produced to the last position landed, ${format.format(windowSeconds)} s: ${format.format((linkBytes / (LINK_BYTES_PER_SECOND * windowSeconds)) * 100)}% on the wire (${bytes(linkBytes)}); ` +
        `${format.format((stored / (LINK_BYTES_PER_SECOND * windowSeconds)) * 100)}% as record batches stored at the cloud (${bytes(stored)})`,
    );
    console.log(
      'precedence | rule | positions landed | bytes sent (the rule\'s figure) | edge record to cloud arrival, median / p95 / max | ' +
        'of which each entity\'s last position, held back until it had been silent the interval: count, median delay',
    );
    const seconds = (ms: number): string => `${format.format(ms / 1000)} s`;
    for (const { label, rule } of SHARED_RULES) {
      const delays = arrivals
        .filter((arrival: ForwardedArrival) => arrival.body.rule === rule.id)
        .map((arrival) => {
          const produced = producedAt.get(`${arrival.body.uid}@${arrival.body.time}`) ?? Number.NaN;
          return { ms: arrival.receivedAt - produced, heldToTheEnd: produced === lastTickAt };
        })
        .filter(({ ms }) => Number.isFinite(ms));
      const onTheirWay = delays.filter(({ heldToTheEnd }) => !heldToTheEnd).map(({ ms }) => ms).sort((a, b) => a - b);
      const heldToTheEnd = delays.filter(({ heldToTheEnd }) => heldToTheEnd).map(({ ms }) => ms).sort((a, b) => a - b);
      const stats = rules.find((r) => r.id === rule.id)!.stats;
      console.log(
        `${rule.precedence.toUpperCase()} | ${label} | ${format.format(delays.length)} | ${bytes(stats.bytesSent)} | ` +
          `${seconds(percentile(onTheirWay, 50))} / ${seconds(percentile(onTheirWay, 95))} / ${seconds(onTheirWay.at(-1) ?? Number.NaN)} | ` +
          (heldToTheEnd.length === 0 ? 'none' : `${format.format(heldToTheEnd.length)}, ${seconds(percentile(heldToTheEnd, 50))}`),
      );
    }
  } finally {
    await cloud.stop();
  }
}

async function main(): Promise<void> {
  const dir = makeTempDir();
  let brokers: EdgeAndCloud | undefined;
  let core: Core | undefined;
  try {
    console.log(`machine: ${cpus().length} × ${cpus()[0]?.model ?? 'unknown CPU'}, ${Math.round(totalmem() / 2 ** 30)} GiB, Node ${process.version}`);
    brokers = await startEdgeAndCloud({ edge: { topic: EDGE_TOPIC, partitions: 3 }, cloud: { topic: 'cloud.everything', partitions: 3 } });
    await createTopic(brokers.cloud.brokers, 'cloud.decimated', 3);
    await createTopic(brokers.cloud.brokers, 'cloud.projected', 3);
    core = await createCore({
      dataDir: join(dir.path, 'data'),
      config: OutpostConfigSchema.parse({
        profiles: [
          { id: 'edge', name: 'Edge', brokers: brokers.edge.brokers, subscriptions: [{ topic: EDGE_TOPIC, format: 'cot' }] },
          { id: 'cloud', name: 'Cloud', brokers: brokers.cloud.brokers },
        ],
      }),
      secrets: memorySecrets(),
      clock: systemClock,
      log: recordingLog(),
      ingestWorker: sourceIngestWorker,
    });
    await savings(core, brokers);
    await sharedLink(core, brokers);
  } finally {
    await core?.close();
    await brokers?.stop();
    dir.remove();
  }
}

await main();
