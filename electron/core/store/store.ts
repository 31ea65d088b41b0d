import type { Database } from 'better-sqlite3-multiple-ciphers';
import type { Track } from '../../../shared/domain';
import { AFFILIATIONS, DIMENSIONS } from '../../../shared/cot-type';

/**
 * The SQL contract: every statement the core runs against the cache lives
 * here, behind this interface.
 */
export interface Store {
  /** Writes one batch atomically. Records already stored are skipped, and so are their tracks. */
  writeBatch(batch: IngestBatch): WriteOutcome;
  listTracks(limit: number): Track[];
  countRecords(): number;
  countQuarantined(): number;
  countTracks(): number;
  /** The highest stored offset for a partition, to resume after it. */
  lastOffset(source: string, topic: string, partition: number): number | null;
  readMeta(key: string): string | null;
  writeMeta(key: string, value: string): void;
  close(): void;
}

export interface RecordPosition {
  readonly source: string;
  readonly topic: string;
  readonly partition: number;
  readonly offset: number;
}

export interface StoredRecord extends RecordPosition {
  readonly timestamp: number;
  readonly receivedAt: number;
  readonly key: Uint8Array | null;
  readonly headers: Readonly<Record<string, string>> | null;
  readonly value: Uint8Array;
  /** Entities decoded from the record; empty when it carried none. */
  readonly tracks: readonly Track[];
}

export interface QuarantinedRecord extends RecordPosition {
  readonly receivedAt: number;
  readonly error: string;
  readonly value: Uint8Array;
}

export interface IngestBatch {
  readonly records: readonly StoredRecord[];
  readonly quarantined: readonly QuarantinedRecord[];
}

export interface WriteOutcome {
  readonly storedRecords: number;
  readonly duplicateRecords: number;
  readonly storedQuarantined: number;
  /** Tracks whose latest state this batch changed, in the order they changed. */
  readonly changedTracks: Track[];
}

interface TrackRow {
  uid: string;
  callsign: string | null;
  cot_type: string;
  affiliation: string;
  dimension: string;
  lat: number;
  lon: number;
  hae: number | null;
  course: number | null;
  speed: number | null;
  time: number;
  stale: number | null;
  source: string;
  topic: string;
}

