import BetterSqlite3 from 'better-sqlite3-multiple-ciphers';
import { migrate } from '../../electron/core/store/migrate';
import { migrations } from '../../electron/core/store/migrations';

/** SQLite's plan for `sql` on an empty cache at the newest schema, one step per line. */
export function queryPlanOf(sql: string): string {
  const db = new BetterSqlite3(':memory:');
  try {
    migrate(db, migrations);
    return db
      .prepare<[], { detail: string }>(`EXPLAIN QUERY PLAN ${sql}`)
      .all()
      .map((row) => row.detail)
      .join('\n');
  } finally {
    db.close();
  }
}
