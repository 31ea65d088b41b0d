import type { Migration } from '../migration';

export const initial: Migration = {
  version: 1,
  name: 'initial',
  up(db) {
    db.exec(`
      CREATE TABLE meta (
        key TEXT PRIMARY KEY,
        value TEXT NOT NULL
      ) STRICT;

      -- Every consumed record, raw, so that nothing received is ever lost.
      CREATE TABLE records (
        id INTEGER PRIMARY KEY,
        source TEXT NOT NULL,
        topic TEXT NOT NULL,
        partition INTEGER NOT NULL,
        "offset" INTEGER NOT NULL,
        timestamp INTEGER NOT NULL,
        received_at INTEGER NOT NULL,
        key BLOB,
        headers TEXT,
        value BLOB NOT NULL,
        uid TEXT,
        event_time INTEGER
      ) STRICT;
      -- Makes storage idempotent and serves the resume-offset lookup.
      CREATE UNIQUE INDEX records_by_position ON records(source, topic, partition, "offset");

      -- Latest state per entity.
      CREATE TABLE tracks (
        uid TEXT PRIMARY KEY,
        callsign TEXT,
        cot_type TEXT NOT NULL,
        affiliation TEXT NOT NULL,
        dimension TEXT NOT NULL,
        lat REAL NOT NULL,
        lon REAL NOT NULL,
        hae REAL,
        course REAL,
        speed REAL,
        time INTEGER NOT NULL,
        stale INTEGER,
        source TEXT NOT NULL,
        topic TEXT NOT NULL
      ) STRICT;
      CREATE INDEX tracks_by_time ON tracks(time DESC);

      -- Records that could not be decoded, kept with their error and raw bytes.
      CREATE TABLE quarantine (
        id INTEGER PRIMARY KEY,
        source TEXT NOT NULL,
        topic TEXT NOT NULL,
        partition INTEGER NOT NULL,
        "offset" INTEGER NOT NULL,
        received_at INTEGER NOT NULL,
        error TEXT NOT NULL,
        value BLOB NOT NULL
      ) STRICT;
      CREATE UNIQUE INDEX quarantine_by_position ON quarantine(source, topic, partition, "offset");
    `);
  },
};
