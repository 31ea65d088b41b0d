import type { Database } from 'better-sqlite3-multiple-ciphers';

/** SQLite's plan for `sql` with its parameters bound, on the given cache, one step per line. */
export function boundQueryPlanOf(db: Database, sql: string, args: readonly unknown[]): string {
  return db
    .prepare<unknown[], { detail: string }>(`EXPLAIN QUERY PLAN ${sql}`)
    .all(...args)
    .map((row) => row.detail)
    .join('\n');
}
