// `npm run bench:outbox`: the outbox's drain against raw kafkajs sends of the same messages on
// loopback, then a drain through a 64 kbit/s link (tbf in a network namespace; needs root), with
// and without a bandwidth budget, measuring link utilisation and the wait of a FLASH behind a
// ROUTINE backlog. Every figure comes with its baseline from the same run.
import { randomInt } from 'node:crypto';
import { readdirSync, statSync } from 'node:fs';
import { cpus, totalmem } from 'node:os';
import { join } from 'node:path';
import { setTimeout as delay } from 'node:timers/promises';
import { CompressionTypes, Kafka, logLevel, type Message } from 'kafkajs';
import { PRECEDENCES, type OutboxContent, type OutboxDraft, type Precedence } from '../../shared/outbox';
import { systemClock } from '../../electron/core/ports';
import { createOutbox, type Outbox } from '../../electron/core/outbox/outbox';
import { wireKeyAndHeaders } from '../../electron/core/outbox/wire-message';
import { openDatabase } from '../../electron/core/store/open-database';
import { createStore, type Store } from '../../electron/core/store/store';
import { createTopic, startKafka, type RunningKafka } from '../support/kafka';
import { memorySecrets } from '../support/memory-secrets';
import { createNetworkLink, type NetworkLink } from '../support/network-link';
import { recordingLog } from '../support/recording-log';
import { makeTempDir } from '../support/temp-dir';
import { waitFor } from '../support/wait-for';

const LOOPBACK_MESSAGES = Number(process.env['BENCH_OUTBOX_MESSAGES'] ?? 10_000);
const RAW_BATCH = 500;
const LINK_BITS_PER_SECOND = 64_000;
const LINK_BYTES_PER_SECOND = LINK_BITS_PER_SECOND / 8;
const BACKLOG = 500;
const FLASH_PROBES = 3;
/** The backlog drains for this long before the first FLASH, so the link is in its steady state. */
const SETTLE_MS = 2_000;
/** Short enough that every FLASH meets a backlog still draining. */
const PROBE_INTERVAL_MS = 1_500;
const KEY = '0'.repeat(64);
const format = new Intl.NumberFormat('en-US', { maximumFractionDigits: 1 });

const WORDS = ['convoy', 'north', 'bridge', 'two', 'trucks', 'halted', 'checkpoint', 'moving', 'east', 'observed', 'dismounts', 'ridge', 'grid', 'armour', 'treeline', 'stationary'];

/** A field report of a few hundred bytes whose wording varies, so gzip cannot flatter the link figures. */
function aFieldMessage(n: number, topic: string, precedence: Precedence): OutboxDraft {
  const words = Array.from({ length: 12 + randomInt(24) }, () => WORDS[randomInt(WORDS.length)]).join(' ');
  const lat = 34 + randomInt(1_000_000) / 1e6;
  const lon = 69 + randomInt(1_000_000) / 1e6;
  const content: OutboxContent =
    n % 3 === 0
      ? { kind: 'marker', marker: 'hostile', lat, lon, label: `OBJ ${n}`, remarks: words }
      : n % 3 === 1
        ? { kind: 'text', text: `${words} at ${lat.toFixed(5)} ${lon.toFixed(5)}` }
        : { kind: 'salute', size: `${1 + randomInt(9)} vehicles`, activity: words.slice(0, 190), lat, lon, unit: 'unknown', time: Date.now(), equipment: 'wheeled' };
  return { profileId: 'bench', topic, precedence, format: n % 2 === 0 ? 'cot' : 'json', classification: 'UNCLASSIFIED', content };
}

interface Bench {
  readonly store: Store;
  readonly outbox: Outbox;
  close(): Promise<void>;
}

function openBench(dir: string, name: string, brokers: readonly string[]): Bench {
  const store = createStore(openDatabase({ file: join(dir, `${name}.db`), key: KEY }));
  store.saveProfile({ id: 'bench', name: 'Bench', brokers: [...brokers], clientId: `bench-${name}`, groupId: null, tls: null, sasl: null, enabled: true });
  const outbox = createOutbox({ store, secrets: memorySecrets(), clock: systemClock, log: recordingLog(), onChange: () => undefined, backoff: { baseMs: 200, capMs: 2_000 } });
  return {
    store,
    outbox,
    async close() {
      await outbox.stop();
      store.close();
    },
  };
}

