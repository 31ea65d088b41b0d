import type { Database } from 'better-sqlite3-multiple-ciphers';
import { RECORD_FORMATS, type JsonFieldMapping, type RecordFormat } from '../../../shared/formats';
import { SASL_MECHANISMS } from '../../../shared/connections';
import type { NewSubscription, Store, StoredProfile, StoredSubscription } from './store';

interface ProfileRow {
  id: string;
  name: string;
  brokers: string;
  client_id: string;
  group_id: string | null;
  tls_ca: string | null;
  tls_cert: string | null;
  tls_key_sealed: string | null;
  tls_servername: string | null;
  sasl_mechanism: string | null;
  sasl_username: string | null;
  sasl_password_sealed: string | null;
  enabled: number;
}

interface SubscriptionRow {
  id: number;
  profile_id: string;
  topic: string | null;
  pattern: string | null;
  format: string;
  mapping: string | null;
  received: number;
  quarantined: number;
}

type ConnectionTables = Pick<Store, 'listProfiles' | 'saveProfile' | 'removeProfile' | 'listSubscriptions' | 'addSubscription' | 'removeSubscription'>;

export function createConnectionTables(db: Database): ConnectionTables {
  const selectProfiles = db.prepare<[], ProfileRow>('SELECT * FROM profiles ORDER BY name, id');
  const upsertProfile = db.prepare(`
    INSERT INTO profiles (id, name, brokers, client_id, group_id, tls_ca, tls_cert, tls_key_sealed, tls_servername,
                          sasl_mechanism, sasl_username, sasl_password_sealed, enabled, updated_at)
    VALUES (@id, @name, @brokers, @clientId, @groupId, @tlsCa, @tlsCert, @tlsKeySealed, @tlsServername,
            @saslMechanism, @saslUsername, @saslPasswordSealed, @enabled, @updatedAt)
    ON CONFLICT(id) DO UPDATE SET
      name = excluded.name, brokers = excluded.brokers, client_id = excluded.client_id, group_id = excluded.group_id,
      tls_ca = excluded.tls_ca, tls_cert = excluded.tls_cert, tls_key_sealed = excluded.tls_key_sealed,
      tls_servername = excluded.tls_servername, sasl_mechanism = excluded.sasl_mechanism,
      sasl_username = excluded.sasl_username, sasl_password_sealed = excluded.sasl_password_sealed,
      enabled = excluded.enabled, updated_at = excluded.updated_at`);
  const deleteProfile = db.prepare('DELETE FROM profiles WHERE id = ?');
  const selectSubscriptions = db.prepare<[], SubscriptionRow>('SELECT * FROM subscriptions ORDER BY profile_id, id');
  const selectSubscription = db.prepare<[number], SubscriptionRow>('SELECT * FROM subscriptions WHERE id = ?');
  const insertSubscription = db.prepare(
    'INSERT INTO subscriptions (profile_id, topic, pattern, format, mapping) VALUES (@profileId, @topic, @pattern, @format, @mapping)',
  );
  const deleteSubscription = db.prepare('DELETE FROM subscriptions WHERE id = ?');

  return {
    listProfiles: () => selectProfiles.all().map(profileFromRow),
    saveProfile(profile) {
      upsertProfile.run({
        id: profile.id,
        name: profile.name,
        brokers: JSON.stringify(profile.brokers),
        clientId: profile.clientId,
        groupId: profile.groupId,
        tlsCa: profile.tls?.ca ?? null,
        tlsCert: profile.tls?.cert ?? null,
        tlsKeySealed: profile.tls?.keySealed ?? null,
        tlsServername: profile.tls?.servername ?? null,
        saslMechanism: profile.sasl?.mechanism ?? null,
        saslUsername: profile.sasl?.username ?? null,
        saslPasswordSealed: profile.sasl?.passwordSealed ?? null,
        enabled: profile.enabled ? 1 : 0,
        updatedAt: Date.now(),
      });
    },
    removeProfile: (id) => deleteProfile.run(id).changes > 0,
    listSubscriptions: () => selectSubscriptions.all().map(subscriptionFromRow),
    addSubscription(subscription: NewSubscription): StoredSubscription {
      const { lastInsertRowid } = insertSubscription.run({
        ...subscription,
        mapping: subscription.mapping === null ? null : JSON.stringify(subscription.mapping),
      });
      const row = selectSubscription.get(Number(lastInsertRowid));
      if (row === undefined) throw new Error('The subscription just added could not be read back.');
      return subscriptionFromRow(row);
    },
    removeSubscription: (id) => deleteSubscription.run(id).changes > 0,
  };
}

function profileFromRow(row: ProfileRow): StoredProfile {
  const hasTls = row.tls_ca !== null || row.tls_cert !== null || row.tls_key_sealed !== null || row.tls_servername !== null;
  const mechanism = SASL_MECHANISMS.find((m) => m === row.sasl_mechanism);
  return {
    id: row.id,
    name: row.name,
    brokers: JSON.parse(row.brokers) as string[],
    clientId: row.client_id,
    groupId: row.group_id,
    tls: hasTls ? { ca: row.tls_ca, cert: row.tls_cert, keySealed: row.tls_key_sealed, servername: row.tls_servername } : null,
    sasl:
      mechanism === undefined || row.sasl_username === null
        ? null
        : { mechanism, username: row.sasl_username, passwordSealed: row.sasl_password_sealed },
    enabled: row.enabled === 1,
  };
}

function subscriptionFromRow(row: SubscriptionRow): StoredSubscription {
  return {
    id: row.id,
    profileId: row.profile_id,
    topic: row.topic,
    pattern: row.pattern,
    format: RECORD_FORMATS.find((f): f is RecordFormat => f === row.format) ?? 'auto',
    mapping: row.mapping === null ? null : (JSON.parse(row.mapping) as JsonFieldMapping),
    received: row.received,
    quarantined: row.quarantined,
  };
}