export function createStore(db: Database): Store {
  const insertRecord = db.prepare(`
    INSERT OR IGNORE INTO records (source, topic, partition, "offset", timestamp, received_at, key, headers, value, uid, event_time)
    VALUES (@source, @topic, @partition, @offset, @timestamp, @receivedAt, @key, @headers, @value, @uid, @eventTime)`);
  // Out-of-order arrivals must not move a track backwards in time.
  const upsertTrack = db.prepare(`
    INSERT INTO tracks (uid, callsign, cot_type, affiliation, dimension, lat, lon, hae, course, speed, time, stale, source, topic)
    VALUES (@uid, @callsign, @cotType, @affiliation, @dimension, @lat, @lon, @hae, @course, @speed, @time, @stale, @source, @topic)
    ON CONFLICT(uid) DO UPDATE SET
      callsign = coalesce(excluded.callsign, tracks.callsign), cot_type = excluded.cot_type,
      affiliation = excluded.affiliation, dimension = excluded.dimension, lat = excluded.lat, lon = excluded.lon,
      hae = excluded.hae, course = excluded.course, speed = excluded.speed, time = excluded.time,
      stale = excluded.stale, source = excluded.source, topic = excluded.topic
    WHERE excluded.time >= tracks.time`);
  const insertQuarantined = db.prepare(`
    INSERT OR IGNORE INTO quarantine (source, topic, partition, "offset", received_at, error, value)
    VALUES (@source, @topic, @partition, @offset, @receivedAt, @error, @value)`);
  const selectTracks = db.prepare<[number], TrackRow>('SELECT * FROM tracks ORDER BY time DESC LIMIT ?');
  const countRecordRows = db.prepare<[], number>('SELECT count(*) FROM records').pluck();
  const countQuarantineRows = db.prepare<[], number>('SELECT count(*) FROM quarantine').pluck();
  const countTrackRows = db.prepare<[], number>('SELECT count(*) FROM tracks').pluck();
  const selectLastOffset = db
    .prepare<[string, string, number], number | null>(
      'SELECT max("offset") FROM records WHERE source = ? AND topic = ? AND partition = ?',
    )
    .pluck();
  const selectMeta = db.prepare<[string], string>('SELECT value FROM meta WHERE key = ?').pluck();
  const upsertMeta = db.prepare('INSERT INTO meta (key, value) VALUES (?, ?) ON CONFLICT(key) DO UPDATE SET value = excluded.value');

  // Counting millions of rows on every status call would stall the UI; count once, then keep count.
  let recordCount = countRecordRows.get() ?? 0;
  let quarantinedCount = countQuarantineRows.get() ?? 0;
  let trackCount = countTrackRows.get() ?? 0;

  const writeInTransaction = db.transaction((batch: IngestBatch): WriteOutcome => {
    let storedRecords = 0;
    let duplicateRecords = 0;
    let storedQuarantined = 0;
    const changed = new Map<string, Track>();
    for (const record of batch.records) {
      const firstTrack = record.tracks[0];
      const inserted = insertRecord.run({
        source: record.source,
        topic: record.topic,
        partition: record.partition,
        offset: record.offset,
        timestamp: record.timestamp,
        receivedAt: record.receivedAt,
        key: record.key,
        headers: record.headers === null ? null : JSON.stringify(record.headers),
        value: record.value,
        uid: firstTrack?.uid ?? null,
        eventTime: firstTrack?.time ?? null,
      }).changes;
      if (inserted === 0) {
        duplicateRecords += 1;
        continue;
      }
      storedRecords += 1;
      for (const track of record.tracks) {
        if (upsertTrack.run(track).changes === 0) continue;
        changed.delete(track.uid);
        changed.set(track.uid, track);
      }
    }
    for (const item of batch.quarantined) {
      storedQuarantined += insertQuarantined.run(item).changes;
    }
    return { storedRecords, duplicateRecords, storedQuarantined, changedTracks: [...changed.values()] };
  });

  return {
    writeBatch(batch) {
      const outcome = writeInTransaction.immediate(batch);
      recordCount += outcome.storedRecords;
      quarantinedCount += outcome.storedQuarantined;
      // Cheap next to the batch itself: the count walks the small time index.
      if (outcome.changedTracks.length > 0) trackCount = countTrackRows.get() ?? trackCount;
      return outcome;
    },
    listTracks(limit) {
      return selectTracks.all(limit).map(trackFromRow);
    },
    countRecords: () => recordCount,
    countQuarantined: () => quarantinedCount,
    countTracks: () => trackCount,
    lastOffset: (source, topic, partition) => selectLastOffset.get(source, topic, partition) ?? null,
    readMeta: (key) => selectMeta.get(key) ?? null,
    writeMeta: (key, value) => {
      upsertMeta.run(key, value);
    },
    close: () => db.close(),
  };
}

function trackFromRow(row: TrackRow): Track {
  return {
    uid: row.uid,
    callsign: row.callsign,
    cotType: row.cot_type,
    affiliation: oneOf(AFFILIATIONS, row.affiliation, 'unknown'),
    dimension: oneOf(DIMENSIONS, row.dimension, 'other'),
    lat: row.lat,
    lon: row.lon,
    hae: row.hae,
    course: row.course,
    speed: row.speed,
    time: row.time,
    stale: row.stale,
    source: row.source,
    topic: row.topic,
  };
}

function oneOf<T extends string>(allowed: readonly T[], value: string, fallback: T): T {
  return (allowed as readonly string[]).includes(value) ? (value as T) : fallback;
}
