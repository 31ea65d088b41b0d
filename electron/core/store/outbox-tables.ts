import type { Database } from 'better-sqlite3-multiple-ciphers';
import {
  OUTBOX_STATES,
  OutboxContentSchema,
  PRECEDENCES,
  WIRE_FORMATS,
  type OutboxCounts,
  type OutboxDraft,
  type OutboxHistoryEntry,
  type OutboxMessage,
  type OutboxState,
} from '../../../shared/outbox';
import type { NewOutboundMessage, OutboundBacklog, OutboundDestination, OutboundRevision, OutboundTransition, QueuedOutbound, Store } from './store';
import { storedChoice } from './stored-choice';

interface MessageRow {
  seq: number;
  id: string;
  profile_id: string;
  topic: string;
  precedence: string;
  state: string;
  format: string;
  classification: string | null;
  content: string;
  bytes: number;
  wire_bytes: number;
  attempts: number;
  reason: string | null;
  partition: number | null;
  offset: string | null;
  created_at: number;
  updated_at: number;
}

interface HistoryRow {
  state: string;
  at: number;
  note: string | null;
}

type OutboxTables = Pick<
  Store,
  | 'enqueueOutbound'
  | 'readOutbound'
  | 'listOutbound'
  | 'countOutbound'
  | 'outboundDestinations'
  | 'queuedOutbound'
  | 'transitionOutbound'
  | 'transitionOutboundMany'
  | 'reviseOutbound'
  | 'outboundBacklogs'
  | 'outboundBudget'
  | 'setOutboundBudget'
  | 'requeueInterruptedOutbound'
>;

/** Every column but the payload, which only the sender needs. */
const MESSAGE_COLUMNS = `seq, id, profile_id, topic, precedence, state, format, classification, content, bytes, wire_bytes, attempts, reason,
  partition, "offset", created_at, updated_at`;

/**
 * The outbox queue. Every change of state is a conditional UPDATE plus a history entry in one
 * transaction, so two callers racing on the same message (a send finishing as the analyst
 * cancels) cannot both win, and the history never records a change that did not happen.
 */
