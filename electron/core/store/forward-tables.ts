import type { Database } from 'better-sqlite3-multiple-ciphers';
import type { Track } from '../../../shared/domain';
import { ForwardRuleInputSchema, type ForwardRuleInput } from '../../../shared/forwarding';
import type { EntityForwardState, ForwardMessage } from '../forwarding/decimation';
import { createRecordFixReads } from './record-fixes';

/** A rule as stored: what the analyst saved, and where it stands. */
export interface StoredForwardRule {
  readonly input: ForwardRuleInput;
  readonly paused: boolean;
  /** The last record judged. */
  readonly cursor: number;
  readonly recordsSeen: number;
  readonly recordsForwarded: number;
  readonly bytesSeen: number;
  /** Wire bytes of its positions the broker has acknowledged. */
  readonly bytesSent: number;
  readonly createdAt: number;
  readonly updatedAt: number;
}

/** A cached record of a rule's source profile, with what forwarding reads of it. */
export interface SourceRecord {
  readonly id: number;
  readonly topic: string;
  readonly partition: number;
  readonly offset: string;
  readonly bytes: number;
  /** Null unless asked for: the raw value is read only when it is to be sent. */
  readonly value: Uint8Array | null;
}

/** One page of a rule's work, kept or lost as a whole. */
export interface ForwardStep {
  readonly ruleId: string;
  readonly cursor: number;
  readonly seen: number;
  readonly forwarded: number;
  readonly bytesSeen: number;
  readonly states: ReadonlyMap<string, EntityForwardState>;
  /** Queued in this order, in the same transaction. */
  readonly queue: readonly ForwardMessage[];
}

/** What the outbox holds for a rule. */
export interface ForwardQueueFigures {
  readonly queued: number;
  readonly queuedWireBytes: number;
}

export interface ForwardTables {
  listRules(): StoredForwardRule[];
  /** Creates a rule starting after the newest cached record, or replaces one's definition and keeps where it stands. */
  saveRule(input: ForwardRuleInput, now: number): StoredForwardRule;
  removeRule(id: string): boolean;
  setPaused(id: string, paused: boolean, now: number): StoredForwardRule | null;
  /** Of the `limit` records after `cursor`, the source profile's, oldest first, and the id of the last one looked at. */
  recordsAfter(profileId: string, cursor: number, limit: number, withValue: boolean): { readonly records: SourceRecord[]; readonly lastLooked: number | null };
  tracksByRecord(after: number, last: number): Map<number, Track[]>;
  entityStates(ruleId: string, uids: Iterable<string>): Map<string, EntityForwardState>;
  /** Entities whose held position has waited since `heldBy` or before. */
  heldSince(ruleId: string, heldBy: number): Map<string, EntityForwardState>;
  /** Advances the rule, writes the entities' states and queues the positions, in one transaction. */
  applyStep(step: ForwardStep, enqueue: (message: ForwardMessage) => void): void;
  queueFigures(): Map<string, ForwardQueueFigures>;
  /** Credits each message's rule, if it has one, with the link bytes it cost, once the broker has acknowledged it. */
  creditSent(sent: readonly { readonly id: string; readonly bytes: number }[]): void;
  /** The ids of the rule's positions still queued. */
  queuedOfRule(ruleId: string): string[];
}

interface RuleRow {
  id: string;
  definition: string;
  paused: number;
  cursor: number;
  records_seen: number;
  records_forwarded: number;
  bytes_seen: number;
  bytes_sent: number;
  created_at: number;
  updated_at: number;
}

interface EntityRow {
  uid: string;
  last_sent_time: number | null;
  pending_time: number | null;
  pending_payload: Buffer | null;
  pending_summary: string | null;
  pending_held_at: number | null;
}

