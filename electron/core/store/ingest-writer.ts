import type { Database } from 'better-sqlite3-multiple-ciphers';
import type { Track } from '../../../shared/domain';
import { createReviewIndexWriter } from '../review/review-index-writer';
import { createAlertInserter } from './alert-tables';
import { createRecordFixReads } from './record-fixes';
import type { IngestBatch, IngestWriter, NewAlert, WriteOutcome } from './store';

/** Past this many rows the oldest quarantined records make way: quarantine is evidence, not an archive. */
export const QUARANTINE_LIMIT = 10_000;
/** Latest track states are written at most this often; records themselves are never held back. */
export const TRACK_FLUSH_MS = 1_000;
const TRACKS_SYNCED_THROUGH = 'tracks_synced_through_record';

/**
 * The write side of ingest: records, quarantine, offsets and counters in one
 * transaction per batch, with what review and search read of each record
 * (see `createReviewIndexWriter`). The tracks table, which holds only the latest state
 * per entity, is written behind: at most once a second, inside a batch's
 * transaction, with a note of the last record it covers. After a crash the
 * few records past that note are replayed into it, so it never goes stale.
 * Positional parameters, because binding by name costs measurably at tens of
 * thousands of rows a second.
 */
export function createIngestWriter(db: Database, now: () => number = Date.now, options: { readonly keyframeInterval?: number } = {}): IngestWriter {
  const insertRecord = db.prepare(`
    INSERT OR IGNORE INTO records (source, topic, partition, "offset", timestamp, received_at, key, headers, value, uid, event_time, subscription_id)
    VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)`);
  // Out-of-order arrivals must not move a track backwards in time.
  const upsertTrack = db.prepare(`
    INSERT INTO tracks (uid, callsign, cot_type, affiliation, dimension, lat, lon, hae, course, speed, time, stale, source, topic)
    VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)
    ON CONFLICT(uid) DO UPDATE SET
      callsign = coalesce(excluded.callsign, tracks.callsign), cot_type = excluded.cot_type,
      affiliation = excluded.affiliation, dimension = excluded.dimension, lat = excluded.lat, lon = excluded.lon,
      hae = excluded.hae, course = excluded.course, speed = excluded.speed, time = excluded.time,
      stale = excluded.stale, source = excluded.source, topic = excluded.topic
    WHERE excluded.time >= tracks.time`);
  const insertQuarantined = db.prepare(`
    INSERT OR IGNORE INTO quarantine (source, topic, partition, "offset", received_at, error, value, subscription_id)
    VALUES (?, ?, ?, ?, ?, ?, ?, ?)`);
  const pruneQuarantine = db.prepare(`DELETE FROM quarantine WHERE id <= (SELECT max(id) FROM quarantine) - ${QUARANTINE_LIMIT}`);
  const advanceOffset = db.prepare(`
    INSERT INTO offsets (source, topic, partition, next_offset) VALUES (?, ?, ?, ?)
    ON CONFLICT(source, topic, partition) DO UPDATE SET next_offset = max(next_offset, excluded.next_offset)`);
  const addToCounter = db.prepare('UPDATE counters SET value = value + ? WHERE name = ?');
  const insertAlerts = createAlertInserter(db);
  const countSubscription = db.prepare('UPDATE subscriptions SET received = received + ?, quarantined = quarantined + ? WHERE id = ?');
  const writeMeta = db.prepare('INSERT INTO meta (key, value) VALUES (?, ?) ON CONFLICT(key) DO UPDATE SET value = excluded.value');
  const readMeta = db.prepare<[string], string>('SELECT value FROM meta WHERE key = ?').pluck();
  const lastRecordId = db.prepare<[], number | null>('SELECT max(id) FROM records').pluck();
  const trackTimes = db.prepare<[], { uid: string; time: number }>('SELECT uid, time FROM tracks');
  const recordFixes = createRecordFixReads(db);

  const reviewIndex = createReviewIndexWriter(db, options);
  const knownTimes = new Map<string, number>();
  let unflushed = new Map<string, Track>();
  let lastFlush = now();

  const flushTracks = (): void => {
    for (const t of unflushed.values()) {
      upsertTrack.run(t.uid, t.callsign, t.cotType, t.affiliation, t.dimension, t.lat, t.lon, t.hae, t.course, t.speed, t.time, t.stale, t.source, t.topic);
    }
    unflushed = new Map();
    reviewIndex.flushEntities();
    writeMeta.run(TRACKS_SYNCED_THROUGH, String(lastRecordId.get() ?? 0));
    lastFlush = now();
  };

  /** Records the latest state of an entity; true when it is newer than what is known. */
  const noteTrack = (track: Track): boolean => {
    const known = knownTimes.get(track.uid);
    if (known !== undefined && known > track.time) return false;
    knownTimes.set(track.uid, track.time);
    unflushed.set(track.uid, track);
    return true;
  };

  const recover = db.transaction(() => {
    for (const { uid, time } of trackTimes.iterate()) knownTimes.set(uid, time);
    const syncedThrough = Number(readMeta.get(TRACKS_SYNCED_THROUGH) ?? 0);
    for (const { track } of recordFixes.fixesOfRecords(syncedThrough, Number.MAX_SAFE_INTEGER)) noteTrack(track);
    flushTracks();
  });
  recover.immediate();
  const catchUpKeyframes = db.transaction(() => reviewIndex.catchUp());
  const catchUpAll = (): void => {
    while (catchUpKeyframes.immediate() > 0);
  };
  catchUpAll();

  const write = db.transaction((batch: IngestBatch): WriteOutcome => {
    let storedRecords = 0;
    let duplicateRecords = 0;
    let storedQuarantined = 0;
    const changed = new Map<string, Track>();
    const nextOffsets = new Map<string, [string, string, number, number]>();
    const perSubscription = new Map<number, [number, number]>();
    const noteOffset = (source: string, topic: string, partition: number, offset: number): void => {
      const key = `${partition}\u0000${topic}\u0000${source}`;
      const known = nextOffsets.get(key);
      if (known === undefined) nextOffsets.set(key, [source, topic, partition, offset + 1]);
      else if (known[3] < offset + 1) known[3] = offset + 1;
    };
    const noteSubscription = (id: number | null, received: number, quarantined: number): void => {
      if (id === null) return;
      const counts = perSubscription.get(id);
      if (counts === undefined) perSubscription.set(id, [received, quarantined]);
      else {
        counts[0] += received;
        counts[1] += quarantined;
      }
    };

    for (const record of batch.records) {
      noteOffset(record.source, record.topic, record.partition, record.offset);
      const firstTrack = record.tracks[0];
      const inserted = insertRecord.run(
        record.source,
        record.topic,
        record.partition,
        record.offset,
        record.timestamp,
        record.receivedAt,
        record.key,
        record.headers === null ? null : JSON.stringify(record.headers),
        record.value,
        firstTrack?.uid ?? null,
        firstTrack?.time ?? null,
        record.subscriptionId,
      );
      if (inserted.changes === 0) {
        duplicateRecords += 1;
        continue;
      }
      reviewIndex.addRecord(Number(inserted.lastInsertRowid), record.source, record.topic, record.receivedAt, record.value.byteLength, record.tracks, record.searchText);
      storedRecords += 1;
      noteSubscription(record.subscriptionId, 1, 0);
      for (const track of record.tracks) {
        if (noteTrack(track)) {
          changed.delete(track.uid);
          changed.set(track.uid, track);
        }
      }
    }
    for (const item of batch.quarantined) {
      noteOffset(item.source, item.topic, item.partition, item.offset);
      const inserted = insertQuarantined.run(item.source, item.topic, item.partition, item.offset, item.receivedAt, item.error, item.value, item.subscriptionId).changes;
      storedQuarantined += inserted;
      noteSubscription(item.subscriptionId, 0, inserted);
    }
    reviewIndex.endBatch();
    for (const [source, topic, partition, next] of nextOffsets.values()) advanceOffset.run(source, topic, partition, next);
    for (const [id, [received, quarantined]] of perSubscription) countSubscription.run(received, quarantined, id);
    if (storedRecords > 0) addToCounter.run(storedRecords, 'records');
    if (storedQuarantined > 0) {
      addToCounter.run(storedQuarantined, 'quarantined');
      pruneQuarantine.run();
    }
    if (unflushed.size > 0 && now() - lastFlush >= TRACK_FLUSH_MS) flushTracks();
    const alerts = batch.alerts.length === 0 ? [] : insertAlerts(batch.alerts);
    return { storedRecords, duplicateRecords, storedQuarantined, changedTracks: [...changed.values()], alerts };
  });

  const writeAlerts = db.transaction((alerts: readonly NewAlert[]) => insertAlerts(alerts));

  const flushPending = db.transaction(() => {
    if (unflushed.size > 0) flushTracks();
    else reviewIndex.flushEntities();
  });

  return {
    writeBatch(batch) {
      try {
        return write.immediate(batch);
      } catch (error) {
        // The transaction rolled back, and with it any dictionary ids handed out in memory.
        reviewIndex.reload();
        throw error;
      }
    },
    flushTracks() {
      flushPending.immediate();
      // A quiet moment: keyframes catch up on what the batches left, such as an imported history.
      catchUpAll();
    },
    writeAlerts: (alerts) => (alerts.length === 0 ? [] : writeAlerts.immediate(alerts)),
    knownUids: () => knownTimes.keys(),
  };
}
