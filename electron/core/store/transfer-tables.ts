import type { Database } from 'better-sqlite3-multiple-ciphers';
import type { Track } from '../../../shared/domain';
import { IMPORT_FORMATS, type ImportSource } from '../../../shared/transfer';
import { storedChoice } from './stored-choice';
import { FIX_TRACK_COLUMNS, FIX_TRACK_JOINS, trackFromRow, type TrackRow } from './track-row';

/** One cached fix with everything an export writes about it. */
export interface ExportRow extends Track {
  /** entities.id: with time and recordId, where the next page starts. */
  readonly entity: number;
  readonly recordId: number;
}

/** A fix by its key, as a search row names it. */
export interface FixKey {
  readonly time: number;
  readonly uid: string;
  readonly recordId: number;
}

export type ExportCursor = Pick<ExportRow, 'time' | 'entity' | 'recordId'>;

export interface TransferTables {
  /** Fixes in [from, to] after the cursor, in (time, entity, record) order. */
  exportPage(from: number, to: number, after: ExportCursor | null, limit: number): ExportRow[];
  countFixesBetween(from: number, to: number): number;
  /** The fixes with these keys, in the keys' order; a key whose fix retention has evicted is left out. */
  exportRowsOf(keys: readonly FixKey[]): ExportRow[];
  /** Adds or replaces an import source; the same file imported again keeps its id. */
  saveImportSource(source: ImportSource): void;
  /** Newest first. */
  listImportSources(): ImportSource[];
  /** How many records of a source are cached and how many were quarantined. */
  countSource(source: string): { records: number; quarantined: number };
}

interface ExportRowColumns extends TrackRow {
  entity: number;
  record_id: number;
}

interface ImportSourceColumns {
  id: string;
  name: string;
  format: string;
  file_name: string;
  records: number;
  quarantined: number;
  imported_at: number;
}

const EXPORT_COLUMNS = `p.entity, p.record_id, ${FIX_TRACK_COLUMNS}`;
const EXPORT_JOINS = FIX_TRACK_JOINS;

export const EXPORT_FIRST_PAGE_SQL = `SELECT ${EXPORT_COLUMNS} FROM positions AS p ${EXPORT_JOINS}
  WHERE p.time >= ? AND p.time <= ? ORDER BY p.time, p.entity, p.record_id LIMIT ?`;
export const EXPORT_NEXT_PAGE_SQL = `SELECT ${EXPORT_COLUMNS} FROM positions AS p ${EXPORT_JOINS}
  WHERE (p.time, p.entity, p.record_id) > (?, ?, ?) AND p.time <= ? ORDER BY p.time, p.entity, p.record_id LIMIT ?`;
export const EXPORT_ROW_OF_SQL = `SELECT ${EXPORT_COLUMNS} FROM positions AS p ${EXPORT_JOINS}
  WHERE p.time = ? AND p.entity = (SELECT id FROM entities WHERE uid = ?) AND p.record_id = ?`;

export function createTransferTables(db: Database): TransferTables {
  const firstPage = db.prepare<[number, number, number], ExportRowColumns>(EXPORT_FIRST_PAGE_SQL);
  const nextPage = db.prepare<[number, number, number, number, number], ExportRowColumns>(EXPORT_NEXT_PAGE_SQL);
  const rowOf = db.prepare<[number, string, number], ExportRowColumns>(EXPORT_ROW_OF_SQL);
  const countBetween = db.prepare<[number, number], number>('SELECT count(*) FROM positions WHERE time >= ? AND time <= ?').pluck();
  const upsertSource = db.prepare(`
    INSERT INTO import_sources (id, name, format, file_name, records, quarantined, imported_at) VALUES (?, ?, ?, ?, ?, ?, ?)
    ON CONFLICT(id) DO UPDATE SET name = excluded.name, format = excluded.format, file_name = excluded.file_name,
      records = excluded.records, quarantined = excluded.quarantined, imported_at = excluded.imported_at`);
  const listSources = db.prepare<[], ImportSourceColumns>('SELECT * FROM import_sources ORDER BY imported_at DESC, id');
  const countRecords = db.prepare<[string], number>('SELECT count(*) FROM records WHERE source = ?').pluck();
  const countQuarantined = db.prepare<[string], number>('SELECT count(*) FROM quarantine WHERE source = ?').pluck();

  return {
    exportPage: (from, to, after, limit) =>
      (after === null ? firstPage.all(from, to, limit) : nextPage.all(after.time, after.entity, after.recordId, to, limit)).map(toExportRow),
    countFixesBetween: (from, to) => countBetween.get(from, to) ?? 0,
    exportRowsOf(keys) {
      const rows: ExportRow[] = [];
      for (const key of keys) {
        const row = rowOf.get(key.time, key.uid, key.recordId);
        if (row !== undefined) rows.push(toExportRow(row));
      }
      return rows;
    },
    saveImportSource(source) {
      upsertSource.run(source.id, source.name, source.format, source.fileName, source.records, source.quarantined, source.importedAt);
    },
    listImportSources: () =>
      listSources.all().map((row) => ({
        id: row.id,
        name: row.name,
        format: storedChoice(IMPORT_FORMATS, row.format, 'import_sources'),
        fileName: row.file_name,
        records: row.records,
        quarantined: row.quarantined,
        importedAt: row.imported_at,
      })),
    countSource: (source) => ({ records: countRecords.get(source) ?? 0, quarantined: countQuarantined.get(source) ?? 0 }),
  };
}

function toExportRow(row: ExportRowColumns): ExportRow {
  return { ...trackFromRow(row), entity: row.entity, recordId: row.record_id };
}
