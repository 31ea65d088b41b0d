import type { Database } from 'better-sqlite3-multiple-ciphers';
import type { QuarantinedRecordSummary } from '../../../shared/domain';
import type { PartitionOffset, Store } from './store';
import { trackFromRow, type TrackRow } from './track-row';

type IngestTables = Pick<
  Store,
  'listTracks' | 'readTrack' | 'trackUidsFrom' | 'listQuarantine' | 'countRecords' | 'countQuarantined' | 'countTracks' | 'nextOffsets' | 'readMeta' | 'writeMeta'
>;

/** The read side of what ingest writes, plus the small meta table. */
export function createIngestTables(db: Database): IngestTables {
  const readCounter = db.prepare<[string], number>('SELECT value FROM counters WHERE name = ?').pluck();
  // Hidden sources arrive as a JSON array so that one prepared statement serves any number of them.
  const selectTracks = db.prepare<[string, number], TrackRow>(
    'SELECT * FROM tracks WHERE source NOT IN (SELECT value FROM json_each(?)) ORDER BY time DESC LIMIT ?',
  );
  const countTrackRows = db.prepare<[string], number>('SELECT count(*) FROM tracks WHERE source NOT IN (SELECT value FROM json_each(?))').pluck();
  const selectTrack = db.prepare<[string], TrackRow>('SELECT * FROM tracks WHERE uid = ?');
  const selectUidsFrom = db.prepare<[string], string>('SELECT uid FROM tracks WHERE source = ?').pluck();
  const selectQuarantine = db.prepare<[number], QuarantinedRecordSummary>(
    `SELECT source, topic, partition, "offset", received_at AS receivedAt, error, length(value) AS bytes
     FROM quarantine ORDER BY id DESC LIMIT ?`,
  );
  const selectOffsets = db.prepare<[string], { topic: string; partition: number; next_offset: number }>(
    'SELECT topic, partition, next_offset FROM offsets WHERE source = ?',
  );
  const selectMeta = db.prepare<[string], string>('SELECT value FROM meta WHERE key = ?').pluck();
  const upsertMeta = db.prepare('INSERT INTO meta (key, value) VALUES (?, ?) ON CONFLICT(key) DO UPDATE SET value = excluded.value');

  return {
    listTracks: (limit, hiddenSources = []) => selectTracks.all(JSON.stringify(hiddenSources), limit).map(trackFromRow),
    readTrack: (uid) => {
      const row = selectTrack.get(uid);
      return row === undefined ? null : trackFromRow(row);
    },
    trackUidsFrom: (source) => selectUidsFrom.all(source),
    listQuarantine: (limit) => selectQuarantine.all(limit),
    // Kept as running totals by the ingest writer, so status never counts millions of rows.
    countRecords: () => readCounter.get('records') ?? 0,
    countQuarantined: () => readCounter.get('quarantined') ?? 0,
    countTracks: (hiddenSources = []) => countTrackRows.get(JSON.stringify(hiddenSources)) ?? 0,
    nextOffsets: (source): PartitionOffset[] =>
      selectOffsets.all(source).map((row) => ({ topic: row.topic, partition: row.partition, nextOffset: row.next_offset })),
    readMeta: (key) => selectMeta.get(key) ?? null,
    writeMeta: (key, value) => {
      upsertMeta.run(key, value);
    },
  };
}
