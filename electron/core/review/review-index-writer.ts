import type { Database } from 'better-sqlite3-multiple-ciphers';
import type { Track } from '../../../shared/domain';
import { bucketOf } from '../store/entity-fixes';
import type { SearchText } from '../store/store';
import type { FixRow } from './fix-row';
import { createKeyframeBuilder, type KeyframeBuilder } from './keyframe-builder';

/** Every batch folds at least this many fixes into keyframes, and twice what it wrote, so keyframes keep up with any feed. */
const FOLD_ROWS_PER_BATCH = 20_000;
/** When the feed is quiet, keyframes catch up in transactions of this many fixes, so readers wait little. */
const CATCH_UP_ROWS = 50_000;
const MINUTE_MS = 60_000;

interface EntityEntry {
  readonly id: number;
  callsign: string | null;
  cotType: string;
  firstTime: number;
  lastTime: number;
}

/**
 * What review and search read, written beside each record in the ingest writer's transaction:
 * one `positions` row per fix, the dictionaries those rows point into, which records hold fixes
 * in each minute, per-stream counts, the free-text index, and keyframes. The dictionaries live in
 * memory as well, so a fix costs no lookups; entities' latest callsign and type are written
 * behind, with the tracks. An entity's first fix time, and the bucket of its last, are written
 * at once, since readers of the per-entity index walk its buckets between them.
 */
export interface ReviewIndexWriter {
  /** Indexes one newly stored record. */
  addRecord(recordId: number, source: string, topic: string, receivedAt: number, bytes: number, tracks: readonly Track[], searchText: SearchText | null): void;
  /** Writes what the batch's records add up to and folds keyframes forward. */
  endBatch(): void;
  /** Writes entities' latest callsign, type and time span. */
  flushEntities(): void;
  /** Folds one step of fixes not yet in a keyframe; returns how many, 0 when caught up. */
  catchUp(): number;
  /** Reloads the dictionaries and keyframe state from the cache, after a rolled-back transaction. */
  reload(): void;
}

