import type { KafkaConfig, LogEntry, SASLOptions } from 'kafkajs';
import { logLevel } from 'kafkajs';
import type { Log, Secrets } from '../ports';
import type { StoredProfile } from '../store/store';

/**
 * Builds the kafkajs settings for a profile, unsealing its secrets only in
 * memory. kafkajs retries are kept short: the profile's supervisor owns
 * reconnection, with its own backoff, because kafkajs alone can hang.
 */
export async function kafkaClientConfig(profile: StoredProfile, secrets: Secrets, log: Log): Promise<KafkaConfig> {
  const config: KafkaConfig = {
    clientId: profile.clientId,
    brokers: [...profile.brokers],
    connectionTimeout: 3_000,
    requestTimeout: 15_000,
    logLevel: logLevel.WARN,
    logCreator: () => (entry: LogEntry) =>
      log.warn(`kafka ${profile.id}: ${entry.log.message}`, { namespace: entry.namespace, broker: entry.log['broker'] }),
    retry: { initialRetryTime: 250, retries: 2, maxRetryTime: 2_000 },
  };
  if (profile.tls !== null) {
    config.ssl = {
      ca: profile.tls.ca ?? undefined,
      cert: profile.tls.cert ?? undefined,
      key: profile.tls.keySealed === null ? undefined : await secrets.unseal(profile.tls.keySealed),
      servername: profile.tls.servername ?? undefined,
      rejectUnauthorized: true,
    };
  }
  if (profile.sasl !== null) {
    const password = profile.sasl.passwordSealed === null ? '' : await secrets.unseal(profile.sasl.passwordSealed);
    config.sasl = { mechanism: profile.sasl.mechanism, username: profile.sasl.username, password } as SASLOptions;
  }
  return config;
}
