import type { Migration } from '../migration';

export const outbox: Migration = {
  version: 5,
  name: 'outbox',
  up(db) {
    db.exec(`
      -- Messages the analyst wrote for Kafka. They live here, not in memory, so that a message shown
      -- as queued survives a crash, a power cut or hours without a broker. seq is the queue's FIFO
      -- order; id is the uuid the UI and the wire know the message by.
      -- No foreign key to profiles: removing a profile must not erase what was sent through it.
      CREATE TABLE outbox_messages (
        seq INTEGER PRIMARY KEY,
        id TEXT NOT NULL UNIQUE,
        profile_id TEXT NOT NULL,
        topic TEXT NOT NULL,
        precedence TEXT NOT NULL CHECK (precedence IN ('flash', 'immediate', 'priority', 'routine')),
        -- Derived, never written, so the drain order cannot disagree with the precedence.
        precedence_rank INTEGER GENERATED ALWAYS AS (
          CASE precedence WHEN 'flash' THEN 0 WHEN 'immediate' THEN 1 WHEN 'priority' THEN 2 ELSE 3 END
        ) VIRTUAL,
        state TEXT NOT NULL CHECK (state IN ('queued', 'sending', 'sent', 'failed', 'cancelled')),
        format TEXT NOT NULL CHECK (format IN ('cot', 'json')),
        classification TEXT,
        content TEXT NOT NULL CHECK (json_valid(content)),
        -- Exactly the bytes that go on the wire, so a retry sends what the analyst saw queued.
        payload BLOB NOT NULL,
        bytes INTEGER NOT NULL,
        attempts INTEGER NOT NULL DEFAULT 0,
        reason TEXT,
        partition INTEGER,
        -- Kafka offsets are 64-bit; text keeps them exact.
        "offset" TEXT,
        created_at INTEGER NOT NULL,
        updated_at INTEGER NOT NULL
      ) STRICT;
      -- Only queued messages, in drain order per destination: the next one to send is the first
      -- entry under its profile and topic, and the index stays as small as the queue.
      CREATE INDEX outbox_queue ON outbox_messages(profile_id, topic, precedence_rank, seq) WHERE state = 'queued';
      -- The outbox list, newest first.
      CREATE INDEX outbox_by_created ON outbox_messages(created_at);

      -- Every state a message passed through, appended and never rewritten: the audit trail of
      -- what was sent when, and why an attempt failed.
      CREATE TABLE outbox_history (
        seq INTEGER PRIMARY KEY,
        message_seq INTEGER NOT NULL REFERENCES outbox_messages(seq) ON DELETE CASCADE,
        state TEXT NOT NULL CHECK (state IN ('queued', 'sending', 'sent', 'failed', 'cancelled')),
        at INTEGER NOT NULL,
        note TEXT
      ) STRICT;
      CREATE INDEX outbox_history_by_message ON outbox_history(message_seq, seq);
    `);
  },
};