export function createReviewIndexWriter(db: Database, options: { readonly keyframeInterval?: number } = {}): ReviewIndexWriter {
  const insertFix = db.prepare(`
    INSERT OR IGNORE INTO positions (time, entity, record_id, kind, label, stream, lat, lon, hae, course, speed, stale)
    VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)`);
  const insertEntity = db.prepare('INSERT INTO entities (uid, callsign, cot_type, first_time, last_time) VALUES (?, ?, ?, ?, ?)');
  const updateEntity = db.prepare('UPDATE entities SET callsign = ?, cot_type = ?, first_time = ?, last_time = ? WHERE id = ?');
  const insertKind = db.prepare('INSERT INTO cot_types (cot_type, affiliation, dimension) VALUES (?, ?, ?)');
  const insertLabel = db.prepare('INSERT INTO callsigns (callsign) VALUES (?)');
  const insertStream = db.prepare('INSERT INTO streams (source, topic) VALUES (?, ?)');
  const countStream = db.prepare('UPDATE streams SET records = records + ?, bytes = bytes + ? WHERE id = ?');
  const countFixes = db.prepare("UPDATE counters SET value = value + ? WHERE name = 'fixes'");
  const noteMinute = db.prepare(`
    INSERT INTO record_minutes (minute, first_record, last_record) VALUES (?, ?, ?)
    ON CONFLICT(minute) DO UPDATE SET first_record = min(first_record, excluded.first_record), last_record = max(last_record, excluded.last_record)`);
  const insertText = db.prepare('INSERT INTO records_fts (rowid, remarks, text) VALUES (?, ?, ?)');
  const allEntities = db.prepare<[], { id: number; uid: string; callsign: string | null; cotType: string; firstTime: number; lastTime: number }>(
    'SELECT id, uid, callsign, cot_type AS cotType, first_time AS firstTime, last_time AS lastTime FROM entities',
  );
  const allKinds = db.prepare<[], { id: number; value: string }>('SELECT id, cot_type AS value FROM cot_types');
  const allLabels = db.prepare<[], { id: number; value: string }>('SELECT id, callsign AS value FROM callsigns');
  const allStreams = db.prepare<[], { id: number; source: string; topic: string }>('SELECT id, source, topic FROM streams');

  const keyframes: KeyframeBuilder = createKeyframeBuilder(db, { minInterval: options.keyframeInterval });
  const entities = new Map<string, EntityEntry>();
  const kinds = new Map<string, number>();
  const labels = new Map<string, number>();
  const streams = new Map<string, number>();
  let changedEntities = new Set<EntityEntry>();
  let batchStreams = new Map<number, [records: number, bytes: number]>();
  let batchMinutes = new Map<number, [first: number, last: number]>();
  let batchFixes = 0;

  const loadDictionaries = (): void => {
    entities.clear();
    kinds.clear();
    labels.clear();
    streams.clear();
    for (const row of allEntities.iterate()) entities.set(row.uid, { id: row.id, callsign: row.callsign, cotType: row.cotType, firstTime: row.firstTime, lastTime: row.lastTime });
    for (const row of allKinds.iterate()) kinds.set(row.value, row.id);
    for (const row of allLabels.iterate()) labels.set(row.value, row.id);
    for (const row of allStreams.iterate()) streams.set(streamKey(row.source, row.topic), row.id);
    changedEntities = new Set();
    batchStreams = new Map();
    batchMinutes = new Map();
    batchFixes = 0;
  };
  loadDictionaries();

  const writeEntity = (entry: EntityEntry): void => {
    updateEntity.run(entry.callsign, entry.cotType, entry.firstTime, entry.lastTime, entry.id);
    changedEntities.delete(entry);
  };

  const entityOf = (track: Track): EntityEntry => {
    let entry = entities.get(track.uid);
    if (entry === undefined) {
      const id = Number(insertEntity.run(track.uid, track.callsign, track.cotType, track.time, track.time).lastInsertRowid);
      entry = { id, callsign: track.callsign, cotType: track.cotType, firstTime: track.time, lastTime: track.time };
      entities.set(track.uid, entry);
      return entry;
    }
    if (track.time >= entry.lastTime) {
      const changed = track.time !== entry.lastTime || track.cotType !== entry.cotType || (track.callsign !== null && track.callsign !== entry.callsign);
      const newBucket = bucketOf(track.time) !== bucketOf(entry.lastTime);
      entry.lastTime = track.time;
      entry.cotType = track.cotType;
      entry.callsign = track.callsign ?? entry.callsign;
      if (newBucket) writeEntity(entry);
      else if (changed) changedEntities.add(entry);
    } else if (track.time < entry.firstTime) {
      entry.firstTime = track.time;
      writeEntity(entry);
    }
    return entry;
  };

  const kindOf = (track: Track): number => {
    let id = kinds.get(track.cotType);
    if (id === undefined) {
      id = Number(insertKind.run(track.cotType, track.affiliation, track.dimension).lastInsertRowid);
      kinds.set(track.cotType, id);
    }
    return id;
  };

  const labelOf = (callsign: string | null): number | null => {
    if (callsign === null) return null;
    let id = labels.get(callsign);
    if (id === undefined) {
      id = Number(insertLabel.run(callsign).lastInsertRowid);
      labels.set(callsign, id);
    }
    return id;
  };

  const streamOf = (source: string, topic: string): number => {
    const key = streamKey(source, topic);
    let id = streams.get(key);
    if (id === undefined) {
      id = Number(insertStream.run(source, topic).lastInsertRowid);
      streams.set(key, id);
    }
    return id;
  };

  const noteRecordMinute = (minute: number, recordId: number): void => {
    const ids = batchMinutes.get(minute);
    if (ids === undefined) batchMinutes.set(minute, [recordId, recordId]);
    else {
      if (recordId < ids[0]) ids[0] = recordId;
      if (recordId > ids[1]) ids[1] = recordId;
    }
  };

  return {
    addRecord(recordId, source, topic, receivedAt, bytes, tracks, searchText) {
      const stream = streamOf(source, topic);
      const counts = batchStreams.get(stream);
      if (counts === undefined) batchStreams.set(stream, [1, bytes]);
      else {
        counts[0] += 1;
        counts[1] += bytes;
      }
      // Keyed by fix time, which is what a search's window means: records delivered late, after
      // an outage or from an imported file, still fall in the minutes their fixes describe.
      if (tracks.length === 0) noteRecordMinute(Math.floor(receivedAt / MINUTE_MS), recordId);
      for (const track of tracks) {
        noteRecordMinute(Math.floor(track.time / MINUTE_MS), recordId);
        const fix: FixRow = {
          time: track.time,
          entity: entityOf(track).id,
          recordId,
          kind: kindOf(track),
          label: labelOf(track.callsign),
          stream,
          lat: track.lat,
          lon: track.lon,
          hae: track.hae,
          course: track.course,
          speed: track.speed,
          stale: track.stale,
        };
        const written = insertFix.run(fix.time, fix.entity, recordId, fix.kind, fix.label, stream, fix.lat, fix.lon, fix.hae, fix.course, fix.speed, fix.stale).changes;
        if (written === 0) continue;
        batchFixes += 1;
        keyframes.noteFix(fix);
      }
      if (searchText !== null && (searchText.remarks !== null || searchText.text !== null)) insertText.run(recordId, searchText.remarks, searchText.text);
    },
    endBatch() {
      for (const [stream, [records, bytes]] of batchStreams) countStream.run(records, bytes, stream);
      for (const [minute, [first, last]] of batchMinutes) noteMinute.run(minute, first, last);
      if (batchFixes > 0) countFixes.run(batchFixes);
      keyframes.advance(Math.max(FOLD_ROWS_PER_BATCH, 2 * batchFixes));
      batchStreams = new Map();
      batchMinutes = new Map();
      batchFixes = 0;
    },
    flushEntities() {
      for (const entry of changedEntities) updateEntity.run(entry.callsign, entry.cotType, entry.firstTime, entry.lastTime, entry.id);
      changedEntities = new Set();
    },
    catchUp: () => keyframes.advance(CATCH_UP_ROWS),
    reload() {
      loadDictionaries();
      keyframes.reload();
    },
  };
}

function streamKey(source: string, topic: string): string {
  return `${source}\u0000${topic}`;
}
