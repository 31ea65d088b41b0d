import type { Database } from 'better-sqlite3-multiple-ciphers';
import { UserFacingError } from '../user-facing-error';
import type { Migration } from './migration';

/**
 * Brings the schema to the newest version in one transaction, keyed on
 * `user_version`. A cache written by a newer Outpost is refused rather than
 * guessed at, because an older build could silently corrupt it.
 */
export function migrate(db: Database, migrations: readonly Migration[]): { from: number; to: number } {
  const latest = migrations.at(-1)?.version ?? 0;
  migrations.forEach((migration, index) => {
    if (migration.version !== index + 1) {
      throw new Error(`Migration ${migration.name} has version ${migration.version}; expected ${index + 1}.`);
    }
  });

  const current = db.pragma('user_version', { simple: true }) as number;
  if (current > latest) {
    throw new UserFacingError(
      `This offline cache was written by a newer version of Outpost (schema ${current}; this version knows up to ${latest}). ` +
        'Update Outpost, or start it with another data folder.',
    );
  }
  if (current === latest) return { from: current, to: latest };

  db.transaction(() => {
    for (const migration of migrations.slice(current)) migration.up(db);
    db.pragma(`user_version = ${latest}`);
  }).immediate();
  return { from: current, to: latest };
}