async function loopback(dir: string): Promise<void> {
  const kafka = await startKafka();
  try {
    await createTopic(kafka.brokers, 'bench-outbox', 1);
    await createTopic(kafka.brokers, 'bench-raw-single', 1);
    await createTopic(kafka.brokers, 'bench-raw-batched', 1);
    const bench = openBench(dir, 'loopback', kafka.brokers);
    try {
      const enqueueBegan = performance.now();
      for (let n = 0; n < LOOPBACK_MESSAGES; n += 1) bench.outbox.enqueue(aFieldMessage(n, 'bench-outbox', PRECEDENCES[n % PRECEDENCES.length] as Precedence));
      const enqueueMs = performance.now() - enqueueBegan;
      // The same bytes, keys and headers, in the same order, for the raw sends.
      const messages: Message[] = bench.store
        .queuedOutbound({ profileId: 'bench', topic: 'bench-outbox' }, () => true)
        .map((queued) => ({ ...wireKeyAndHeaders(queued), value: Buffer.from(queued.payload) }));
      const averageBytes = messages.reduce((sum, message) => sum + (message.value as Buffer).byteLength, 0) / messages.length;

      const drainBegan = performance.now();
      bench.outbox.start();
      await waitFor(() => bench.outbox.counts().sent, (sent) => sent === LOOPBACK_MESSAGES, 600_000, 10);
      const drainMs = performance.now() - drainBegan;

      const single = await rawSends(kafka.brokers, 'bench-raw-single', messages, 1);
      const batched = await rawSends(kafka.brokers, 'bench-raw-batched', messages, RAW_BATCH);

      console.log(`\n## Loopback: ${format.format(LOOPBACK_MESSAGES)} messages of ${Math.round(averageBytes)} bytes on average (CoT and JSON; markers, text, SALUTE), one partition`);
      console.log(`enqueue (commit with synchronous=FULL, one by one): ${format.format(LOOPBACK_MESSAGES / (enqueueMs / 1000))} messages/s`);
      console.log(`Outpost outbox drain (batches of up to ${RAW_BATCH}, state kept per message): ${format.format(LOOPBACK_MESSAGES / (drainMs / 1000))} messages/s`);
      console.log(`raw kafkajs send, ${RAW_BATCH} messages per send:                  ${format.format(batched)} messages/s`);
      console.log(`raw kafkajs send, one message per send:                    ${format.format(single)} messages/s`);
      console.log(`ratio: ${format.format((LOOPBACK_MESSAGES / (drainMs / 1000) / batched) * 100)}% of raw batched sends, ${format.format(LOOPBACK_MESSAGES / (drainMs / 1000) / single)}× raw single sends`);
    } finally {
      await bench.close();
    }
  } finally {
    await kafka.stop();
  }
}

/** The same producer settings as the outbox: idempotent, one request in flight, acks from all, gzip. */
async function rawSends(brokers: readonly string[], topic: string, messages: readonly Message[], perSend: number): Promise<number> {
  const producer = new Kafka({ clientId: 'bench-raw', brokers: [...brokers], logLevel: logLevel.NOTHING }).producer({ idempotent: true, maxInFlightRequests: 1 });
  await producer.connect();
  try {
    const began = performance.now();
    for (let start = 0; start < messages.length; start += perSend) {
      await producer.send({ topic, acks: -1, compression: CompressionTypes.GZIP, messages: messages.slice(start, start + perSend) });
    }
    return messages.length / ((performance.now() - began) / 1000);
  } finally {
    await producer.disconnect();
  }
}

interface LinkRun {
  readonly label: string;
  readonly flashWaitsMs: readonly number[];
  readonly flashWireBytes: number;
  /** Bytes that crossed the link toward the broker (Kafka, TCP, IP and Ethernet framing, connecting) over the record batches stored. */
  readonly linkOverStored: number;
  /** Record batches as the broker stored them (compressed messages, keys and headers) over link capacity. */
  readonly compressedPayload: number;
  /** What the outbox charged against the budget over what the broker stored: how good its estimate is. */
  readonly chargedOverStored: number;
  /** Message bytes before compression over link capacity. */
  readonly uncompressedPayload: number;
  readonly windowMs: number;
  /** FLASH messages that found the backlog gone: their waits say nothing about a backlog. */
  readonly flashesAfterBacklog: number;
}

