import { affiliationOf, dimensionOf } from '../../../../shared/cot-type';
import type { Migration } from '../migration';

export const review: Migration = {
  version: 8,
  name: 'review',
  up(db) {
    db.function('affiliation_of', { deterministic: true }, (cotType) => affiliationOf(String(cotType)));
    db.function('dimension_of', { deterministic: true }, (cotType) => dimensionOf(String(cotType)));
    db.exec(`
      -- Small dictionaries, so a fix row holds numbers rather than repeated text.
      CREATE TABLE entities (
        id INTEGER PRIMARY KEY,
        uid TEXT NOT NULL UNIQUE,
        callsign TEXT,
        cot_type TEXT NOT NULL,
        first_time INTEGER NOT NULL,
        last_time INTEGER NOT NULL
      ) STRICT;
      CREATE INDEX entities_by_callsign ON entities(callsign COLLATE NOCASE) WHERE callsign IS NOT NULL;
      -- One row per source and topic, with what the cache holds of it.
      CREATE TABLE streams (
        id INTEGER PRIMARY KEY,
        source TEXT NOT NULL,
        topic TEXT NOT NULL,
        records INTEGER NOT NULL DEFAULT 0,
        bytes INTEGER NOT NULL DEFAULT 0,
        UNIQUE (source, topic)
      ) STRICT;
      INSERT INTO streams (source, topic, records, bytes)
        SELECT source, topic, count(*), sum(length(value)) FROM records GROUP BY source, topic;
      CREATE TABLE cot_types (
        id INTEGER PRIMARY KEY,
        cot_type TEXT NOT NULL UNIQUE,
        affiliation TEXT NOT NULL,
        dimension TEXT NOT NULL
      ) STRICT;
      CREATE TABLE callsigns (id INTEGER PRIMARY KEY, callsign TEXT NOT NULL UNIQUE) STRICT;

      -- Every decoded fix, clustered by its time: a replay window and a seek's deltas are one range.
      CREATE TABLE positions (
        time INTEGER NOT NULL,
        entity INTEGER NOT NULL,
        record_id INTEGER NOT NULL,
        kind INTEGER NOT NULL,
        label INTEGER,
        stream INTEGER NOT NULL,
        lat REAL NOT NULL,
        lon REAL NOT NULL,
        hae REAL,
        course REAL,
        speed REAL,
        stale INTEGER,
        PRIMARY KEY (time, entity, record_id)
      ) STRICT, WITHOUT ROWID;
      -- Trails and searches by entity; covering, so a trail never reads the fix rows.
      CREATE INDEX positions_by_entity ON positions(entity, time, lat, lon);
      INSERT INTO counters (name, value) VALUES ('fixes', 0);

      -- The state of every entity at a moment, so a seek reads one keyframe and the fixes after it.
      CREATE TABLE review_keyframes (
        time INTEGER PRIMARY KEY,
        entities INTEGER NOT NULL,
        folded INTEGER NOT NULL,
        states BLOB NOT NULL
      ) STRICT;

      -- Which records hold fixes in each minute of fix time, so a search's window becomes a range of record ids.
      CREATE TABLE record_minutes (
        minute INTEGER PRIMARY KEY,
        first_record INTEGER NOT NULL,
        last_record INTEGER NOT NULL
      ) STRICT;

      -- Alert marks on the replay timeline.
      CREATE INDEX alerts_by_time ON alerts(time);

      -- Free text and remarks, only for records that carry any; rowid is the record's id.
      CREATE VIRTUAL TABLE records_fts USING fts5(remarks, text, content='', contentless_delete=1, tokenize='unicode61 remove_diacritics 2');

      CREATE TABLE saved_searches (
        id TEXT PRIMARY KEY,
        name TEXT NOT NULL UNIQUE,
        query TEXT NOT NULL CHECK (json_valid(query)),
        created_at INTEGER NOT NULL,
        updated_at INTEGER NOT NULL
      ) STRICT, WITHOUT ROWID;

      -- Files imported for review; their records carry the source 'import:' || id.
      CREATE TABLE import_sources (
        id TEXT PRIMARY KEY,
        name TEXT NOT NULL,
        format TEXT NOT NULL,
        file_name TEXT NOT NULL,
        records INTEGER NOT NULL DEFAULT 0,
        quarantined INTEGER NOT NULL DEFAULT 0,
        imported_at INTEGER NOT NULL
      ) STRICT, WITHOUT ROWID;

      -- Windows of fix time that retention keeps.
      CREATE TABLE cache_pins (
        id INTEGER PRIMARY KEY,
        from_time INTEGER NOT NULL,
        to_time INTEGER NOT NULL CHECK (to_time > from_time),
        label TEXT NOT NULL,
        created_at INTEGER NOT NULL
      ) STRICT;
      CREATE INDEX cache_pins_by_time ON cache_pins(from_time, to_time);

      -- Settings changed in the app, over the config file's defaults.
      CREATE TABLE cache_settings (
        key TEXT PRIMARY KEY,
        value TEXT NOT NULL CHECK (json_valid(value)),
        updated_at INTEGER NOT NULL
      ) STRICT, WITHOUT ROWID;

      -- The fixes of records cached before this version, so review and track history see them too.
      CREATE TEMP TABLE cached_fixes AS
        SELECT records.id AS record_id, records.source, records.topic,
          json_extract(fields.value, '$[0]') AS uid, json_extract(fields.value, '$[1]') AS cot_type,
          json_extract(fields.value, '$[2]') AS callsign, json_extract(fields.value, '$[3]') AS lat,
          json_extract(fields.value, '$[4]') AS lon, json_extract(fields.value, '$[5]') AS hae,
          json_extract(fields.value, '$[6]') AS course, json_extract(fields.value, '$[7]') AS speed,
          json_extract(fields.value, '$[8]') AS time, json_extract(fields.value, '$[9]') AS stale
        FROM records, json_each(records.decoded) AS fields WHERE records.decoded IS NOT NULL;
      INSERT INTO cot_types (cot_type, affiliation, dimension)
        SELECT DISTINCT cot_type, affiliation_of(cot_type), dimension_of(cot_type) FROM cached_fixes;
      INSERT INTO callsigns (callsign) SELECT DISTINCT callsign FROM cached_fixes WHERE callsign IS NOT NULL;
      -- With max(), SQLite takes the other columns from the row holding the maximum: the latest report.
      INSERT INTO entities (uid, callsign, cot_type, first_time, last_time)
        SELECT uid, callsign, cot_type, max(time), max(time) FROM cached_fixes GROUP BY uid;
      UPDATE entities SET first_time = earliest.time
        FROM (SELECT uid, min(time) AS time FROM cached_fixes GROUP BY uid) AS earliest WHERE earliest.uid = entities.uid;
      INSERT OR IGNORE INTO positions (time, entity, record_id, kind, label, stream, lat, lon, hae, course, speed, stale)
        SELECT fix.time, entities.id, fix.record_id, cot_types.id, callsigns.id, streams.id, fix.lat, fix.lon, fix.hae, fix.course, fix.speed, fix.stale
        FROM cached_fixes AS fix
        JOIN entities ON entities.uid = fix.uid
        JOIN cot_types ON cot_types.cot_type = fix.cot_type
        LEFT JOIN callsigns ON callsigns.callsign = fix.callsign
        JOIN streams ON streams.source = fix.source AND streams.topic = fix.topic;
      UPDATE counters SET value = (SELECT count(*) FROM positions) WHERE name = 'fixes';
      INSERT INTO record_minutes (minute, first_record, last_record)
        SELECT time / 60000, min(record_id), max(record_id) FROM positions GROUP BY time / 60000;
      DROP TABLE cached_fixes;
      -- Track history reads positions_by_entity now; this index cost ingest as much again.
      DROP INDEX records_by_uid_time;

      -- However a record goes (retention, removing an import), what was derived from it goes too.
      -- Its fixes are found by their keys, read back from the record's decoded entities.
      CREATE TRIGGER records_evicted AFTER DELETE ON records BEGIN
        DELETE FROM records_fts WHERE rowid = old.id;
        DELETE FROM positions WHERE record_id = old.id AND (time, entity) IN (
          SELECT json_extract(fields.value, '$[8]'), entities.id
          FROM json_each(coalesce(old.decoded, '[]')) AS fields
          JOIN entities ON entities.uid = json_extract(fields.value, '$[0]'));
        UPDATE counters SET value = value - changes() WHERE name = 'fixes';
        UPDATE streams SET records = records - 1, bytes = bytes - length(old.value) WHERE source = old.source AND topic = old.topic;
      END;
    `);
  },
};