export function createOutboxTables(db: Database): OutboxTables {
  const insertMessage = db.prepare(`
    INSERT INTO outbox_messages (id, profile_id, topic, precedence, state, format, classification, content, payload, bytes,
                                 wire_bytes, created_at, updated_at, record_key, forward_rule_id)
    VALUES (@id, @profileId, @topic, @precedence, 'queued', @format, @classification, @content, @payload, @bytes,
            @wireBytes, @createdAt, @createdAt, @recordKey, @forwardRuleId)`);
  const insertHistory = db.prepare<[number, string, number, string | null]>(
    'INSERT INTO outbox_history (message_seq, state, at, note) VALUES (?, ?, ?, ?)',
  );
  const selectMessage = db.prepare<[string], MessageRow>(`SELECT ${MESSAGE_COLUMNS} FROM outbox_messages WHERE id = ?`);
  const selectHistory = db.prepare<[number], HistoryRow>('SELECT state, at, note FROM outbox_history WHERE message_seq = ? ORDER BY seq');
  // The states arrive as a JSON array so that one prepared statement serves any set of them.
  // The list and the counts are of the analyst's messages; forwarded positions have their own figures, per rule.
  const selectMessagesIn = db.prepare<[string, number], MessageRow>(
    `SELECT ${MESSAGE_COLUMNS} FROM outbox_messages WHERE forward_rule_id IS NULL AND state IN (SELECT value FROM json_each(?))
     ORDER BY created_at DESC, seq DESC LIMIT ?`,
  );
  const selectMessages = db.prepare<[number], MessageRow>(
    `SELECT ${MESSAGE_COLUMNS} FROM outbox_messages WHERE forward_rule_id IS NULL ORDER BY created_at DESC, seq DESC LIMIT ?`,
  );
  const countByState = db.prepare<[], { state: string; count: number }>(
    'SELECT state, count(*) AS count FROM outbox_messages WHERE forward_rule_id IS NULL GROUP BY state',
  );
  const selectDestinations = db.prepare<[], OutboundDestination>(
    "SELECT DISTINCT profile_id AS profileId, topic FROM outbox_messages WHERE state = 'queued' ORDER BY profile_id, topic",
  );
  // A paused forwarding rule's positions stay queued but are passed over until it resumes.
  const selectQueued = db.prepare<
    [string, string],
    { id: string; precedence: string; bytes: number; wire_bytes: number; reason: string | null; payload: Buffer; record_key: string | null }
  >(
    `SELECT id, precedence, bytes, wire_bytes, reason, payload, record_key FROM outbox_messages
     WHERE state = 'queued' AND profile_id = ? AND topic = ?
       AND (forward_rule_id IS NULL OR forward_rule_id NOT IN (SELECT id FROM forward_rules WHERE paused = 1))
     ORDER BY precedence_rank, seq`,
  );
  const selectBacklogs = db.prepare<[], { profileId: string; topic: string; queued: number; queuedWireBytes: number; budgetBytesPerSecond: number | null }>(`
    SELECT profile_id AS profileId, topic, sum(queued) AS queued, sum(wire_bytes) AS queuedWireBytes, max(budget) AS budgetBytesPerSecond
    FROM (
      SELECT profile_id, topic, count(*) AS queued, sum(wire_bytes) AS wire_bytes, NULL AS budget
      FROM outbox_messages WHERE state = 'queued' GROUP BY profile_id, topic
      UNION ALL
      SELECT profile_id, topic, 0, 0, bytes_per_second FROM outbox_budgets
    )
    GROUP BY profile_id, topic ORDER BY profile_id, topic`);
  const selectBudget = db.prepare<[string, string], number>('SELECT bytes_per_second FROM outbox_budgets WHERE profile_id = ? AND topic = ?').pluck();
  const upsertBudget = db.prepare<[string, string, number]>(
    'INSERT INTO outbox_budgets (profile_id, topic, bytes_per_second) VALUES (?, ?, ?) ON CONFLICT DO UPDATE SET bytes_per_second = excluded.bytes_per_second',
  );
  const deleteBudget = db.prepare<[string, string]>('DELETE FROM outbox_budgets WHERE profile_id = ? AND topic = ?');
  // A reason or placement that is not given leaves the stored one as it is.
  const updateState = db.prepare<
    {
      id: string;
      from: string;
      state: OutboxState;
      at: number;
      replaceReason: number;
      reason: string | null;
      partition: number | null;
      offset: string | null;
      attempts: number;
    },
    { seq: number }
  >(`
    UPDATE outbox_messages SET
      state = @state,
      updated_at = @at,
      reason = CASE WHEN @replaceReason THEN @reason ELSE reason END,
      partition = coalesce(@partition, partition),
      "offset" = coalesce(@offset, "offset"),
      attempts = attempts + @attempts
    WHERE id = @id AND state IN (SELECT value FROM json_each(@from))
    RETURNING seq`);
  // The messages arrive as a JSON array of {id, partition, offset}, so that one statement moves a whole batch.
  const updateStates = db.prepare<
    { moving: string; from: string; state: OutboxState; at: number; replaceReason: number; reason: string | null; attempts: number },
    { seq: number; id: string }
  >(`
    UPDATE outbox_messages SET
      state = @state,
      updated_at = @at,
      reason = CASE WHEN @replaceReason THEN @reason ELSE reason END,
      partition = coalesce(moving.partition, outbox_messages.partition),
      "offset" = coalesce(moving.placed_at, outbox_messages."offset"),
      attempts = attempts + @attempts
    FROM (SELECT value ->> 'id' AS id, value ->> 'partition' AS partition, value ->> 'offset' AS placed_at FROM json_each(@moving)) AS moving
    WHERE outbox_messages.id = moving.id AND outbox_messages.state IN (SELECT value FROM json_each(@from))
    RETURNING outbox_messages.seq AS seq, outbox_messages.id AS id`);
  const insertHistories = db.prepare<{ seqs: string; state: OutboxState; at: number; note: string | null }>(
    'INSERT INTO outbox_history (message_seq, state, at, note) SELECT value, @state, @at, @note FROM json_each(@seqs)',
  );
  // Destination, precedence and wording may all change; the queue place (seq) and createdAt stay.
  const updateQueued = db.prepare<
    { id: string; profileId: string; topic: string; precedence: string; format: string; classification: string | null; content: string; payload: Uint8Array; bytes: number; wireBytes: number; at: number },
    { seq: number }
  >(`
    UPDATE outbox_messages SET
      profile_id = @profileId, topic = @topic, precedence = @precedence, format = @format, classification = @classification,
      content = @content, payload = @payload, bytes = @bytes, wire_bytes = @wireBytes, reason = NULL, updated_at = @at
    WHERE id = @id AND state = 'queued'
    RETURNING seq`);
  const noteRequeued = db.prepare<[number, string]>(
    "INSERT INTO outbox_history (message_seq, state, at, note) SELECT seq, 'queued', ?, ? FROM outbox_messages WHERE state = 'sending' ORDER BY seq",
  );
  const requeueSending = db.prepare<[number]>("UPDATE outbox_messages SET state = 'queued', updated_at = ? WHERE state = 'sending'");

  const historyOf = (seq: number): OutboxHistoryEntry[] =>
    selectHistory.all(seq).map((row) => ({ state: storedChoice(OUTBOX_STATES, row.state, 'outbox'), at: row.at, note: row.note }));
  const messageFromRow = (row: MessageRow): OutboxMessage => ({
    id: row.id,
    profileId: row.profile_id,
    topic: row.topic,
    precedence: storedChoice(PRECEDENCES, row.precedence, 'outbox'),
    format: storedChoice(WIRE_FORMATS, row.format, 'outbox'),
    classification: row.classification,
    content: OutboxContentSchema.parse(JSON.parse(row.content)),
    state: storedChoice(OUTBOX_STATES, row.state, 'outbox'),
    reason: row.reason,
    bytes: row.bytes,
    wireBytes: row.wire_bytes,
    attempts: row.attempts,
    createdAt: row.created_at,
    updatedAt: row.updated_at,
    partition: row.partition,
    offset: row.offset,
    history: historyOf(row.seq),
  });
  const read = (id: string): OutboxMessage | null => {
    const row = selectMessage.get(id);
    return row === undefined ? null : messageFromRow(row);
  };
  const readWritten = (id: string): OutboxMessage => {
    const message = read(id);
    if (message === null) throw new Error(`Outbound message ${id} was written but could not be read back.`);
    return message;
  };

  const enqueue = db.transaction((message: NewOutboundMessage): OutboxMessage => {
    const { lastInsertRowid } = insertMessage.run({
      id: message.id,
      ...draftColumns(message.draft, message.payload, message.wireBytes),
      createdAt: message.createdAt,
      recordKey: message.recordKey ?? null,
      forwardRuleId: message.forwardRuleId ?? null,
    });
    insertHistory.run(Number(lastInsertRowid), 'queued', message.createdAt, null);
    return readWritten(message.id);
  });
  /** The seq of the message moved, or null when it was not in one of `from`. */
  const applyTransition = (id: string, from: string, change: OutboundTransition): number | null => {
    const updated = updateState.get({
      id,
      from,
      state: change.state,
      at: change.at,
      replaceReason: change.reason === undefined ? 0 : 1,
      reason: change.reason ?? null,
      partition: change.partition ?? null,
      offset: change.offset ?? null,
      attempts: change.attempt === true ? 1 : 0,
    });
    if (updated === undefined) return null;
    insertHistory.run(updated.seq, change.state, change.at, change.note ?? null);
    return updated.seq;
  };
  const transition = db.transaction((id: string, from: readonly OutboxState[], change: OutboundTransition): OutboxMessage | null =>
    applyTransition(id, JSON.stringify(from), change) === null ? null : readWritten(id),
  );
  const transitionMany = db.transaction((from: readonly OutboxState[], changes: readonly { readonly id: string; readonly change: OutboundTransition }[]): string[] => {
    const moved = new Set<string>();
    // One statement per kind of change rather than one per message: a batch of hundreds commits in milliseconds.
    for (const group of groupByChange(changes)) {
      const { change } = group;
      const rows = updateStates.all({
        moving: JSON.stringify(group.moving),
        from: JSON.stringify(from),
        state: change.state,
        at: change.at,
        replaceReason: change.reason === undefined ? 0 : 1,
        reason: change.reason ?? null,
        attempts: change.attempt === true ? 1 : 0,
      });
      insertHistories.run({ seqs: JSON.stringify(rows.map((row) => row.seq)), state: change.state, at: change.at, note: change.note ?? null });
      for (const row of rows) moved.add(row.id);
    }
    return changes.filter(({ id }) => moved.has(id)).map(({ id }) => id);
  });
  const revise = db.transaction((id: string, revision: OutboundRevision): OutboxMessage | null => {
    const updated = updateQueued.get({ id, ...draftColumns(revision.draft, revision.payload, revision.wireBytes), at: revision.at });
    if (updated === undefined) return null;
    insertHistory.run(updated.seq, 'queued', revision.at, revision.note);
    return readWritten(id);
  });
  const requeueInterrupted = db.transaction((at: number, note: string): number => {
    noteRequeued.run(at, note);
    return requeueSending.run(at).changes;
  });

  return {
    // IMMEDIATE takes the write lock up front, so a commit never waits on a lock it cannot get.
    enqueueOutbound: (message) => enqueue.immediate(message),
    readOutbound: read,
    listOutbound: (states, limit) =>
      (states === null ? selectMessages.all(limit) : selectMessagesIn.all(JSON.stringify(states), limit)).map(messageFromRow),
    countOutbound(): OutboxCounts {
      const counts: OutboxCounts = { queued: 0, sending: 0, sent: 0, failed: 0, cancelled: 0 };
      for (const row of countByState.all()) counts[storedChoice(OUTBOX_STATES, row.state, 'outbox')] = row.count;
      return counts;
    },
    outboundDestinations: () => selectDestinations.all(),
    queuedOutbound({ profileId, topic }, fits) {
      const taken: QueuedOutbound[] = [];
      let bytesBefore = 0;
      // Iterated, not read whole: a sender takes a batch off the front of a queue that may be long.
      for (const row of selectQueued.iterate(profileId, topic)) {
        const next: QueuedOutbound = { id: row.id, precedence: storedChoice(PRECEDENCES, row.precedence, 'outbox'), bytes: row.bytes, wireBytes: row.wire_bytes, reason: row.reason, payload: row.payload, recordKey: row.record_key };
        if (!fits(next, taken.length, bytesBefore)) break;
        taken.push(next);
        bytesBefore += next.bytes;
      }
      return taken;
    },
    transitionOutbound: (id, from, change) => transition.immediate(id, from, change),
    transitionOutboundMany: (from, changes) => transitionMany.immediate(from, changes),
    reviseOutbound: (id, revision) => revise.immediate(id, revision),
    outboundBacklogs: (): OutboundBacklog[] => selectBacklogs.all(),
    outboundBudget: ({ profileId, topic }) => selectBudget.get(profileId, topic) ?? null,
    setOutboundBudget({ profileId, topic }, bytesPerSecond) {
      if (bytesPerSecond === null) deleteBudget.run(profileId, topic);
      else upsertBudget.run(profileId, topic, bytesPerSecond);
    },
    requeueInterruptedOutbound: (at, note) => requeueInterrupted.immediate(at, note),
  };
}

/** A message's columns as the analyst wrote it, for a new row or a rewritten one. */
function draftColumns(draft: OutboxDraft, payload: Uint8Array, wireBytes: number) {
  return {
    profileId: draft.profileId,
    topic: draft.topic,
    precedence: draft.precedence,
    format: draft.format,
    classification: draft.classification,
    content: JSON.stringify(draft.content),
    payload,
    bytes: payload.byteLength,
    wireBytes,
  };
}
/** Changes that differ only in where each message landed, grouped so that each group is one UPDATE. */
function groupByChange(
  changes: readonly { readonly id: string; readonly change: OutboundTransition }[],
): { readonly change: OutboundTransition; readonly moving: { id: string; partition: number | null; offset: string | null }[] }[] {
  const groups = new Map<string, { readonly change: OutboundTransition; readonly moving: { id: string; partition: number | null; offset: string | null }[] }>();
  for (const { id, change } of changes) {
    const { partition, offset, ...common } = change;
    const key = JSON.stringify(common);
    let group = groups.get(key);
    if (group === undefined) {
      group = { change: common, moving: [] };
      groups.set(key, group);
    }
    group.moving.push({ id, partition: partition ?? null, offset: offset ?? null });
  }
  return [...groups.values()];
}
