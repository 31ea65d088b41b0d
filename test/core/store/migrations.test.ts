import { readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import BetterSqlite3 from 'better-sqlite3-multiple-ciphers';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { migrate } from '../../../electron/core/store/migrate';
import { migrations } from '../../../electron/core/store/migrations';
import { openDatabase } from '../../../electron/core/store/open-database';
import { createRuleTables } from '../../../electron/core/store/rule-tables';
import { TRACK_HISTORY_SQL } from '../../../electron/core/store/track-history-queries';
import { REVIEW_SQL } from '../../../electron/core/store/review-queries';
import { createStore } from '../../../electron/core/store/store';
import { ENTITY_FIX_SQL } from '../../../electron/core/store/entity-fixes';
import { RECORD_FIXES_SQL } from '../../../electron/core/store/record-fixes';
import { UserFacingError } from '../../../electron/core/user-facing-error';
import { boundQueryPlanOf } from '../review/bound-query-plan';
import { makeTempDir } from '../../support/temp-dir';

const KEY = 'a'.repeat(64);
const OTHER_KEY = 'b'.repeat(64);

describe('Given the cache schema migrations', () => {
  let dir: ReturnType<typeof makeTempDir>;
  let file: string;
  beforeEach(() => {
    dir = makeTempDir();
    file = join(dir.path, 'cache.db');
  });
  afterEach(() => dir.remove());

  it('Then migrations are numbered one after another from 1', () => {
    expect(migrations.map((m) => m.version)).toEqual(migrations.map((_, index) => index + 1));
  });

  it('When a new cache is opened, Then it is at the newest schema, in WAL mode, with every table', () => {
    const db = openDatabase({ file, key: KEY });
    expect(db.pragma('user_version', { simple: true })).toBe(migrations.length);
    expect(db.pragma('journal_mode', { simple: true })).toBe('wal');
    const tables = db.prepare<[], string>("SELECT name FROM sqlite_master WHERE type = 'table' ORDER BY name").pluck().all();
    expect(tables).toEqual([
      'alerts', 'audit_log', 'basemaps', 'cache_pins', 'cache_settings', 'callsigns', 'cot_types', 'counters', 'entities', 'forward_entities', 'forward_rules',
      'import_sources', 'meta', 'offsets',
      'outbox_budgets', 'outbox_history', 'outbox_messages', 'positions', 'profiles', 'quarantine', 'record_minutes', 'records',
      'records_fts', 'records_fts_config', 'records_fts_data', 'records_fts_docsize', 'records_fts_idx', 'review_keyframes', 'rules',
      'saved_searches', 'sqlite_sequence', 'streams', 'subscriptions', 'tracks',
    ]);
    db.close();
  });

  it('When the cache is opened again, Then migrations do not run twice and data stays', () => {
    const first = openDatabase({ file, key: KEY });
    first.prepare("INSERT INTO meta (key, value) VALUES ('probe', 'kept')").run();
    first.close();
    const second = openDatabase({ file, key: KEY });
    expect(second.prepare("SELECT value FROM meta WHERE key = 'probe'").pluck().get()).toBe('kept');
    expect(migrate(second, migrations)).toEqual({ from: migrations.length, to: migrations.length });
    second.close();
  });

  it('When a migration fails halfway, Then none of it is applied', () => {
    const db = new BetterSqlite3(':memory:');
    const broken = [
      ...migrations,
      {
        version: migrations.length + 1,
        name: 'broken',
        up: (target: typeof db) => {
          target.exec('CREATE TABLE half_done (x)');
          throw new Error('boom');
        },
      },
    ];
    expect(() => migrate(db, broken)).toThrow('boom');
    expect(db.pragma('user_version', { simple: true })).toBe(0);
    expect(db.prepare("SELECT count(*) FROM sqlite_master WHERE name = 'half_done'").pluck().get()).toBe(0);
    db.close();
  });

  it('When the cache comes from a newer Outpost, Then opening it is refused with a sentence that says what to do', () => {
    const db = openDatabase({ file, key: KEY });
    db.pragma(`user_version = ${migrations.length + 5}`);
    db.close();
    expect(() => openDatabase({ file, key: KEY })).toThrow(UserFacingError);
    expect(() => openDatabase({ file, key: KEY })).toThrow(/written by a newer version of Outpost .* Update Outpost/);
  });

  it('When the cache is opened with the wrong key, Then a clear error is raised and nothing is recreated', () => {
    openDatabase({ file, key: KEY }).close();
    const before = readFileSync(file);
    expect(() => openDatabase({ file, key: OTHER_KEY })).toThrow(/cannot be opened with the key Outpost holds/);
    expect(readFileSync(file).equals(before)).toBe(true);
  });

  it('When a plaintext SQLite file sits where the cache should be, Then Outpost refuses to use it', () => {
    const plain = new BetterSqlite3(file);
    plain.exec('CREATE TABLE t (x)');
    plain.close();
    expect(() => openDatabase({ file, key: KEY })).toThrow(/cannot be opened with the key Outpost holds/);
  });

  it('When records are stored, Then the file on disk holds neither the SQLite header nor their text', () => {
    const store = createStore(openDatabase({ file, key: KEY }));
    store.writeMeta('secret-callsign', 'NIGHTHAWK-SENTINEL');
    store.close();
    const bytes = readFileSync(file);
    expect(bytes.subarray(0, 16).toString('latin1')).not.toBe('SQLite format 3\0');
    expect(bytes.includes(Buffer.from('NIGHTHAWK-SENTINEL'))).toBe(false);
  });

  it('When a page of the cache is tampered with, Then opening it fails instead of reading bad data', () => {
    const store = createStore(openDatabase({ file, key: KEY }));
    for (let i = 0; i < 200; i += 1) store.writeMeta(`key-${i}`, 'x'.repeat(200));
    store.close();
    const bytes = readFileSync(file);
    bytes[bytes.length - 100] = (bytes[bytes.length - 100] ?? 0) ^ 0xff;
    writeFileSync(file, bytes);
    expect(() => {
      const db = openDatabase({ file, key: KEY });
      db.prepare('SELECT count(*) FROM meta').get();
      db.close();
    }).toThrow();
  });
});

describe('Given the hot queries', () => {
  it.each([
    ['latest tracks', `SELECT * FROM tracks WHERE source NOT IN (SELECT value FROM json_each('["demo"]')) ORDER BY time DESC LIMIT 100`, 'tracks_by_time'],
    ['resume offsets', `SELECT topic, partition, next_offset FROM offsets WHERE source = 'edge'`, 'PRIMARY KEY'],
    ['duplicate check', `SELECT 1 FROM records WHERE source = 'kafka' AND topic = 'cot' AND partition = 0 AND "offset" = 5`, 'records_by_position'],
  ])('When the %s query is planned, Then it uses an index, not a table scan', (_name, sql, index) => {
    const db = new BetterSqlite3(':memory:');
    migrate(db, migrations);
    const plan = db
      .prepare<[], { detail: string }>(`EXPLAIN QUERY PLAN ${sql}`)
      .all()
      .map((row) => row.detail)
      .join('\n');
    expect(plan).toContain(index);
    expect(plan).not.toMatch(/SCAN (tracks|records|offsets)(?! USING)/);
    db.close();
  });

  it('When retention looks for the oldest records, Then it walks them in stored order without sorting', () => {
    const db = new BetterSqlite3(':memory:');
    migrate(db, migrations);
    const plan = db
      .prepare<[], { detail: string }>('EXPLAIN QUERY PLAN SELECT id FROM records WHERE received_at < 5 ORDER BY id LIMIT 2000')
      .all()
      .map((row) => row.detail)
      .join('\n');
    expect(plan).not.toContain('TEMP B-TREE');
    db.close();
  });
});

describe('Given a cache at schema 1 with records in it', () => {
  it('When it is migrated to schema 2, Then offsets and counters are filled from what is already stored', () => {
    const db = new BetterSqlite3(':memory:');
    migrate(db, migrations.slice(0, 1));
    const insert = db.prepare(
      `INSERT INTO records (source, topic, partition, "offset", timestamp, received_at, value) VALUES ('kafka', 'cot', ?, ?, 0, 0, x'00')`,
    );
    for (const [partition, offset] of [[0, 0], [0, 1], [0, 2], [1, 7]] as const) insert.run(partition, offset);
    db.prepare(`INSERT INTO quarantine (source, topic, partition, "offset", received_at, error, value) VALUES ('kafka', 'cot', 0, 3, 0, 'bad', x'00')`).run();

    migrate(db, migrations.slice(0, 2));

    expect(db.prepare('SELECT partition, next_offset FROM offsets ORDER BY partition').raw().all()).toEqual([
      [0, 3],
      [1, 8],
    ]);
    expect(db.prepare('SELECT name, value FROM counters ORDER BY name').raw().all()).toEqual([
      ['quarantined', 1],
      ['records', 4],
    ]);
    db.close();
  });
});

describe('Given a cache at schema 2', () => {
  it('When it is migrated to schema 3, Then a strict basemaps table exists that keeps one row per file', () => {
    const db = new BetterSqlite3(':memory:');
    migrate(db, migrations.slice(0, 2));
    migrate(db, migrations);

    const table = db.prepare<[], { strict: number }>("SELECT strict FROM pragma_table_list WHERE name = 'basemaps'").get();
    expect(table).toEqual({ strict: 1 });
    const columns = db.prepare<[], string>("SELECT name FROM pragma_table_info('basemaps')").pluck().all();
    expect(columns).toEqual(['id', 'name', 'kind', 'path', 'added_at']);
    const insert = db.prepare('INSERT INTO basemaps (id, name, kind, path, added_at) VALUES (?, ?, ?, ?, 0)');
    insert.run('topo', 'Topo', 'mbtiles', '/maps/topo.mbtiles');
    expect(() => insert.run('topo-2', 'Topo', 'mbtiles', '/maps/topo.mbtiles')).toThrow(/UNIQUE/);
    expect(() => insert.run('shapes', 'Shapes', 'shapefile', '/maps/shapes.shp')).toThrow(/CHECK/);
    db.close();
  });
});

describe('Given a cache at schema 3 with records in it', () => {
  it('When it is migrated to schema 4, Then records are indexed by uid and event time and read newest first without sorting', () => {
    const db = new BetterSqlite3(':memory:');
    migrate(db, migrations.slice(0, 3));
    db.prepare(
      `INSERT INTO records (source, topic, partition, "offset", timestamp, received_at, value, uid, event_time) VALUES ('kafka', 'cot', 0, 0, 0, 0, x'00', 'unit-1', 5)`,
    ).run();

    migrate(db, migrations.slice(0, 4));

    const columns = db.prepare<[], string>("SELECT name FROM pragma_index_info('records_by_uid_time')").pluck().all();
    expect(columns).toEqual(['uid', 'event_time']);
    const plan = db
      .prepare<[], { detail: string }>("EXPLAIN QUERY PLAN SELECT decoded FROM records WHERE uid = 'unit-1' ORDER BY event_time DESC LIMIT 120")
      .all()
      .map((row) => row.detail)
      .join('\n');
    expect(plan).toContain('records_by_uid_time');
    expect(plan).not.toContain('TEMP B-TREE');
    expect(db.prepare("SELECT count(*) FROM records WHERE uid = 'unit-1'").pluck().get()).toBe(1);
    db.close();
  });
});

describe('Given a cache at schema 4 with records in it', () => {
  it('When it is migrated to schema 5, Then strict outbox tables exist, empty, and the records stay', () => {
    const db = new BetterSqlite3(':memory:');
    migrate(db, migrations.slice(0, 4));
    db.prepare(`INSERT INTO records (source, topic, partition, "offset", timestamp, received_at, value) VALUES ('kafka', 'cot', 0, 0, 0, 0, x'00')`).run();

    expect(migrate(db, migrations.slice(0, 5))).toEqual({ from: 4, to: 5 });

    const tables = db.prepare<[], { name: string; strict: number }>("SELECT name, strict FROM pragma_table_list WHERE name LIKE 'outbox_%' ORDER BY name").all();
    expect(tables).toEqual([
      { name: 'outbox_history', strict: 1 },
      { name: 'outbox_messages', strict: 1 },
    ]);
    expect(db.prepare<[], string>("SELECT name FROM pragma_index_info('outbox_queue')").pluck().all()).toEqual(['profile_id', 'topic', 'precedence_rank', 'seq']);
    expect(db.prepare('SELECT count(*) FROM outbox_messages').pluck().get()).toBe(0);
    expect(db.prepare('SELECT count(*) FROM records').pluck().get()).toBe(1);
    db.close();
  });

});

describe('Given a cache at schema 5 with queued messages', () => {
  it('When it is migrated to schema 6, Then each message is charged its uncompressed size, the queue index carries the cost and budgets have a table', () => {
    const db = new BetterSqlite3(':memory:');
    migrate(db, migrations.slice(0, 5));
    db.prepare(
      `INSERT INTO outbox_messages (id, profile_id, topic, precedence, state, format, content, payload, bytes, created_at, updated_at)
       VALUES ('m1', 'edge', 'chat.out', 'routine', 'queued', 'json', '{}', x'00', 412, 0, 0)`,
    ).run();

    expect(migrate(db, migrations.slice(0, 6))).toEqual({ from: 5, to: 6 });

    expect(db.prepare('SELECT wire_bytes FROM outbox_messages').pluck().get()).toBe(412);
    expect(db.prepare<[], string>("SELECT name FROM pragma_index_info('outbox_queue')").pluck().all()).toEqual(['profile_id', 'topic', 'precedence_rank', 'seq', 'wire_bytes']);
    expect(db.prepare<[], { name: string; strict: number; wr: number }>("SELECT name, strict, wr FROM pragma_table_list WHERE name = 'outbox_budgets'").get()).toEqual({ name: 'outbox_budgets', strict: 1, wr: 1 });
    expect(() => db.prepare("INSERT INTO outbox_budgets VALUES ('edge', 'chat.out', 0)").run()).toThrow(/CHECK/);
    db.close();
  });

});

describe('Given a cache at schema 6', () => {
  it('When it is migrated to schema 7, Then it starts with three rules that read back, and strict rules and alerts tables', () => {
    const db = new BetterSqlite3(':memory:');
    migrate(db, migrations.slice(0, 6));

    expect(migrate(db, migrations.slice(0, 7))).toEqual({ from: 6, to: 7 });

    expect(createRuleTables(db).listRules().map((rule) => [rule.id, rule.definition.kind, rule.enabled])).toEqual([
      ['feed-rate', 'rate', true],
      ['impossible-movement', 'kinematic', true],
      ['lost-track', 'stale', true],
    ]);
    const tables = db.prepare<[], { name: string; strict: number }>("SELECT name, strict FROM pragma_table_list WHERE name IN ('rules', 'alerts') ORDER BY name").all();
    expect(tables).toEqual([
      { name: 'alerts', strict: 1 },
      { name: 'rules', strict: 1 },
    ]);
    db.close();
  });

  it('When a cache at a newer schema meets this build, Then it is refused, not guessed at', () => {
    const db = new BetterSqlite3(':memory:');
    migrate(db, migrations);
    db.pragma(`user_version = ${migrations.length + 1}`);
    expect(() => migrate(db, migrations)).toThrow(`schema ${migrations.length + 1}; this version knows up to ${migrations.length}`);
    db.close();
  });
});

describe('Given a cache at schema 7 with records in it', () => {
  it('When it is migrated to schema 8, Then each stream is counted from the records already stored, and no fixes are counted yet', () => {
    const db = new BetterSqlite3(':memory:');
    migrate(db, migrations.slice(0, 7));
    const insert = db.prepare(`INSERT INTO records (source, topic, partition, "offset", timestamp, received_at, value) VALUES (?, ?, 0, ?, 0, 0, ?)`);
    insert.run('edge', 'cot', 0, Buffer.alloc(10));
    insert.run('edge', 'cot', 1, Buffer.alloc(30));
    insert.run('demo', 'demo', 0, Buffer.alloc(5));

    expect(migrate(db, migrations.slice(0, 8))).toEqual({ from: 7, to: 8 });

    expect(db.prepare('SELECT source, topic, records, bytes FROM streams ORDER BY source').raw().all()).toEqual([
      ['demo', 'demo', 1, 5],
      ['edge', 'cot', 2, 40],
    ]);
    expect(db.prepare("SELECT value FROM counters WHERE name = 'fixes'").pluck().get()).toBe(0);
    db.close();
  });

  it('When records with decoded fixes are migrated, Then their fixes, dictionaries and minutes are filled in, and the uid index they replace is gone', () => {
    const db = new BetterSqlite3(':memory:');
    migrate(db, migrations.slice(0, 7));
    const insert = db.prepare(`INSERT INTO records (source, topic, partition, "offset", timestamp, received_at, value, uid, event_time, decoded) VALUES ('edge', 'cot', 0, ?, 0, ?, x'00', ?, ?, ?)`);
    insert.run(0, 60_000, 'alpha', 1_000, '[["alpha","a-f-G","ALPHA",40,9,null,90,5,1000,61000],["bravo","a-h-A",null,41,10,100,null,null,1000,null]]');
    insert.run(1, 61_000, 'alpha', 2_000, '[["alpha","a-f-A","ALPHA 6",40.5,9.5,null,null,null,2000,null]]');
    insert.run(2, 125_000, null, null, null);

    migrate(db, migrations);

    expect(db.prepare('SELECT uid, callsign, cot_type, first_time, last_time FROM entities ORDER BY uid').raw().all()).toEqual([
      ['alpha', 'ALPHA 6', 'a-f-A', 1_000, 2_000],
      ['bravo', null, 'a-h-A', 1_000, 1_000],
    ]);
    expect(db.prepare('SELECT cot_type, affiliation, dimension FROM cot_types ORDER BY cot_type').raw().all()).toEqual([
      ['a-f-A', 'friend', 'air'],
      ['a-f-G', 'friend', 'ground'],
      ['a-h-A', 'hostile', 'air'],
    ]);
    const fixes = db.prepare(`
      SELECT p.time, e.uid, p.record_id, k.cot_type, c.callsign, s.topic, p.lat, p.lon, p.hae, p.course, p.speed, p.stale FROM positions p
      JOIN entities e ON e.id = p.entity JOIN cot_types k ON k.id = p.kind LEFT JOIN callsigns c ON c.id = p.label JOIN streams s ON s.id = p.stream
      ORDER BY p.time, e.uid`);
    expect(fixes.raw().all()).toEqual([
      [1_000, 'alpha', 1, 'a-f-G', 'ALPHA', 'cot', 40, 9, null, 90, 5, 61_000],
      [1_000, 'bravo', 1, 'a-h-A', null, 'cot', 41, 10, 100, null, null, null],
      [2_000, 'alpha', 2, 'a-f-A', 'ALPHA 6', 'cot', 40.5, 9.5, null, null, null, null],
    ]);
    expect(db.prepare("SELECT value FROM counters WHERE name = 'fixes'").pluck().get()).toBe(3);
    // By fix time: both records' fixes fall in the first minute; the record with none has no minute.
    expect(db.prepare('SELECT minute, first_record, last_record FROM record_minutes ORDER BY minute').raw().all()).toEqual([[0, 1, 2]]);
    expect(db.prepare("SELECT count(*) FROM sqlite_master WHERE name = 'records_by_uid_time'").pluck().get()).toBe(0);
    db.close();
  });
});

describe('Given a cache at schema 8 whose entities were written behind', () => {
  it('When it is migrated to schema 9, Then the per-entity index is led by a bucket of time, fixes are indexed by record, and each entity spans exactly its first to last fix', () => {
    const db = new BetterSqlite3(':memory:');
    migrate(db, migrations.slice(0, 8));
    db.exec(`
      INSERT INTO streams (source, topic) VALUES ('edge', 'cot');
      INSERT INTO cot_types (cot_type, affiliation, dimension) VALUES ('a-f-G', 'friend', 'ground');
      INSERT INTO entities (uid, cot_type, first_time, last_time) VALUES ('alpha', 'a-f-G', 5000, 5000), ('bravo', 'a-f-G', 9000, 9000);
      INSERT INTO positions (time, entity, record_id, kind, stream, lat, lon) VALUES
        (1000, 1, 1, 1, 1, 40, 9), (5000, 1, 2, 1, 1, 40, 9), (1300000, 1, 3, 1, 1, 40, 9), (9000, 2, 2, 1, 1, 41, 10);
    `);

    expect(migrate(db, migrations.slice(0, 9))).toEqual({ from: 8, to: 9 });

    expect(db.prepare('SELECT uid, first_time, last_time FROM entities ORDER BY uid').raw().all()).toEqual([
      ['alpha', 1_000, 1_300_000],
      ['bravo', 9_000, 9_000],
    ]);
    const indexes = db.prepare<[], string>("SELECT name FROM sqlite_master WHERE type = 'index' AND tbl_name = 'positions' AND sql IS NOT NULL").pluck().all();
    expect(indexes).toEqual(['positions_by_entity_bucket', 'positions_by_record']);
    expect(db.prepare('SELECT count(*) FROM positions').pluck().get()).toBe(4);
    db.close();
  });
});

describe('Given the SQLite build Outpost ships', () => {
  it('When its compile options are read, Then full-text search (FTS5) is in it, and a contentless table that deletes works', () => {
    const db = new BetterSqlite3(':memory:');
    expect(db.prepare("SELECT sqlite_compileoption_used('ENABLE_FTS5')").pluck().get()).toBe(1);
    db.exec("CREATE VIRTUAL TABLE probe USING fts5(body, content='', contentless_delete=1)");
    db.prepare('INSERT INTO probe (rowid, body) VALUES (7, ?)').run('convoy halted at the bridge');
    expect(db.prepare("SELECT rowid FROM probe WHERE probe MATCH 'bridge'").pluck().all()).toEqual([7]);
    db.prepare('DELETE FROM probe WHERE rowid = 7').run();
    expect(db.prepare("SELECT rowid FROM probe WHERE probe MATCH 'bridge'").pluck().all()).toEqual([]);
    db.close();
  });
});

describe('Given records with fixes, free text and stream counts derived from them', () => {
  const open = () => {
    const db = new BetterSqlite3(':memory:');
    migrate(db, migrations);
    db.exec(`
      INSERT INTO entities (id, uid, cot_type, first_time, last_time) VALUES (1, 'alpha', 'a-f-G', 100, 200), (2, 'bravo', 'a-h-G', 100, 100);
      INSERT INTO cot_types (id, cot_type, affiliation, dimension) VALUES (1, 'a-f-G', 'friend', 'ground');
      INSERT INTO streams (id, source, topic, records, bytes) VALUES (1, 'edge', 'cot', 2, 7);
      INSERT INTO records (id, source, topic, partition, "offset", timestamp, received_at, value) VALUES
        (1, 'edge', 'cot', 0, 0, 0, 0, x'010203'), (2, 'edge', 'cot', 0, 1, 0, 0, x'01020304');
      INSERT INTO positions (time, entity, record_id, kind, stream, lat, lon) VALUES (100, 1, 1, 1, 1, 1, 2), (100, 2, 1, 1, 1, 1, 2), (200, 1, 2, 1, 1, 1, 2);
      UPDATE counters SET value = 3 WHERE name = 'fixes';
      INSERT INTO records_fts (rowid, remarks, text) VALUES (1, 'convoy at the bridge', NULL), (2, 'holding at the ford', NULL);
    `);
    return db;
  };

  it('When retention deletes a record, Then its fixes, its free text and its share of the stream go with it, and nothing else does', () => {
    const db = open();
    db.prepare('DELETE FROM records WHERE id = 1').run();
    expect(db.prepare('SELECT time, entity, record_id FROM positions').raw().all()).toEqual([[200, 1, 2]]);
    expect(db.prepare("SELECT value FROM counters WHERE name = 'fixes'").pluck().get()).toBe(1);
    expect(db.prepare('SELECT records, bytes FROM streams').raw().get()).toEqual([1, 4]);
    expect(db.prepare("SELECT rowid FROM records_fts WHERE records_fts MATCH 'convoy OR holding'").pluck().all()).toEqual([2]);
    db.close();
  });

  it('When a record with no fixes and no free text is deleted, Then only its stream count changes', () => {
    const db = open();
    db.prepare(`INSERT INTO records (id, source, topic, partition, "offset", timestamp, received_at, value) VALUES (3, 'edge', 'cot', 0, 2, 0, 0, x'00')`).run();
    db.prepare('UPDATE streams SET records = records + 1, bytes = bytes + 1').run();
    db.prepare('DELETE FROM records WHERE id = 3').run();
    expect(db.prepare('SELECT count(*) FROM positions').pluck().get()).toBe(3);
    expect(db.prepare("SELECT value FROM counters WHERE name = 'fixes'").pluck().get()).toBe(3);
    expect(db.prepare('SELECT records, bytes FROM streams').raw().get()).toEqual([2, 7]);
    db.close();
  });

  it('When the trigger looks for the fixes of a record, Then it finds them through the record index rather than scanning', () => {
    const db = open();
    expect(boundQueryPlanOf(db, 'DELETE FROM positions WHERE record_id = ?', [1])).toBe('SEARCH positions USING INDEX positions_by_record (record_id=?)');
    db.close();
  });
});

describe('Given the hot queries of review', () => {
  it.each([
    ['seek: newest keyframe', REVIEW_SQL.keyframe, 'SEARCH review_keyframes USING INTEGER PRIMARY KEY (rowid<?)'],
    ['seek deltas and playback window', REVIEW_SQL.fixesBetween, 'SEARCH positions USING PRIMARY KEY (time>? AND time<?)'],
    ['trail, one bucket', ENTITY_FIX_SQL.trailInBucket, 'SEARCH positions USING COVERING INDEX positions_by_entity_bucket (<expr>=? AND entity=? AND time>? AND time<?)'],
    ['latest fix of an entity, one bucket', ENTITY_FIX_SQL.latestInBucket, 'SEARCH positions USING INDEX positions_by_entity_bucket (<expr>=? AND entity=? AND time<?)'],
    ['an entity by id', ENTITY_FIX_SQL.span, 'SEARCH entities USING INTEGER PRIMARY KEY (rowid=?)'],
    ['an entity by uid', ENTITY_FIX_SQL.spanOfUid, 'SEARCH entities USING INDEX sqlite_autoindex_entities_1 (uid=?)'],
    [
      'latest raw record, one bucket',
      TRACK_HISTORY_SQL.latestRecordInBucket,
      'SEARCH positions USING COVERING INDEX positions_by_entity_bucket (<expr>=? AND entity=?)\nSEARCH records USING INTEGER PRIMARY KEY (rowid=?)',
    ],
    [
      'fixes of records, for replay and track recovery',
      RECORD_FIXES_SQL,
      'SEARCH p USING INDEX positions_by_record (record_id>? AND record_id<?)\nSEARCH e USING INTEGER PRIMARY KEY (rowid=?)\nSEARCH t USING INTEGER PRIMARY KEY (rowid=?)\nSEARCH s USING INTEGER PRIMARY KEY (rowid=?)\nSEARCH c USING INTEGER PRIMARY KEY (rowid=?) LEFT-JOIN',
    ],
    ['track history, one bucket', TRACK_HISTORY_SQL.pointsInBucket, 'SEARCH positions USING INDEX positions_by_entity_bucket (<expr>=? AND entity=?)'],
  ])('When the %s query is planned, Then it is one range on an index, with no sort', (_name, sql, plan) => {
    const db = new BetterSqlite3(':memory:');
    migrate(db, migrations);
    expect(boundQueryPlanOf(db, sql, sql.split('?').slice(1).map(() => 0))).toBe(plan);
    db.close();
  });
});
