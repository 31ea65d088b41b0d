// `npm run bench:ingest`: raw kafkajs consumption against Outpost's ingest-to-cache path,
// in one run, on one real local broker with a 6-partition topic of JSON records.
import { execFileSync } from 'node:child_process';
import { createWriteStream } from 'node:fs';
import { cpus, totalmem } from 'node:os';
import { join } from 'node:path';
import { once } from 'node:events';
import { Kafka, logLevel } from 'kafkajs';
import { OutpostConfigSchema } from '../../shared/config';
import { createCore, systemClock } from '../../electron/core';
import { aJsonPosition } from '../builders/json-position-builder';
import { createTopic, startKafka } from '../support/kafka';
import { memorySecrets } from '../support/memory-secrets';
import { recordingLog } from '../support/recording-log';
import { makeTempDir } from '../support/temp-dir';
import { sourceIngestWorker } from '../support/ingest-worker';

const RECORDS = Number(process.env['BENCH_RECORDS'] ?? 1_000_000);
const PARTITIONS = 6;
const TOPIC = 'bench-positions';
// Pads each record to about 300 bytes, the size the benchmark is specified for.
const REMARKS = 'routine position report from the field exercise, relayed over the edge gateway to the analysts at the forward post';

async function writeRecordsFile(file: string): Promise<number> {
  const out = createWriteStream(file);
  let bytes = 0;
  for (let i = 0; i < RECORDS; i += 1) {
    const line = aJsonPosition(i, { id: `unit-${i % 10_000}`, callsign: `UNIT ${i % 10_000}`, remarks: REMARKS });
    bytes += line.length;
    if (!out.write(`${line}\n`)) await once(out, 'drain');
  }
  out.end();
  await once(out, 'finish');
  return bytes / RECORDS;
}

async function rawKafkajs(brokers: string[]): Promise<number> {
  const kafka = new Kafka({ clientId: 'bench-raw', brokers, logLevel: logLevel.NOTHING });
  const consumer = kafka.consumer({ groupId: `bench-raw-${Date.now()}` });
  let consumed = 0;
  const started = performance.now();
  let finished = 0;
  await consumer.connect();
  await consumer.subscribe({ topics: [TOPIC], fromBeginning: true });
  await new Promise<void>((resolve) => {
    void consumer.run({
      partitionsConsumedConcurrently: 3,
      eachBatch: async ({ batch }) => {
        consumed += batch.messages.length;
        if (consumed >= RECORDS && finished === 0) {
          finished = performance.now();
          resolve();
        }
      },
    });
  });
  await consumer.disconnect();
  return RECORDS / ((finished - started) / 1000);
}

async function outpost(brokers: string[]): Promise<{ rate: number; bytes: number }> {
  const dir = makeTempDir('outpost-bench-');
  try {
    const started = performance.now();
    const core = await createCore({
      dataDir: dir.path,
      config: OutpostConfigSchema.parse({
        profiles: [{ id: 'bench', name: 'Bench', brokers, groupId: `bench-outpost-${Date.now()}`, subscriptions: [{ topic: TOPIC, format: 'json' }] }],
      }),
      secrets: memorySecrets(),
      clock: systemClock,
      log: recordingLog(),
      ingestWorker: sourceIngestWorker,
    });
    for (;;) {
      const status = await core.dispatch('app.status', {});
      if (status.ok && (status.value as { recordCount: number }).recordCount >= RECORDS) break;
      await new Promise((resolve) => setTimeout(resolve, 20));
    }
    const elapsed = (performance.now() - started) / 1000;
    await core.close();
    const bytes = Number(execFileSync('du', ['-sb', dir.path], { encoding: 'utf8' }).split('\t')[0]);
    return { rate: RECORDS / elapsed, bytes };
  } finally {
    dir.remove();
  }
}

async function main(): Promise<void> {
  const dir = makeTempDir('outpost-bench-data-');
  const kafka = await startKafka();
  try {
    await createTopic(kafka.brokers, TOPIC, PARTITIONS);
    const file = join(dir.path, 'records.jsonl');
    const averageBytes = await writeRecordsFile(file);
    execFileSync('kcat', ['-P', '-b', kafka.bootstrap, '-t', TOPIC, '-l', '-X', 'linger.ms=50', '-X', 'batch.num.messages=10000', file]);
    dir.remove();

    const raw = await rawKafkajs(kafka.brokers);
    const ours = await outpost(kafka.brokers);
    const format = new Intl.NumberFormat('en-US', { maximumFractionDigits: 0 });
    console.log(`machine: ${cpus().length} × ${cpus()[0]?.model ?? 'unknown CPU'}, ${Math.round(totalmem() / 2 ** 30)} GiB, Node ${process.version}`);
    console.log(`records: ${format.format(RECORDS)} JSON records of ${Math.round(averageBytes)} bytes on ${PARTITIONS} partitions`);
    console.log(`raw kafkajs eachBatch, no-op handler: ${format.format(raw)} records/s`);
    console.log(`Outpost ingest to encrypted cache:   ${format.format(ours.rate)} records/s (decode, store, offsets, tracks)`);
    console.log(`ratio: ${((ours.rate / raw) * 100).toFixed(1)}% of raw`);
    console.log(`cache on disk: ${(ours.bytes / 2 ** 20).toFixed(0)} MiB, ${format.format(ours.bytes / RECORDS)} bytes per record`);
  } finally {
    await kafka.stop();
    dir.remove();
  }
}

main().catch((error: unknown) => {
  console.error(error);
  process.exit(1);
});
