import { Kafka, type KafkaConfig } from 'kafkajs';
import type { ConnectionTestResult } from '../../../shared/connections';
import type { Log, Secrets } from '../ports';
import type { StoredProfile } from '../store/store';
import { kafkaClientConfig } from './client-config';
import { connectionSecurityOf, describeKafkaError } from './describe-kafka-error';
import { withTimeout } from './with-timeout';

const TEST_TIMEOUT_MS = 15_000;

/**
 * Connects once with the profile's settings and lists the topics it may see.
 * Reaching the broker proves the address, the handshake proves TLS, the login
 * proves SASL, and the listing proves the profile is authorised to describe.
 * Settings that cannot work, such as an expired client certificate, fail
 * before anything is sent.
 */
export async function testConnection(profile: StoredProfile, secrets: Secrets, log: Log): Promise<ConnectionTestResult> {
  let config: KafkaConfig;
  try {
    config = await kafkaClientConfig(profile, secrets, log);
  } catch (error) {
    return failed(profile, error);
  }
  const admin = new Kafka({ ...config, retry: { retries: 0 } }).admin();
  try {
    await withTimeout(admin.connect(), TEST_TIMEOUT_MS, 'connecting');
    const topics = (await withTimeout(admin.listTopics(), TEST_TIMEOUT_MS, 'listing topics')).filter((t) => !t.startsWith('__')).sort();
    const count = topics.length === 1 ? '1 topic is' : `${topics.length} topics are`;
    return { ok: true, stage: null, message: `Connected to ${profile.brokers.join(', ')}; ${count} visible.`, topics };
  } catch (error) {
    return failed(profile, error);
  } finally {
    await withTimeout(admin.disconnect(), 5_000, 'disconnecting').catch(() => undefined);
  }
}

function failed(profile: StoredProfile, error: unknown): ConnectionTestResult {
  const failure = describeKafkaError(error, profile.brokers, connectionSecurityOf(profile, { firstContact: true }));
  return { ok: false, stage: failure.stage, message: failure.sentence, topics: [] };
}