async function throughLink(dir: string): Promise<void> {
  let link: NetworkLink;
  try {
    link = await createNetworkLink();
  } catch (error) {
    console.log(`\n## 64 kbit/s link: skipped. ${error instanceof Error ? error.message : String(error)}`);
    return;
  }
  let kafka: RunningKafka | undefined;
  try {
    kafka = await startKafka({ link });
    await link.limitRate(LINK_BITS_PER_SECOND);
    const budgeted = await linkRun(dir, kafka, link, 'budget 8,000 B/s (the link rate)', LINK_BYTES_PER_SECOND);
    const unlimited = await linkRun(dir, kafka, link, 'no budget', null);
    console.log(`\n## 64 kbit/s link (tbf on a veth into a network namespace), ${BACKLOG} ROUTINE messages queued, then ${FLASH_PROBES} FLASH messages ${PROBE_INTERVAL_MS / 1000} s apart`);
    for (const run of [budgeted, unlimited]) {
      const transmitMs = (run.flashWireBytes / LINK_BYTES_PER_SECOND) * 1000;
      console.log(`${run.label}:`);
      console.log(`  FLASH wait, enqueue to acknowledged: ${run.flashWaitsMs.map((ms) => `${format.format(ms)} ms`).join(', ')} (target ≤ ${format.format(2_000 + transmitMs)} ms: 2 s + ${format.format(transmitMs)} ms to transmit one)`);
      console.log(`  over the ${format.format(run.windowMs / 1000)} s from the first request to the backlog's last acknowledgement: payload (record batches as stored) ${pct(run.compressedPayload)} of link capacity (target ≥ 80%); messages before compression ${pct(run.uncompressedPayload)}`);
      console.log(`  bytes on the link per byte of payload, framing and connecting included: ${format.format(run.linkOverStored)}`);
      if (run.flashesAfterBacklog > 0) console.log(`  the last ${run.flashesAfterBacklog} FLASH found the backlog already sent, so only the first waits count`);
      if (run.chargedOverStored > 0) console.log(`  charged against the budget: ${pct(run.chargedOverStored)} of the bytes stored`);
    }
  } finally {
    await kafka?.stop();
    await link.remove();
  }
}

async function linkRun(dir: string, kafka: RunningKafka, link: NetworkLink, label: string, budget: number | null): Promise<LinkRun> {
  const topic = `bench-link-${budget ?? 'unlimited'}`;
  await createTopic(kafka.brokers, topic, 1);
  const bench = openBench(dir, topic, kafka.brokers);
  try {
    bench.outbox.setBudget({ profileId: 'bench', topic }, budget);
    for (let n = 0; n < BACKLOG; n += 1) bench.outbox.enqueue(aFieldMessage(n, topic, 'routine'));
    const bytesBefore = link.txBytes();
    bench.outbox.start();
    await delay(SETTLE_MS);

    const flashWaitsMs: number[] = [];
    let flashWireBytes = 0;
    for (let probe = 0; probe < FLASH_PROBES; probe += 1) {
      if (probe > 0) await delay(PROBE_INTERVAL_MS);
      const flash = bench.outbox.enqueue({ ...aFieldMessage(probe, topic, 'flash'), content: { kind: 'text', text: `FLASH probe ${probe}: contact, grid 42SWD1234567890` } });
      flashWireBytes = flash.wireBytes;
      const queuedAt = performance.now();
      await waitFor(() => bench.store.readOutbound(flash.id)?.state, (state) => state === 'sent', 120_000, 5);
      flashWaitsMs.push(performance.now() - queuedAt);
    }

    await waitFor(() => bench.outbox.counts().sent, (sent) => sent === BACKLOG + FLASH_PROBES, 600_000, 10);
    // From the first request to the backlog's last acknowledgement, as the outbox recorded them: the time the link had something to carry.
    const sent = bench.outbox.list(['sent'], BACKLOG + FLASH_PROBES);
    const backlog = sent.filter((message) => message.precedence === 'routine');
    const firstSending = Math.min(...backlog.flatMap((message) => message.history).filter((entry) => entry.state === 'sending').map((entry) => entry.at));
    const lastSent = Math.max(...backlog.map((message) => message.updatedAt));
    const windowMs = lastSent - firstSending;
    const flashesAfterBacklog = sent.filter((message) => message.precedence === 'flash' && message.updatedAt > lastSent).length;
    const capacity = (LINK_BYTES_PER_SECOND * windowMs) / 1000;
    const [status] = bench.outbox.destinations();
    const stored = storedBatchBytes(kafka, topic);
    return {
      label,
      flashWaitsMs,
      flashWireBytes,
      linkOverStored: (link.txBytes() - bytesBefore) / stored,
      compressedPayload: stored / capacity,
      chargedOverStored: (status?.sentWireBytes ?? 0) / stored,
      uncompressedPayload: sent.reduce((sum, message) => sum + message.bytes, 0) / capacity,
      windowMs,
      flashesAfterBacklog,
    };
  } finally {
    await bench.close();
  }
}

/** The broker keeps a producer's record batches as they came, so its log files hold what crossed the link as payload. */
function storedBatchBytes(kafka: RunningKafka, topic: string): number {
  const partitionDir = join(kafka.logDir, 'data', `${topic}-0`);
  return readdirSync(partitionDir)
    .filter((name) => name.endsWith('.log'))
    .reduce((sum, name) => sum + statSync(join(partitionDir, name)).size, 0);
}

function pct(ratio: number): string {
  return `${format.format(ratio * 100)}%`;
}

async function main(): Promise<void> {
  const dir = makeTempDir();
  try {
    console.log(`machine: ${cpus().length} × ${cpus()[0]?.model ?? 'unknown CPU'}, ${Math.round(totalmem() / 2 ** 30)} GiB, Node ${process.version}`);
    await loopback(dir.path);
    await throughLink(dir.path);
  } finally {
    dir.remove();
  }
}

await main();
