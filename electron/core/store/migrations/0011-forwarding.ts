import type { Migration } from '../migration';

/**
 * Forwarding rules, and what each needs to carry on exactly where it stopped after a crash: the
 * last record it has judged, and per entity the last position it sent and the one it holds back.
 * Forwarded positions queue in the outbox like any outbound message; they carry their entity as
 * the record key, so a cloud topic keeps each entity's positions in order in one partition, and
 * their rule, so a paused rule's queue is held and its figures are summed from the outbox itself.
 */
export const forwarding: Migration = {
  version: 11,
  name: 'forwarding',
  up(db) {
    db.exec(`
      CREATE TABLE forward_rules (
        id TEXT PRIMARY KEY,
        -- The rule as saved (ForwardRuleInput), JSON.
        definition TEXT NOT NULL CHECK (json_valid(definition)),
        paused INTEGER NOT NULL DEFAULT 0 CHECK (paused IN (0, 1)),
        -- The id of the last cached record this rule has judged.
        cursor INTEGER NOT NULL,
        records_seen INTEGER NOT NULL DEFAULT 0,
        records_forwarded INTEGER NOT NULL DEFAULT 0,
        bytes_seen INTEGER NOT NULL DEFAULT 0,
        -- Wire bytes of its positions the broker has acknowledged, credited as each batch goes.
        bytes_sent INTEGER NOT NULL DEFAULT 0,
        created_at INTEGER NOT NULL,
        updated_at INTEGER NOT NULL
      ) STRICT;

      CREATE TABLE forward_entities (
        rule_id TEXT NOT NULL REFERENCES forward_rules(id) ON DELETE CASCADE,
        uid TEXT NOT NULL,
        -- Fix time of the last position sent; decimation counts from it.
        last_sent_time INTEGER,
        -- The latest position held back by decimation, ready to go as it would have: sent when the
        -- entity's next fix comes after a gap, or when the entity has been silent a whole interval.
        pending_time INTEGER,
        pending_payload BLOB,
        pending_summary TEXT,
        pending_held_at INTEGER,
        PRIMARY KEY (rule_id, uid)
      ) STRICT, WITHOUT ROWID;
      CREATE INDEX forward_entities_pending ON forward_entities(rule_id, pending_held_at) WHERE pending_held_at IS NOT NULL;

      -- The Kafka record key a message goes with; null for the message's own id.
      ALTER TABLE outbox_messages ADD COLUMN record_key TEXT;
      -- The forwarding rule that queued the message; null for the analyst's own and for audit copies.
      ALTER TABLE outbox_messages ADD COLUMN forward_rule_id TEXT;
      CREATE INDEX outbox_by_forward_rule ON outbox_messages(forward_rule_id, state, wire_bytes) WHERE forward_rule_id IS NOT NULL;
      -- The outbox list is the analyst's own messages, newest first, however many positions rules queue beside them.
      CREATE INDEX outbox_own_by_created ON outbox_messages(created_at, seq) WHERE forward_rule_id IS NULL;
    `);
  },
};
