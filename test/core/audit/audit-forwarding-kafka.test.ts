import { join } from 'node:path';
import { Kafka, logLevel } from 'kafkajs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { OutpostConfigSchema } from '../../../shared/config';
import type { OutboxCounts } from '../../../shared/outbox';
import { AUDIT_RECORD_KEY } from '../../../electron/core/audit/audit-forwarding';
import { GENESIS_HASH, linkHash } from '../../../electron/core/audit/audit-chain';
import { CACHE_FILE_NAME, createCore, type Core } from '../../../electron/core/create-core';
import { systemClock } from '../../../electron/core/ports';
import { createAuditTables, type AuditRow } from '../../../electron/core/store/audit-tables';
import { openDatabase } from '../../../electron/core/store/open-database';
import { createTopic, startKafka, type RunningKafka } from '../../support/kafka';
import { memorySecrets } from '../../support/memory-secrets';
import { recordingLog } from '../../support/recording-log';
import { sourceIngestWorker } from '../../support/ingest-worker';
import { makeTempDir } from '../../support/temp-dir';
import { waitFor } from '../../support/wait-for';
import { aRuleSave, readAuditCopy } from './forwarded-audit';

const AUDIT_TOPIC = 'outpost-audit';
const PARTITIONS = 3;

interface Received {
  readonly key: string;
  readonly messageId: string;
  readonly partition: number;
  readonly row: AuditRow;
}

/** Reads the audit topic from the start, as the site's collector would, until `expected` copies have arrived. */
async function collectAuditTopic(brokers: string[], expected: number): Promise<Received[]> {
  const consumer = new Kafka({ clientId: 'audit-collector', brokers, logLevel: logLevel.NOTHING }).consumer({ groupId: `audit-collector-${Date.now()}` });
  const received: Received[] = [];
  await consumer.connect();
  try {
    await consumer.subscribe({ topic: AUDIT_TOPIC, fromBeginning: true });
    await consumer.run({
      eachMessage: async ({ partition, message }) => {
        const { row } = readAuditCopy(message.value?.toString('utf8') ?? '');
        received.push({ key: message.key?.toString() ?? '', messageId: String(message.headers?.['outpost-msg-id']), partition, row });
      },
    });
    await waitFor(() => received.length, (n) => n >= expected, 60_000, 200);
  } finally {
    await consumer.disconnect();
  }
  return received;
}

describe('Given a core forwarding its audit log to a three-partition topic on a real broker', () => {
  const dir = makeTempDir();
  const secrets = memorySecrets();
  let kafka: RunningKafka;
  let core: Core;
  let counts: OutboxCounts | null = null;
  let received: Received[] = [];
  let kept: AuditRow[] = [];

  beforeAll(async () => {
    kafka = await startKafka();
    await createTopic(kafka.brokers, AUDIT_TOPIC, PARTITIONS);
    core = await createCore({
      dataDir: join(dir.path, 'data'),
      config: OutpostConfigSchema.parse({
        profiles: [{ id: 'hq', name: 'HQ', brokers: kafka.brokers }],
        audit: { forwardTo: { profileId: 'hq', topic: AUDIT_TOPIC } },
      }),
      secrets,
      clock: systemClock,
      log: recordingLog(),
      ingestWorker: sourceIngestWorker,
      operator: 'kim',
    });

    await core.dispatch('rules.save', aRuleSave('fast-movers'));
    await core.dispatch('rules.setEnabled', { id: 'fast-movers', enabled: false });
    counts = await waitFor(
      async () => {
        const result = await core.dispatch('outbox.counts', {});
        return result.ok ? (result.value as OutboxCounts) : null;
      },
      (value) => value !== null && value.sent >= 2,
      90_000,
      200,
    );
    received = await collectAuditTopic(kafka.brokers, 2);

    await core.close();
    const db = openDatabase({ file: join(dir.path, 'data', CACHE_FILE_NAME), key: secrets.key() ?? '' });
    try {
      kept = [...createAuditTables(db).rows()];
    } finally {
      db.close();
    }
  }, 300_000);

  afterAll(async () => {
    await kafka?.stop();
    dir.remove();
  }, 60_000);

  it('When kim does two audited things, Then the collector receives both rows, in order, in one partition, under the audit key', () => {
    expect(received.map(({ row }) => [row.actor, row.action, row.subject])).toEqual([
      ['kim', 'rules.save', 'fast-movers'],
      ['kim', 'rules.setEnabled', 'fast-movers'],
    ]);
    expect(new Set(received.map(({ partition }) => partition)).size).toBe(1);
    expect(received.map(({ key }) => key)).toEqual([AUDIT_RECORD_KEY, AUDIT_RECORD_KEY]);
  });

  it('Then the received rows chain from the start of the log: each hashes to its own hash, and the second follows the first', () => {
    const [first, second] = received.map(({ row }) => row);
    expect(first?.prev_hash.equals(GENESIS_HASH)).toBe(true);
    for (const row of [first, second]) expect(row !== undefined && linkHash(row.prev_hash, row).equals(row.hash)).toBe(true);
    expect(second?.prev_hash.equals(first?.hash ?? Buffer.alloc(0))).toBe(true);
  });

  it('Then they are the rows the cache keeps, and delivering them recorded nothing more: no event was forwarded but the two', () => {
    expect(received.map(({ row }) => row)).toEqual(kept);
    expect(counts).toMatchObject({ sent: 2, queued: 0, sending: 0, failed: 0 });
  });
});
