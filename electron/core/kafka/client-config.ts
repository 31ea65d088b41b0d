import type { KafkaConfig, LogEntry, SASLOptions } from 'kafkajs';
import { logLevel } from 'kafkajs';
import type { Log, Secrets } from '../ports';
import type { StoredProfile } from '../store/store';
import { checkClientCertificate } from './check-client-certificate';

/**
 * Builds the kafkajs settings for a profile, unsealing its secrets only in
 * memory. kafkajs retries are kept short: the profile's supervisor owns
 * reconnection, with its own backoff, because kafkajs alone can hang.
 *
 * A profile with TLS always gets TLS with the broker's certificate checked:
 * kafkajs never falls back to plaintext when `ssl` is set, and nothing here
 * leaves it out or turns verification off. A client certificate that cannot
 * work (expired, not yet valid, or without its key) is refused with a
 * ProfileTlsError before anything is sent.
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
    const key = profile.tls.keySealed === null ? null : await secrets.unseal(profile.tls.keySealed);
    checkClientCertificate(profile.tls.cert, key, Date.now());
    config.ssl = {
      ca: profile.tls.ca ?? undefined,
      cert: profile.tls.cert ?? undefined,
      key: key ?? undefined,
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
