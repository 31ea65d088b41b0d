import { execFileSync } from 'node:child_process';
import { readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Track } from '../../../shared/domain';
import { OutpostConfigSchema } from '../../../shared/config';
import { createCore, systemClock, type Core } from '../../../electron/core';
import { encodeCot } from '../../../electron/core/cot/encode-cot';
import { aCotEvent } from '../../builders/cot-event-builder';
import { createTopic, startKafka, type RunningKafka } from '../../support/kafka';
import { memorySecrets } from '../../support/memory-secrets';
import { recordingLog } from '../../support/recording-log';
import { makeTempDir } from '../../support/temp-dir';
import { waitFor } from '../../support/wait-for';
import { sourceIngestWorker } from '../../support/ingest-worker';

const TOPIC = 'cot-ingest';
const RECORDS = 1_000;
const MARKER = 'NIGHTJAR-PLAINTEXT-MARKER';
const MALFORMED = ['<event uid="broken"', 'plain text, not CoT', '<!DOCTYPE x [<!ENTITY a "b">]><event/>'];

describe('Given a real Kafka broker with 1,000 CoT records produced by kcat', () => {
  const dir = makeTempDir();
  let kafka: RunningKafka;
  let core: Core;
  const start = Date.UTC(2026, 10, 26, 12, 0, 0);

  beforeAll(async () => {
    kafka = await startKafka();
    await createTopic(kafka.brokers, TOPIC, 3);
    const lines = Array.from({ length: RECORDS }, (_, i) =>
      encodeCot(aCotEvent({ uid: `unit-${i}`, callsign: i === 0 ? MARKER : `UNIT ${i}`, time: start + i, lat: 39 + i / 1000, lon: 8 + i / 2000 })),
    );
    // Malformed records sit among the good ones: the consumer must quarantine them and go on.
    lines.splice(100, 0, MALFORMED[0] ?? '');
    lines.splice(500, 0, MALFORMED[1] ?? '');
    lines.splice(900, 0, MALFORMED[2] ?? '');
    const file = join(dir.path, 'records.txt');
    writeFileSync(file, `${lines.join('\n')}\n`);
    execFileSync('kcat', ['-P', '-b', kafka.bootstrap, '-t', TOPIC, '-l', file]);

    core = await createCore({
      dataDir: join(dir.path, 'data'),
      config: OutpostConfigSchema.parse({
        profiles: [{ id: 'edge', name: 'Edge', brokers: kafka.brokers, subscriptions: [{ topic: TOPIC, format: 'cot' }] }],
      }),
      secrets: memorySecrets(),
      clock: systemClock,
      log: recordingLog(),
      ingestWorker: sourceIngestWorker,
    });
  });

  afterAll(async () => {
    await core?.close();
    await kafka?.stop();
    dir.remove();
  });

  it('When the core consumes the topic, Then all 1,000 records are cached and every entity is a track through the contract', async () => {
    const status = await waitFor(
      () => core.dispatch('app.status', {}),
      (result) => result.ok && (result.value as { recordCount: number; trackCount: number }).trackCount >= RECORDS,
      60_000,
    );
    expect(status).toMatchObject({ ok: true, value: { recordCount: RECORDS, trackCount: RECORDS, demo: false } });
    expect(await core.dispatch('connections.status', {})).toMatchObject({ ok: true, value: [{ profileId: 'edge', state: 'connected' }] });

    const tracks = await core.dispatch('tracks.list', {});
    expect(tracks.ok).toBe(true);
    const list = (tracks.ok ? tracks.value : []) as Track[];
    expect(new Set(list.map((t) => t.uid))).toEqual(new Set(Array.from({ length: RECORDS }, (_, i) => `unit-${i}`)));
    expect(list.find((t) => t.uid === 'unit-500')).toMatchObject({
      callsign: 'UNIT 500',
      lat: 39.5,
      lon: 8.25,
      affiliation: 'friend',
      dimension: 'ground',
      source: 'edge',
      topic: TOPIC,
    });
  });

  it('Then no file in the data folder holds an ingested value in plaintext', () => {
    const dataDir = join(dir.path, 'data');
    const files = readdirSync(dataDir);
    expect(files).toContain('cache.db');
    for (const name of files) {
      expect(readFileSync(join(dataDir, name)).includes(Buffer.from(MARKER)), `${name} holds the marker`).toBe(false);
    }
  });

  it('When the profile is tested, Then it reports success and lists the topic', async () => {
    const result = await core.dispatch('profiles.test', { id: 'edge' });
    expect(result).toMatchObject({ ok: true, value: { ok: true, stage: null, topics: [TOPIC] } });
    expect(result.ok && (result.value as { message: string }).message).toMatch(/^Connected to 127\.0\.0\.1:\d+; 1 topic is visible\.$/);
  });

  it('Then the malformed records were quarantined and counted, and none stopped the consumer', async () => {
    const status = await core.dispatch('app.status', {});
    expect(status.ok && status.value).toMatchObject({ quarantinedCount: MALFORMED.length });
  });
});
