import { execFileSync } from 'node:child_process';
import { writeFileSync } from 'node:fs';
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

const TOPIC = 'cot-ingest';
const RECORDS = 1_000;
const MALFORMED = ['<event uid="broken"', 'plain text, not CoT', '<!DOCTYPE x [<!ENTITY a "b">]><event/>'];

async function waitFor<T>(read: () => Promise<T>, done: (value: T) => boolean, timeoutMs: number): Promise<T> {
  const deadline = Date.now() + timeoutMs;
  for (;;) {
    const value = await read();
    if (done(value) || Date.now() > deadline) return value;
    await new Promise((resolve) => setTimeout(resolve, 250));
  }
}

describe('Given a real Kafka broker with 1,000 CoT records produced by kcat', () => {
  const dir = makeTempDir();
  let kafka: RunningKafka;
  let core: Core;
  const start = Date.UTC(2026, 10, 26, 12, 0, 0);

  beforeAll(async () => {
    kafka = await startKafka();
    await createTopic(kafka.brokers, TOPIC, 3);
    const lines = Array.from({ length: RECORDS }, (_, i) =>
      encodeCot(aCotEvent({ uid: `unit-${i}`, callsign: `UNIT ${i}`, time: start + i, lat: 39 + i / 1000, lon: 8 + i / 2000 })),
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
      config: OutpostConfigSchema.parse({ kafka: { brokers: kafka.brokers, subscriptions: [{ topic: TOPIC, format: 'cot' }] } }),
      secrets: memorySecrets(),
      clock: systemClock,
      log: recordingLog(),
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
      (result) => result.ok && (result.value as { recordCount: number }).recordCount >= RECORDS,
      60_000,
    );
    expect(status).toMatchObject({ ok: true, value: { recordCount: RECORDS, trackCount: RECORDS, connection: { kind: 'kafka', state: 'connected' } } });

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
      source: 'kafka',
      topic: TOPIC,
    });
  });

  it('Then the malformed records were quarantined and counted, and none stopped the consumer', async () => {
    const status = await core.dispatch('app.status', {});
    expect(status.ok && status.value).toMatchObject({ quarantinedCount: MALFORMED.length });
  });
});
