import { join } from 'node:path';
import { Kafka, logLevel, Partitioners } from 'kafkajs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { QuarantinedRecordSummary } from '../../../shared/domain';
import { OutpostConfigSchema } from '../../../shared/config';
import { createCore, systemClock, type Core } from '../../../electron/core';
import { encodeCot } from '../../../electron/core/cot/encode-cot';
import { aCotEvent } from '../../builders/cot-event-builder';
import { aJsonPosition } from '../../builders/json-position-builder';
import { createTopic, startKafka, type RunningKafka } from '../../support/kafka';
import { memorySecrets } from '../../support/memory-secrets';
import { recordingLog } from '../../support/recording-log';
import { makeTempDir } from '../../support/temp-dir';
import { waitFor } from '../../support/wait-for';
import { sourceIngestWorker } from '../../support/ingest-worker';

const BILLION_LAUGHS = `<?xml version="1.0"?>
<!DOCTYPE lolz [<!ENTITY lol "lol"><!ENTITY lol2 "&lol;&lol;&lol;&lol;&lol;&lol;&lol;&lol;&lol;&lol;">
<!ENTITY lol3 "&lol2;&lol2;&lol2;&lol2;&lol2;&lol2;&lol2;&lol2;&lol2;&lol2;"><!ENTITY lol9 "&lol3;&lol3;&lol3;&lol3;">]>
<event uid="&lol9;" type="a-f-G" time="2026-11-26T12:00:00Z"><point lat="1" lon="2"/></event>`;

// A TAK streaming frame (0xBF, varint length, payload) whose payload is cut short.
const TRUNCATED_TAK = Buffer.from([0xbf, 0x40, 0x12, 0x3e, 0x0a, 0x08, 0x61, 0x2d, 0x66]);

describe('Given hostile records among good ones on real topics', () => {
  const dir = makeTempDir();
  let kafka: RunningKafka;
  let core: Core;
  let quarantined: QuarantinedRecordSummary[] = [];

  const good = (uid: string) => encodeCot(aCotEvent({ uid }));

  beforeAll(async () => {
    kafka = await startKafka();
    for (const topic of ['cot', 'tak', 'json']) await createTopic(kafka.brokers, topic, 1);
    const producer = new Kafka({ clientId: 'test-producer', brokers: kafka.brokers, logLevel: logLevel.NOTHING }).producer({
      createPartitioner: Partitioners.DefaultPartitioner,
    });
    await producer.connect();
    await producer.send({
      topic: 'cot',
      acks: -1,
      messages: [good('c1'), '<event uid="broken"><point lat="1"', good('c2'), BILLION_LAUGHS, good('c3'), 'x'.repeat(5 * 1024 * 1024), good('c4')].map(
        (value) => ({ value }),
      ),
    });
    await producer.send({ topic: 'tak', acks: -1, messages: [{ value: TRUNCATED_TAK }] });
    await producer.send({ topic: 'json', acks: -1, messages: [aJsonPosition(1), '{"id": "x", "lat": 4', aJsonPosition(2)].map((value) => ({ value })) });
    await producer.disconnect();

    core = await createCore({
      dataDir: join(dir.path, 'data'),
      config: OutpostConfigSchema.parse({
        profiles: [
          {
            id: 'edge',
            name: 'Edge',
            brokers: kafka.brokers,
            subscriptions: [
              { topic: 'cot', format: 'cot' },
              { topic: 'tak', format: 'tak-protobuf' },
              { topic: 'json', format: 'json' },
            ],
          },
        ],
      }),
      secrets: memorySecrets(),
      clock: systemClock,
      log: recordingLog(),
      ingestWorker: sourceIngestWorker,
    });
    await waitFor(
      async () => (await core.dispatch('app.status', {})) as { ok: true; value: { recordCount: number; quarantinedCount: number } },
      (status) => status.value.recordCount + status.value.quarantinedCount >= 11,
      60_000,
    );
    const listed = await core.dispatch('quarantine.list', {});
    quarantined = listed.ok ? (listed.value as QuarantinedRecordSummary[]) : [];
  });

  afterAll(async () => {
    await core?.close();
    await kafka?.stop();
    dir.remove();
  });

  it('Then each hostile record is quarantined with a readable reason', () => {
    const reasonFor = (topic: string, offset: number) => quarantined.find((q) => q.topic === topic && q.offset === offset)?.error;
    expect(reasonFor('cot', 1)).toMatch(/not well-formed XML/);
    expect(reasonFor('cot', 3)).toMatch(/DTD or entities/);
    expect(reasonFor('cot', 5)).toMatch(/^the record is 5242880 bytes, over the 1048576-byte limit$/);
    expect(reasonFor('tak', 0)).toMatch(/truncated/);
    expect(reasonFor('json', 1)).toMatch(/JSON/);
    expect(quarantined).toHaveLength(5);
  });

  it('Then every good record around them is stored', async () => {
    const status = await core.dispatch('app.status', {});
    expect(status.ok && status.value).toMatchObject({ recordCount: 6, quarantinedCount: 5 });
    const tracks = await waitFor(
      () => core.dispatch('tracks.list', {}),
      (result) => result.ok && (result.value as unknown[]).length === 6,
      5_000,
    );
    const uids = (tracks.ok ? (tracks.value as Array<{ uid: string }>) : []).map((t) => t.uid).sort();
    expect(uids).toEqual(['c1', 'c2', 'c3', 'c4', 'unit-1', 'unit-2']);
  });

  it('Then the per-subscription counters count them', async () => {
    const subscriptions = await core.dispatch('subscriptions.list', {});
    const counts = (subscriptions.ok ? (subscriptions.value as Array<{ topic: string; received: number; quarantined: number }>) : []).map(
      (s) => [s.topic, s.received, s.quarantined],
    );
    expect(counts).toEqual([
      ['cot', 4, 3],
      ['tak', 0, 1],
      ['json', 2, 1],
    ]);
  });
});
