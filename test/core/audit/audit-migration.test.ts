import { join } from 'node:path';
import BetterSqlite3 from 'better-sqlite3-multiple-ciphers';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { migrate } from '../../../electron/core/store/migrate';
import { migrations } from '../../../electron/core/store/migrations';
import { AUDIT_APPEND_ONLY_SENTENCE } from '../../../electron/core/store/migrations/0010-audit';
import { openDatabase } from '../../../electron/core/store/open-database';
import { queryPlanOf } from '../../support/query-plan';
import { makeTempDir } from '../../support/temp-dir';

const KEY = 'a'.repeat(64);

describe('Given a cache at schema 9 with data in it', () => {
  it('When it is migrated to schema 10, Then an empty, strict, append-only audit log is added and the data stays', () => {
    const db = new BetterSqlite3(':memory:');
    migrate(db, migrations.slice(0, 9));
    db.prepare("INSERT INTO meta (key, value) VALUES ('probe', 'kept')").run();

    expect(migrate(db, migrations.slice(0, 10))).toEqual({ from: 9, to: 10 });

    expect(db.prepare("SELECT value FROM meta WHERE key = 'probe'").pluck().get()).toBe('kept');
    expect(db.prepare('SELECT count(*) FROM audit_log').pluck().get()).toBe(0);
    expect(db.prepare<[], { strict: number }>("SELECT strict FROM pragma_table_list WHERE name = 'audit_log'").get()?.strict).toBe(1);
    expect(db.prepare("SELECT name FROM sqlite_master WHERE type = 'trigger' AND tbl_name = 'audit_log' ORDER BY name").pluck().all()).toEqual([
      'audit_log_no_delete',
      'audit_log_no_update',
    ]);
    db.close();
  });
});

describe('Given a new encrypted cache at the newest schema', () => {
  let dir: ReturnType<typeof makeTempDir>;
  beforeEach(() => {
    dir = makeTempDir();
  });
  afterEach(() => dir.remove());

  const insertRow = "INSERT INTO audit_log (at, actor, action, subject, details, prev_hash, hash) VALUES (1, 'kim', 'rules.save', 'r', ?, zeroblob(32), zeroblob(32))";

  it('When an audit row is written, changed and removed, Then it is written, and the change and the removal are refused with the sentence', () => {
    const db = openDatabase({ file: join(dir.path, 'cache.db'), key: KEY });
    db.prepare(insertRow).run('{}');
    expect(() => db.prepare("UPDATE audit_log SET actor = 'x'").run()).toThrow(AUDIT_APPEND_ONLY_SENTENCE);
    expect(() => db.prepare('DELETE FROM audit_log').run()).toThrow(AUDIT_APPEND_ONLY_SENTENCE);
    expect(db.prepare('SELECT actor FROM audit_log').pluck().all()).toEqual(['kim']);
    db.close();
  });

  it('When a row with details that are not JSON, or a hash that is not 32 bytes, is written, Then SQLite refuses it', () => {
    const db = openDatabase({ file: join(dir.path, 'cache.db'), key: KEY });
    expect(() => db.prepare(insertRow).run('not json')).toThrow(/CHECK constraint failed/);
    expect(() => db.prepare("INSERT INTO audit_log (at, actor, action, subject, details, prev_hash, hash) VALUES (1, 'kim', 'a', 's', '{}', zeroblob(32), zeroblob(31))").run()).toThrow(
      /CHECK constraint failed/,
    );
    db.close();
  });

  it('When rows are deleted behind the triggers, Then the highest id ever given stays in sqlite_sequence and a new row does not reuse it', () => {
    const db = openDatabase({ file: join(dir.path, 'cache.db'), key: KEY });
    for (let i = 0; i < 3; i += 1) db.prepare(insertRow).run('{}');
    db.exec('DROP TRIGGER audit_log_no_delete; DELETE FROM audit_log WHERE id = 3;');
    expect(db.prepare("SELECT seq FROM sqlite_sequence WHERE name = 'audit_log'").pluck().get()).toBe(3);
    expect(db.prepare(insertRow).run('{}').lastInsertRowid).toBe(4);
    db.close();
  });
});

describe('Given the audit trail queries', () => {
  it('When the last hash is read before each append, Then SQLite walks the table from its end with no sort, so the limit stops it at the newest row', () => {
    expect(queryPlanOf('SELECT hash FROM audit_log ORDER BY id DESC LIMIT 1')).toBe('SCAN audit_log');
  });

  it('When verify walks the log, Then it reads the table in id order with no sort', () => {
    expect(queryPlanOf('SELECT id, at, actor, action, subject, details, prev_hash, hash FROM audit_log ORDER BY id')).toBe('SCAN audit_log');
  });
});
