import { join } from 'node:path';
import { Kafka, logLevel, Partitioners } from 'kafkajs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { ProfileStatus } from '../../../shared/connections';
import { OutpostConfigSchema } from '../../../shared/config';
import { createCore, systemClock, type Core } from '../../../electron/core';
import { aJsonPosition } from '../../builders/json-position-builder';
import { sourceIngestWorker } from '../../support/ingest-worker';
import { createTopic, startKafka, type RunningKafka } from '../../support/kafka';
import { memorySecrets } from '../../support/memory-secrets';
import { recordingLog } from '../../support/recording-log';
import { makeTempDir } from '../../support/temp-dir';
import { waitFor } from '../../support/wait-for';

const TOPIC = 'backlog';
const RECORDS = 30_000;

describe('Given a backlog waiting on a topic when the profile connects', () => {
  const dir = makeTempDir();
  let kafka: RunningKafka;
  let core: Core;
  const seen: ProfileStatus[] = [];
  let final: ProfileStatus | undefined;

  beforeAll(async () => {
    kafka = await startKafka();
    await createTopic(kafka.brokers, TOPIC, 2);
    const producer = new Kafka({ clientId: 'test-producer', brokers: kafka.brokers, logLevel: logLevel.NOTHING }).producer({
      createPartitioner: Partitioners.DefaultPartitioner,
    });
    await producer.connect();
    for (let start = 0; start < RECORDS; start += 2_000) {
      await producer.send({ topic: TOPIC, acks: -1, messages: Array.from({ length: 2_000 }, (_, i) => ({ value: aJsonPosition(start + i) })) });
    }
    await producer.disconnect();

    core = await createCore({
      dataDir: join(dir.path, 'data'),
      // Small fetches make the catch-up last long enough to be watched.
      config: OutpostConfigSchema.parse({
        profiles: [{ id: 'edge', name: 'Edge', brokers: kafka.brokers, subscriptions: [{ topic: TOPIC, format: 'json' }] }],
        ingest: { fetchMaxBytesPerPartition: 4_096, batchMaxRecords: 50 },
      }),
      secrets: memorySecrets(),
      clock: systemClock,
      log: recordingLog(),
      ingestWorker: sourceIngestWorker,
    });
    core.subscribe((event, payload) => {
      if (event !== 'connections.changed') return;
      const edge = (payload as ProfileStatus[]).find((s) => s.profileId === 'edge');
      if (edge !== undefined) seen.push(edge);
    });
    final = await waitFor(
      async () => {
        const result = await core.dispatch('connections.status', {});
        return result.ok ? (result.value as ProfileStatus[]).find((s) => s.profileId === 'edge') : undefined;
      },
      (status) => status !== undefined && status.partitions.length === 2 && status.partitions.every((p) => p.lag === 0) && status.catchUp === null,
      90_000,
      250,
    );
  });

  afterAll(async () => {
    await core?.close();
    await kafka?.stop();
    dir.remove();
  });

  it('Then while it catches up the renderer hears how far along it is, out of the whole backlog', () => {
    const progress = seen.flatMap((s) => (s.catchUp === null ? [] : [s.catchUp]));
    expect(progress.length).toBeGreaterThan(0);
    for (const step of progress) {
      expect(step.total).toBeLessThanOrEqual(RECORDS);
      expect(step.done).toBeLessThanOrEqual(step.total);
    }
    const largest = progress.reduce((a, b) => (b.total > a.total ? b : a));
    expect(largest.total).toBeGreaterThan(RECORDS / 2);
    expect(seen.some((s) => s.rate > 0)).toBe(true);
  });

  it('Then once caught up every partition reports no lag, at the end of the topic', () => {
    expect(final?.catchUp).toBeNull();
    expect(final?.partitions.reduce((sum, p) => sum + p.endOffset, 0)).toBe(RECORDS);
    expect(final?.partitions.every((p) => p.nextOffset === p.endOffset)).toBe(true);
  });
});
