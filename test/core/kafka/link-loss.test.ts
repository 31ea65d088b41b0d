import { join } from 'node:path';
import { Kafka, logLevel, Partitioners } from 'kafkajs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { ProfileStatus } from '../../../shared/connections';
import { OutpostConfigSchema } from '../../../shared/config';
import { createCore, systemClock, type Core } from '../../../electron/core';
import { testKeyringSecrets } from '../../support/test-keyring';
import { aJsonPosition } from '../../builders/json-position-builder';
import { createTopic, startKafka, type RunningKafka } from '../../support/kafka';
import { findFreePort } from '../../support/ports';
import { recordingLog } from '../../support/recording-log';
import { makeTempDir } from '../../support/temp-dir';
import { waitFor } from '../../support/wait-for';
import { sourceIngestWorker } from '../../support/ingest-worker';

const TOPIC = 'positions';

async function produce(brokers: string[], from: number, count: number): Promise<void> {
  // Idempotent, so a send retried across the broker's restart cannot itself write duplicates.
  const producer = new Kafka({ clientId: 'test-producer', brokers, logLevel: logLevel.NOTHING }).producer({
    createPartitioner: Partitioners.DefaultPartitioner,
    idempotent: true,
    maxInFlightRequests: 1,
  });
  await producer.connect();
  await producer.send({ topic: TOPIC, acks: -1, messages: Array.from({ length: count }, (_, i) => ({ value: aJsonPosition(from + i) })) });
  await producer.disconnect();
}

async function startCore(dataDir: string, brokers: string[]): Promise<Core> {
  return createCore({
    dataDir,
    config: OutpostConfigSchema.parse({
      profiles: [{ id: 'edge', name: 'Edge', brokers, subscriptions: [{ topic: TOPIC, format: 'json' }] }],
    }),
    secrets: await testKeyringSecrets(dataDir),
    clock: systemClock,
    log: recordingLog(),
    ingestWorker: sourceIngestWorker,
  });
}

async function edgeStatus(core: Core): Promise<ProfileStatus | undefined> {
  const result = await core.dispatch('connections.status', {});
  return result.ok ? (result.value as ProfileStatus[]).find((s) => s.profileId === 'edge') : undefined;
}

async function recordCount(core: Core): Promise<number> {
  const result = await core.dispatch('app.status', {});
  return result.ok ? (result.value as { recordCount: number }).recordCount : -1;
}

describe('Given a connected profile whose broker goes down during ingest', () => {
  const dir = makeTempDir();
  let kafka: RunningKafka;
  let core: Core;
  const seen: ProfileStatus['state'][] = [];
  let offlineReason: string | null = null;
  let reconnectMs = Number.POSITIVE_INFINITY;

  beforeAll(async () => {
    kafka = await startKafka();
    await createTopic(kafka.brokers, TOPIC, 2);
    await produce(kafka.brokers, 0, 500);
    core = await startCore(dir.path, kafka.brokers);
    core.subscribe((event, payload) => {
      if (event !== 'connections.changed') return;
      const edge = (payload as ProfileStatus[]).find((s) => s.profileId === 'edge');
      if (edge !== undefined && seen.at(-1) !== edge.state) seen.push(edge.state);
    });
    await waitFor(() => recordCount(core), (n) => n === 500, 30_000);

    await kafka.takeDown();
    const offline = await waitFor(() => edgeStatus(core), (s) => s?.state === 'offline', 60_000, 200);
    offlineReason = offline?.reason ?? null;

    await kafka.bringUp();
    const backAt = Date.now();
    await produce(kafka.brokers, 500, 500);
    await waitFor(() => edgeStatus(core), (s) => s?.state === 'connected', 30_000, 100);
    reconnectMs = Date.now() - backAt;
    await waitFor(() => recordCount(core), (n) => n >= 1_000, 30_000);
  });

  afterAll(async () => {
    await core?.close();
    await kafka?.stop();
    dir.remove();
  });

  it('Then the profile shows offline with a reason, then connected again', () => {
    expect(seen).toContain('offline');
    expect(seen.at(-1)).toBe('connected');
    expect(seen.lastIndexOf('connected')).toBeGreaterThan(seen.indexOf('offline'));
    expect(offlineReason).toMatch(/^Cannot reach the brokers at 127\.0\.0\.1:\d+: .*Retrying in \d+ s\.$/);
  });

  it('Then it reconnects within 15 s of the broker’s return', () => {
    expect(reconnectMs).toBeLessThan(15_000);
  });

  it('Then nothing produced before or after the outage is lost, and nothing is stored twice', async () => {
    expect(await recordCount(core)).toBe(1_000);
  });
});

describe('Given no broker reachable when Outpost starts', () => {
  const dir = makeTempDir();
  const dataDir = join(dir.path, 'data');
  let kafka: RunningKafka;
  let core: Core;

  beforeAll(async () => {
    const port = await findFreePort();
    kafka = await startKafka({ port });
    await createTopic(kafka.brokers, TOPIC, 1);
    await produce(kafka.brokers, 0, 200);
    const firstSession = await startCore(dataDir, kafka.brokers);
    await waitFor(() => recordCount(firstSession), (n) => n === 200, 30_000);
    await firstSession.close();
    await kafka.takeDown();
    core = await startCore(dataDir, kafka.brokers);
  });

  afterAll(async () => {
    await core?.close();
    await kafka?.stop();
    dir.remove();
  });

  it('Then it works from the cache and shows offline with its reason', async () => {
    const offline = await waitFor(() => edgeStatus(core), (s) => s?.state === 'offline', 30_000, 200);
    expect(offline?.reason).toMatch(/^Cannot reach the brokers at .*: the connection was refused\. Retrying in \d+ s\.$/);
    const tracks = await waitFor(
      () => core.dispatch('tracks.list', {}),
      (result) => result.ok && (result.value as unknown[]).length === 200,
      5_000,
    );
    expect(tracks.ok && (tracks.value as unknown[]).length).toBe(200);
    expect(await recordCount(core)).toBe(200);
  });

  it('When the broker appears, Then Outpost connects and catches up on its own', async () => {
    await kafka.bringUp();
    await produce(kafka.brokers, 200, 300);
    const caughtUp = await waitFor(() => recordCount(core), (n) => n >= 500, 30_000);
    expect(caughtUp).toBe(500);
    expect((await edgeStatus(core))?.state).toBe('connected');
  });
});
