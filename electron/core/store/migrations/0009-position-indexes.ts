import { ENTITY_BUCKET_MS } from '../entity-fixes';
import type { Migration } from '../migration';

/**
 * Two indexes over `positions` that ingest can keep up cheaply, whatever the cache size (see
 * docs/BENCHMARKS.md, bench:ingest and bench:review).
 *
 * The per-entity index is led by a ten-minute bucket of fix time. Led by the entity alone, every
 * batch from thousands of entities landed on as many index pages across the whole cache, each
 * encrypted and written again, so ingest slowed as the cache grew. Led by the bucket, a batch
 * lands in the few pages of the current bucket. Readers walk an entity's buckets between its
 * first and last fix, so those two times are made exact here; the writer keeps them so.
 *
 * The fixes of a record are found by its id, where they were read from the record's decoded JSON,
 * which repeated every fix. Records no longer carry that JSON; what older records hold of it is
 * left in place, since dropping the column would rewrite the whole table.
 */
export const positionIndexes: Migration = {
  version: 9,
  name: 'position-indexes',
  up(db) {
    db.exec(`
      DROP INDEX positions_by_entity;
      CREATE INDEX positions_by_entity_bucket ON positions(time / ${ENTITY_BUCKET_MS}, entity, time, record_id, lat, lon);
      UPDATE entities SET first_time = span.first, last_time = span.last
        FROM (SELECT entity, min(time) AS first, max(time) AS last FROM positions GROUP BY entity) AS span
        WHERE span.entity = entities.id;

      -- Within a record, by entity: the order search pages through a record's fixes in.
      CREATE INDEX positions_by_record ON positions(record_id, entity, time);
      DROP TRIGGER records_evicted;
      -- However a record goes (retention, removing an import), what was derived from it goes too.
      CREATE TRIGGER records_evicted AFTER DELETE ON records BEGIN
        DELETE FROM records_fts WHERE rowid = old.id;
        DELETE FROM positions WHERE record_id = old.id;
        UPDATE counters SET value = value - changes() WHERE name = 'fixes';
        UPDATE streams SET records = records - 1, bytes = bytes - length(old.value) WHERE source = old.source AND topic = old.topic;
      END;
    `);
  },
};