export function createForwardTables(db: Database): ForwardTables {
  const selectRules = db.prepare<[], RuleRow>('SELECT * FROM forward_rules ORDER BY created_at, id');
  const selectRule = db.prepare<[string], RuleRow>('SELECT * FROM forward_rules WHERE id = ?');
  const newestRecord = db.prepare<[], number>('SELECT coalesce(max(id), 0) FROM records').pluck();
  const insertRule = db.prepare<{ id: string; definition: string; cursor: number; now: number }>(
    'INSERT INTO forward_rules (id, definition, cursor, created_at, updated_at) VALUES (@id, @definition, @cursor, @now, @now)',
  );
  const updateDefinition = db.prepare<[string, number, string]>('UPDATE forward_rules SET definition = ?, updated_at = ? WHERE id = ?');
  const deleteRule = db.prepare<[string]>('DELETE FROM forward_rules WHERE id = ?');
  const updatePaused = db.prepare<[number, number, string]>('UPDATE forward_rules SET paused = ?, updated_at = ? WHERE id = ?');
  const advance = db.prepare<[number, number, number, number, string]>(
    'UPDATE forward_rules SET cursor = ?, records_seen = records_seen + ?, records_forwarded = records_forwarded + ?, bytes_seen = bytes_seen + ? WHERE id = ?',
  );
  // Every record after the cursor is looked at, the source's kept: a stretch of other profiles' records moves the cursor on too.
  const page = db.prepare<[number, number], Omit<SourceRecord, 'value'> & { source: string }>(
    `SELECT id, source, topic, partition, CAST("offset" AS TEXT) AS offset, length(value) AS bytes FROM records WHERE id > ? ORDER BY id LIMIT ?`,
  );
  const pageWithValue = db.prepare<[string, number, number], SourceRecord & { source: string }>(
    `SELECT id, source, topic, partition, CAST("offset" AS TEXT) AS offset, length(value) AS bytes, CASE WHEN source = ? THEN value END AS value
     FROM records WHERE id > ? ORDER BY id LIMIT ?`,
  );
  const selectEntity = db.prepare<[string, string], EntityRow>(
    'SELECT uid, last_sent_time, pending_time, pending_payload, pending_summary, pending_held_at FROM forward_entities WHERE rule_id = ? AND uid = ?',
  );
  const selectHeld = db.prepare<[string, number], EntityRow>(
    `SELECT uid, last_sent_time, pending_time, pending_payload, pending_summary, pending_held_at
     FROM forward_entities WHERE rule_id = ? AND pending_held_at IS NOT NULL AND pending_held_at <= ?`,
  );
  const upsertEntity = db.prepare<{
    ruleId: string;
    uid: string;
    lastSentTime: number | null;
    pendingTime: number | null;
    pendingPayload: Uint8Array | null;
    pendingSummary: string | null;
    pendingHeldAt: number | null;
  }>(`
    INSERT INTO forward_entities (rule_id, uid, last_sent_time, pending_time, pending_payload, pending_summary, pending_held_at)
    VALUES (@ruleId, @uid, @lastSentTime, @pendingTime, @pendingPayload, @pendingSummary, @pendingHeldAt)
    ON CONFLICT (rule_id, uid) DO UPDATE SET
      last_sent_time = excluded.last_sent_time, pending_time = excluded.pending_time, pending_payload = excluded.pending_payload,
      pending_summary = excluded.pending_summary, pending_held_at = excluded.pending_held_at`);
  const selectFigures = db.prepare<[], { rule_id: string; count: number; wire_bytes: number }>(
    `SELECT forward_rule_id AS rule_id, count(*) AS count, coalesce(sum(wire_bytes), 0) AS wire_bytes
     FROM outbox_messages WHERE forward_rule_id IS NOT NULL AND state = 'queued' GROUP BY forward_rule_id`,
  );
  // The messages arrive as a JSON array of {id, bytes}, so one statement credits a whole batch.
  const credit = db.prepare<[string]>(`
    UPDATE forward_rules SET bytes_sent = bytes_sent + sent.bytes
    FROM (
      SELECT m.forward_rule_id AS rule_id, CAST(round(sum(json_extract(j.value, '$.bytes'))) AS INTEGER) AS bytes
      FROM json_each(?) AS j JOIN outbox_messages AS m ON m.id = json_extract(j.value, '$.id')
      WHERE m.forward_rule_id IS NOT NULL GROUP BY m.forward_rule_id
    ) AS sent
    WHERE forward_rules.id = sent.rule_id`);
  const selectQueuedOfRule = db.prepare<[string], string>("SELECT id FROM outbox_messages WHERE forward_rule_id = ? AND state = 'queued' ORDER BY seq").pluck();
  const recordFixes = createRecordFixReads(db);

  const read = (id: string): StoredForwardRule | null => {
    const row = selectRule.get(id);
    return row === undefined ? null : ruleFromRow(row);
  };
  const save = db.transaction((input: ForwardRuleInput, now: number): StoredForwardRule => {
    const definition = JSON.stringify(input);
    if (selectRule.get(input.id) === undefined) insertRule.run({ id: input.id, definition, cursor: newestRecord.get() ?? 0, now });
    else updateDefinition.run(definition, now, input.id);
    return read(input.id)!;
  });
  const apply = db.transaction((step: ForwardStep, enqueue: (message: ForwardMessage) => void): void => {
    advance.run(step.cursor, step.seen, step.forwarded, step.bytesSeen, step.ruleId);
    for (const [uid, state] of step.states) {
      upsertEntity.run({
        ruleId: step.ruleId,
        uid,
        lastSentTime: state.lastSentTime,
        pendingTime: state.held?.message.time ?? null,
        pendingPayload: state.held?.message.payload ?? null,
        pendingSummary: state.held?.message.summary ?? null,
        pendingHeldAt: state.held?.heldAt ?? null,
      });
    }
    for (const message of step.queue) enqueue(message);
  });

  return {
    listRules: () => selectRules.all().map(ruleFromRow),
    saveRule: (input, now) => save.immediate(input, now),
    removeRule: (id) => deleteRule.run(id).changes > 0,
    setPaused(id, paused, now) {
      updatePaused.run(paused ? 1 : 0, now, id);
      return read(id);
    },
    recordsAfter(profileId, cursor, limit, withValue) {
      const looked = withValue ? pageWithValue.all(profileId, cursor, limit) : page.all(cursor, limit).map((record) => ({ ...record, value: null }));
      const records = looked.filter((record) => record.source === profileId).map(({ source: _source, ...record }) => record);
      return { records, lastLooked: looked.at(-1)?.id ?? null };
    },
    tracksByRecord: (after, last) => recordFixes.tracksByRecord(after, last),
    entityStates(ruleId, uids) {
      const states = new Map<string, EntityForwardState>();
      for (const uid of uids) {
        const row = selectEntity.get(ruleId, uid);
        if (row !== undefined) states.set(uid, stateFromRow(row));
      }
      return states;
    },
    heldSince: (ruleId, heldBy) => new Map(selectHeld.all(ruleId, heldBy).map((row) => [row.uid, stateFromRow(row)])),
    applyStep: (step, enqueue) => apply.immediate(step, enqueue),
    queueFigures: () => new Map(selectFigures.all().map((row) => [row.rule_id, { queued: row.count, queuedWireBytes: row.wire_bytes }])),
    creditSent(sent) {
      if (sent.length > 0) credit.run(JSON.stringify(sent));
    },
    queuedOfRule: (ruleId) => selectQueuedOfRule.all(ruleId),
  };
}

function ruleFromRow(row: RuleRow): StoredForwardRule {
  return {
    input: ForwardRuleInputSchema.parse(JSON.parse(row.definition)),
    paused: row.paused === 1,
    cursor: row.cursor,
    recordsSeen: row.records_seen,
    recordsForwarded: row.records_forwarded,
    bytesSeen: row.bytes_seen,
    bytesSent: row.bytes_sent,
    createdAt: row.created_at,
    updatedAt: row.updated_at,
  };
}

function stateFromRow(row: EntityRow): EntityForwardState {
  const held =
    row.pending_time === null || row.pending_payload === null || row.pending_held_at === null
      ? null
      : {
          heldAt: row.pending_held_at,
          message: { id: messageIdOf(row.pending_payload), uid: row.uid, time: row.pending_time, payload: row.pending_payload, summary: row.pending_summary ?? row.uid },
        };
  return { lastSentTime: row.last_sent_time, held };
}

/** A held position's id is inside its payload; it is not stored twice. */
function messageIdOf(payload: Uint8Array): string {
  return (JSON.parse(new TextDecoder().decode(payload)) as { id: string }).id;
}
