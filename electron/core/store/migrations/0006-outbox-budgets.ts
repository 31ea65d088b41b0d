import type { Migration } from '../migration';

export const outboxBudgets: Migration = {
  version: 6,
  name: 'outbox-budgets',
  up(db) {
    db.exec(`
      -- What a message costs against a bandwidth budget: its bytes compressed on their own. Written
      -- at enqueue, so the time to drain a queue is a sum, not a recompression of every payload.
      -- A message queued before this column existed is charged its uncompressed size, an upper bound.
      ALTER TABLE outbox_messages ADD COLUMN wire_bytes INTEGER NOT NULL DEFAULT 0;
      UPDATE outbox_messages SET wire_bytes = bytes;

      -- The queue index also carries the cost, so a destination's backlog is summed from the index alone.
      DROP INDEX outbox_queue;
      CREATE INDEX outbox_queue ON outbox_messages(profile_id, topic, precedence_rank, seq, wire_bytes) WHERE state = 'queued';

      -- A byte rate per destination, charged after compression. No row: no limit. Kept apart from
      -- profiles because several topics share one profile yet an analyst may hold back only one.
      CREATE TABLE outbox_budgets (
        profile_id TEXT NOT NULL,
        topic TEXT NOT NULL,
        bytes_per_second INTEGER NOT NULL CHECK (bytes_per_second > 0),
        PRIMARY KEY (profile_id, topic)
      ) STRICT, WITHOUT ROWID;
    `);
  },
};
