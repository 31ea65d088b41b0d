import type { Migration } from '../migration';

export const connections: Migration = {
  version: 2,
  name: 'connections',
  up(db) {
    db.exec(`
      CREATE TABLE profiles (
        id TEXT PRIMARY KEY,
        name TEXT NOT NULL,
        brokers TEXT NOT NULL,
        client_id TEXT NOT NULL,
        group_id TEXT,
        tls_ca TEXT,
        tls_cert TEXT,
        -- Sealed by the host's secrets service; never the plaintext key.
        tls_key_sealed TEXT,
        tls_servername TEXT,
        sasl_mechanism TEXT,
        sasl_username TEXT,
        sasl_password_sealed TEXT,
        enabled INTEGER NOT NULL DEFAULT 1,
        updated_at INTEGER NOT NULL
      ) STRICT;

      CREATE TABLE subscriptions (
        id INTEGER PRIMARY KEY,
        profile_id TEXT NOT NULL REFERENCES profiles(id) ON DELETE CASCADE,
        topic TEXT,
        pattern TEXT,
        format TEXT NOT NULL,
        mapping TEXT,
        received INTEGER NOT NULL DEFAULT 0,
        quarantined INTEGER NOT NULL DEFAULT 0,
        CHECK ((topic IS NULL) <> (pattern IS NULL))
      ) STRICT;
      CREATE INDEX subscriptions_by_profile ON subscriptions(profile_id);

      -- The next offset to store per partition, written in the same transaction as the records,
      -- so that a crash can neither skip a record nor store one twice.
      CREATE TABLE offsets (
        source TEXT NOT NULL,
        topic TEXT NOT NULL,
        partition INTEGER NOT NULL,
        next_offset INTEGER NOT NULL,
        PRIMARY KEY (source, topic, partition)
      ) STRICT, WITHOUT ROWID;
      INSERT INTO offsets (source, topic, partition, next_offset)
        SELECT source, topic, partition, max("offset") + 1 FROM records GROUP BY source, topic, partition;

      -- Running totals, so that status never has to count millions of rows.
      CREATE TABLE counters (
        name TEXT PRIMARY KEY,
        value INTEGER NOT NULL
      ) STRICT, WITHOUT ROWID;
      INSERT INTO counters (name, value) VALUES
        ('records', (SELECT count(*) FROM records)),
        ('quarantined', (SELECT count(*) FROM quarantine));

      ALTER TABLE records ADD COLUMN decoded TEXT;
      ALTER TABLE records ADD COLUMN subscription_id INTEGER;
      ALTER TABLE quarantine ADD COLUMN subscription_id INTEGER;
    `);
  },
};
