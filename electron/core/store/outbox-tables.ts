import type { Database } from 'better-sqlite3-multiple-ciphers';
import {
  OUTBOX_STATES,
  OutboxContentSchema,
  PRECEDENCES,
  WIRE_FORMATS,
  type OutboxCounts,
  type OutboxHistoryEntry,
  type OutboxMessage,
  type OutboxState,
  type Precedence,
} from '../../../shared/outbox';
import type { NewOutboundMessage, OutboundDestination, OutboundTransition, Store } from './store';

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
  | 'nextOutbound'
  | 'transitionOutbound'
  | 'reprioritiseOutbound'
  | 'requeueInterruptedOutbound'
>;

/** Every column but the payload, which only the sender needs. */
const MESSAGE_COLUMNS = `seq, id, profile_id, topic, precedence, state, format, classification, content, bytes, attempts, reason,
  partition, "offset", created_at, updated_at`;

/**
 * The outbox queue. Every change of state is a conditional UPDATE plus a history entry in one
 * transaction, so two callers racing on the same message (a send finishing as the analyst
 * cancels) cannot both win, and the history never records a change that did not happen.
 */
export function createOutboxTables(db: Database): OutboxTables {
  const insertMessage = db.prepare(`
    INSERT INTO outbox_messages (id, profile_id, topic, precedence, state, format, classification, content, payload, bytes,
                                 created_at, updated_at)
    VALUES (@id, @profileId, @topic, @precedence, 'queued', @format, @classification, @content, @payload, @bytes,
            @createdAt, @createdAt)`);
  const insertHistory = db.prepare<[number, string, number, string | null]>(
    'INSERT INTO outbox_history (message_seq, state, at, note) VALUES (?, ?, ?, ?)',
  );
  const selectMessage = db.prepare<[string], MessageRow>(`SELECT ${MESSAGE_COLUMNS} FROM outbox_messages WHERE id = ?`);
  const selectHistory = db.prepare<[number], HistoryRow>('SELECT state, at, note FROM outbox_history WHERE message_seq = ? ORDER BY seq');
  // The states arrive as a JSON array so that one prepared statement serves any set of them.
  const selectMessagesIn = db.prepare<[string, number], MessageRow>(
    `SELECT ${MESSAGE_COLUMNS} FROM outbox_messages WHERE state IN (SELECT value FROM json_each(?))
     ORDER BY created_at DESC, seq DESC LIMIT ?`,
  );
  const selectMessages = db.prepare<[number], MessageRow>(
    `SELECT ${MESSAGE_COLUMNS} FROM outbox_messages ORDER BY created_at DESC, seq DESC LIMIT ?`,
  );
  const countByState = db.prepare<[], { state: string; count: number }>('SELECT state, count(*) AS count FROM outbox_messages GROUP BY state');
  const selectDestinations = db.prepare<[], OutboundDestination>(
    "SELECT DISTINCT profile_id AS profileId, topic FROM outbox_messages WHERE state = 'queued' ORDER BY profile_id, topic",
  );
  const selectNext = db.prepare<[string, string], MessageRow & { payload: Buffer }>(
    `SELECT ${MESSAGE_COLUMNS}, payload FROM outbox_messages
     WHERE state = 'queued' AND profile_id = ? AND topic = ?
     ORDER BY precedence_rank, seq LIMIT 1`,
  );
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
  const updatePrecedence = db.prepare<[string, number, string], { seq: number }>(
    "UPDATE outbox_messages SET precedence = ?, updated_at = ? WHERE id = ? AND state = 'queued' RETURNING seq",
  );
  const noteRequeued = db.prepare<[number, string]>(
    "INSERT INTO outbox_history (message_seq, state, at, note) SELECT seq, 'queued', ?, ? FROM outbox_messages WHERE state = 'sending' ORDER BY seq",
  );
  const requeueSending = db.prepare<[number]>("UPDATE outbox_messages SET state = 'queued', updated_at = ? WHERE state = 'sending'");

  const historyOf = (seq: number): OutboxHistoryEntry[] =>
    selectHistory.all(seq).map((row) => ({ state: oneOf(OUTBOX_STATES, row.state), at: row.at, note: row.note }));
  const messageFromRow = (row: MessageRow): OutboxMessage => ({
    id: row.id,
    profileId: row.profile_id,
    topic: row.topic,
    precedence: oneOf(PRECEDENCES, row.precedence),
    format: oneOf(WIRE_FORMATS, row.format),
    classification: row.classification,
    content: OutboxContentSchema.parse(JSON.parse(row.content)),
    state: oneOf(OUTBOX_STATES, row.state),
    reason: row.reason,
    bytes: row.bytes,
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
    const { draft } = message;
    const { lastInsertRowid } = insertMessage.run({
      id: message.id,
      profileId: draft.profileId,
      topic: draft.topic,
      precedence: draft.precedence,
      format: draft.format,
      classification: draft.classification,
      content: JSON.stringify(draft.content),
      payload: message.payload,
      bytes: message.payload.byteLength,
      createdAt: message.createdAt,
    });
    insertHistory.run(Number(lastInsertRowid), 'queued', message.createdAt, null);
    return readWritten(message.id);
  });
  const transition = db.transaction((id: string, from: readonly OutboxState[], change: OutboundTransition): OutboxMessage | null => {
    const updated = updateState.get({
      id,
      from: JSON.stringify(from),
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
    return readWritten(id);
  });
  const reprioritise = db.transaction((id: string, precedence: Precedence, at: number): OutboxMessage | null => {
    const updated = updatePrecedence.get(precedence, at, id);
    if (updated === undefined) return null;
    insertHistory.run(updated.seq, 'queued', at, `Precedence set to ${precedence.toUpperCase()}.`);
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
      for (const row of countByState.all()) counts[oneOf(OUTBOX_STATES, row.state)] = row.count;
      return counts;
    },
    outboundDestinations: () => selectDestinations.all(),
    nextOutbound({ profileId, topic }) {
      const row = selectNext.get(profileId, topic);
      return row === undefined ? null : { message: messageFromRow(row), payload: row.payload };
    },
    transitionOutbound: (id, from, change) => transition.immediate(id, from, change),
    reprioritiseOutbound: (id, precedence, at) => reprioritise.immediate(id, precedence, at),
    requeueInterruptedOutbound: (at, note) => requeueInterrupted.immediate(at, note),
  };
}

/** Narrows a value the table's CHECK constraint already limits to `allowed`. */
function oneOf<T extends string>(allowed: readonly T[], value: string): T {
  const known = allowed.find((candidate) => candidate === value);
  if (known === undefined) throw new Error(`The outbox holds "${value}" where one of ${allowed.join(', ')} was expected.`);
  return known;
}
