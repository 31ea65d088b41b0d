import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { Kafka, logLevel, Partitioners } from 'kafkajs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { aJsonPosition } from '../../builders/json-position-builder';
import { connectContract } from '../../support/contract-client';
import { createTopic, startKafka, type RunningKafka } from '../../support/kafka';
import { openCacheForInspection } from '../../support/read-cache';
import { makeTempDir } from '../../support/temp-dir';
import { waitFor } from '../../support/wait-for';
import { startWebHostProcess, type RunningWebHost } from '../../support/web-host-process';

const TOPIC = 'positions';
const PARTITIONS = 3;
const RECORDS = 20_000;

async function recordCount(host: RunningWebHost): Promise<number> {
  const client = await connectContract(host.url);
  try {
    const status = await client.call('app.status');
    return status.ok ? (status.value as { recordCount: number }).recordCount : -1;
  } finally {
    client.close();
  }
}

describe('Given 20,000 records and an Outpost process that is killed with SIGKILL midway', () => {
  const dir = makeTempDir();
  const dataDir = join(dir.path, 'data');
  const configFile = join(dir.path, 'outpost.json');
  let kafka: RunningKafka;
  let countAtKill = 0;
  let countAfterRestart = 0;

  beforeAll(async () => {
    kafka = await startKafka();
    await createTopic(kafka.brokers, TOPIC, PARTITIONS);
    const producer = new Kafka({ clientId: 'test-producer', brokers: kafka.brokers, logLevel: logLevel.NOTHING }).producer({
      createPartitioner: Partitioners.DefaultPartitioner,
    });
    await producer.connect();
    for (let start = 0; start < RECORDS; start += 1_000) {
      const messages = Array.from({ length: 1_000 }, (_, i) => ({ key: `unit-${(start + i) % 500}`, value: aJsonPosition(start + i) }));
      await producer.send({ topic: TOPIC, acks: -1, messages });
    }
    await producer.disconnect();

    // Small fetches and transactions stretch ingest out, so the kill lands in the middle of it.
    writeFileSync(
      configFile,
      JSON.stringify({
        profiles: [{ id: 'edge', name: 'Edge', brokers: kafka.brokers, subscriptions: [{ topic: TOPIC, format: 'json' }] }],
        ingest: { batchMaxRecords: 100, fetchMaxBytesPerPartition: 8_192 },
      }),
    );

    const first = await startWebHostProcess(['--config', configFile, '--data-dir', dataDir]);
    countAtKill = await waitFor(() => recordCount(first), (n) => n >= 1_000, 60_000, 10);
    first.kill('SIGKILL');
    await first.stop();

    const second = await startWebHostProcess(['--config', configFile, '--data-dir', dataDir]);
    countAfterRestart = await waitFor(() => recordCount(second), (n) => n >= RECORDS, 90_000, 250);
    await new Promise((resolve) => setTimeout(resolve, 1_500));
    countAfterRestart = await recordCount(second);
    await second.stop();
  });

  afterAll(async () => {
    await kafka?.stop();
    dir.remove();
  });

  it('Then the kill really came midway', () => {
    expect(countAtKill).toBeGreaterThan(0);
    expect(countAtKill).toBeLessThan(RECORDS);
  });

  it('Then after the restart the cache holds exactly 20,000 records', () => {
    expect(countAfterRestart).toBe(RECORDS);
  });

  it('Then every partition holds one contiguous run of offsets from 0, with no gap and no duplicate', async () => {
    const db = await openCacheForInspection(dataDir);
    try {
      const rows = db
        .prepare<[], { partition: number; rows: number; distinctOffsets: number; first: number; last: number }>(
          `SELECT partition, count(*) AS rows, count(DISTINCT "offset") AS distinctOffsets, min("offset") AS first, max("offset") AS last
           FROM records WHERE source = 'edge' AND topic = '${TOPIC}' GROUP BY partition ORDER BY partition`,
        )
        .all();
      expect(rows).toHaveLength(PARTITIONS);
      expect(rows.reduce((sum, r) => sum + r.rows, 0)).toBe(RECORDS);
      for (const row of rows) {
        expect(row.distinctOffsets).toBe(row.rows);
        expect(row.first).toBe(0);
        expect(row.last).toBe(row.rows - 1);
      }
      const offsets = db.prepare<[], { partition: number; next: number }>(
        `SELECT partition, next_offset AS next FROM offsets WHERE source = 'edge' ORDER BY partition`,
      );
      expect(offsets.all().map((o) => o.next)).toEqual(rows.map((r) => r.last + 1));
    } finally {
      db.close();
    }
  });
});
