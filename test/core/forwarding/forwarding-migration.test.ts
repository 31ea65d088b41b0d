import BetterSqlite3, { type Database } from 'better-sqlite3-multiple-ciphers';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { migrate } from '../../../electron/core/store/migrate';
import { migrations } from '../../../electron/core/store/migrations';

/** SQLite's plan for `sql` with every parameter bound to `value`, one step per line. */
function planOf(db: Database, sql: string, value: unknown): string {
  const parameters = sql.split('?').length - 1;
  return db
    .prepare(`EXPLAIN QUERY PLAN ${sql}`)
    .all(...Array.from({ length: parameters }, () => value))
    .map((row) => (row as { detail: string }).detail)
    .join('\n');
}

describe('Given a cache at schema 10 with a queued message', () => {
  let db: Database;
  beforeEach(() => {
    db = new BetterSqlite3(':memory:');
    migrate(db, migrations.slice(0, 10));
    db.prepare(
      `INSERT INTO outbox_messages (id, profile_id, topic, precedence, state, format, content, payload, bytes, wire_bytes, created_at, updated_at)
       VALUES ('m1', 'edge', 'chat.out', 'routine', 'queued', 'json', '{}', x'00', 12, 10, 0, 0)`,
    ).run();
  });
  afterEach(() => db.close());

  it('When it is migrated to schema 11, Then strict forwarding tables exist, and the message stays with no record key and no rule', () => {
    expect(migrate(db, migrations.slice(0, 11))).toEqual({ from: 10, to: 11 });
    const tables = db.prepare<[], { name: string; strict: number }>("SELECT name, strict FROM pragma_table_list WHERE name LIKE 'forward_%' ORDER BY name").all();
    expect(tables).toEqual([
      { name: 'forward_entities', strict: 1 },
      { name: 'forward_rules', strict: 1 },
    ]);
    expect(db.prepare('SELECT id, record_key, forward_rule_id FROM outbox_messages').get()).toEqual({ id: 'm1', record_key: null, forward_rule_id: null });
    expect(() => db.prepare("INSERT INTO forward_rules (id, definition, cursor, created_at, updated_at) VALUES ('r', 'not json', 0, 0, 0)").run()).toThrow(/CHECK/);
  });

  it('When a rule is removed, Then its entities’ states go with it', () => {
    migrate(db, migrations);
    db.pragma('foreign_keys = ON');
    db.prepare("INSERT INTO forward_rules (id, definition, cursor, created_at, updated_at) VALUES ('r', '{}', 0, 0, 0)").run();
    db.prepare("INSERT INTO forward_entities (rule_id, uid, last_sent_time) VALUES ('r', 'unit-1', 5)").run();
    db.prepare("DELETE FROM forward_rules WHERE id = 'r'").run();
    expect(db.prepare('SELECT count(*) FROM forward_entities').pluck().get()).toBe(0);
  });
});

describe('Given the hot queries of forwarding', () => {
  let db: Database;
  beforeEach(() => {
    db = new BetterSqlite3(':memory:');
    migrate(db, migrations);
  });
  afterEach(() => db.close());

  it.each([
    ['a rule’s next page of records', 'SELECT id, source FROM records WHERE id > ? ORDER BY id LIMIT ?', /SEARCH records USING INTEGER PRIMARY KEY \(rowid>\?\)/],
    ['an entity’s state', 'SELECT last_sent_time FROM forward_entities WHERE rule_id = ? AND uid = ?', /SEARCH forward_entities USING PRIMARY KEY \(rule_id=\? AND uid=\?\)/],
    [
      'the positions held long enough',
      'SELECT uid FROM forward_entities WHERE rule_id = ? AND pending_held_at IS NOT NULL AND pending_held_at <= ?',
      /SEARCH forward_entities USING (COVERING )?INDEX forward_entities_pending \(rule_id=\? AND pending_held_at>\? AND pending_held_at<\?\)/,
    ],
    [
      'a rule’s queue',
      "SELECT id FROM outbox_messages WHERE forward_rule_id = ? AND state = 'queued' ORDER BY seq",
      /SEARCH outbox_messages USING INDEX outbox_by_forward_rule \(forward_rule_id=\? AND state=\?\)/,
    ],
  ])('When %s is planned, Then it is an index search, never a scan', (_name, sql, plan) => {
    const found = planOf(db, sql, 1);
    expect(found).toMatch(plan);
    expect(found).not.toMatch(/SCAN (records|forward_entities|outbox_messages)\b(?! USING)/);
  });

  it('When the figures of every rule are summed, Then only forwarded messages are read, from the index alone', () => {
    const found = planOf(
      db,
      "SELECT forward_rule_id, state, count(*), sum(wire_bytes) FROM outbox_messages WHERE forward_rule_id IS NOT NULL AND state IN ('queued', 'sent') GROUP BY forward_rule_id, state",
      1,
    );
    expect(found).toMatch(/USING COVERING INDEX outbox_by_forward_rule/);
  });

  it('When the analyst’s outbox list is read, Then the forwarded positions beside it are not walked and nothing is sorted', () => {
    const found = planOf(db, 'SELECT id FROM outbox_messages WHERE forward_rule_id IS NULL ORDER BY created_at DESC, seq DESC LIMIT ?', 200);
    expect(found).toMatch(/SCAN outbox_messages USING INDEX outbox_own_by_created/);
    expect(found).not.toContain('TEMP B-TREE');
  });

  it('When a destination’s queue is read past paused rules, Then it still walks the queue index in order without sorting', () => {
    const found = planOf(
      db,
      `SELECT id FROM outbox_messages WHERE state = 'queued' AND profile_id = ? AND topic = ?
       AND (forward_rule_id IS NULL OR forward_rule_id NOT IN (SELECT id FROM forward_rules WHERE paused = 1)) ORDER BY precedence_rank, seq`,
      'x',
    );
    expect(found).toMatch(/SEARCH outbox_messages USING INDEX outbox_queue/);
    expect(found).not.toContain('TEMP B-TREE');
  });
});
