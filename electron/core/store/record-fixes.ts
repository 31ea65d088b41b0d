import type { Database } from 'better-sqlite3-multiple-ciphers';
import type { Track } from '../../../shared/domain';
import { FIX_TRACK_COLUMNS, FIX_TRACK_JOINS, trackFromRow, type TrackRow } from './track-row';

/** The fixes of the records with after < id <= last, as tracks, by record and then by entity: one range of positions_by_record. */
export const RECORD_FIXES_SQL = `SELECT p.record_id, ${FIX_TRACK_COLUMNS} FROM positions AS p ${FIX_TRACK_JOINS}
  WHERE p.record_id > ? AND p.record_id <= ? ORDER BY p.record_id, p.entity, p.time`;

/** The entities a record was decoded into, read back from its fixes; each record holds its fixes once. */
export interface RecordFixReads {
  /** Every fix of the records with after < id <= last, in record order. */
  fixesOfRecords(after: number, last: number): IterableIterator<{ readonly recordId: number; readonly track: Track }>;
  /** The same, gathered by record; for a page of records. */
  tracksByRecord(after: number, last: number): Map<number, Track[]>;
}

export function createRecordFixReads(db: Database): RecordFixReads {
  const fixesOfRecords = db.prepare<[number, number], TrackRow & { record_id: number }>(RECORD_FIXES_SQL);

  function* iterate(after: number, last: number): IterableIterator<{ readonly recordId: number; readonly track: Track }> {
    for (const row of fixesOfRecords.iterate(after, last)) yield { recordId: row.record_id, track: trackFromRow(row) };
  }

  return {
    fixesOfRecords: iterate,
    tracksByRecord(after, last) {
      const byRecord = new Map<number, Track[]>();
      for (const row of fixesOfRecords.all(after, last)) {
        const tracks = byRecord.get(row.record_id);
        if (tracks === undefined) byRecord.set(row.record_id, [trackFromRow(row)]);
        else tracks.push(trackFromRow(row));
      }
      return byRecord;
    },
  };
}
