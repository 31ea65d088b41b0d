import type { Database } from 'better-sqlite3-multiple-ciphers';
import { stalenessOf } from '../../../shared/staleness';
import { createEntityFixReads } from '../store/entity-fixes';
import { FIX_COLUMNS, isLaterFix, type FixRow } from './fix-row';
import { FixQueue } from './fix-queue';
import { decodeKeyframe, encodeKeyframe } from './keyframe-codec';

/** Fixes this close to the newest one are not folded yet: feeds arrive a little out of order, and folding them early would mean rebuilding. */
export const KEYFRAME_LATENESS_MS = 10_000;
/** A keyframe follows at least this many folded fixes, and at least twice as many as it holds entities. */
export const MIN_KEYFRAME_INTERVAL = 20_000;
const FOLD_PAGE_ROWS = 5_000;
/** Late fixes touching at most this many keyframes are written into them; more, and the keyframes are rebuilt. */
export const MAX_KEYFRAMES_PATCHED = 8;

/**
 * Folds the fixes in `positions`, in key order (time, entity, record id), into every entity's
 * latest state, and every `interval` fixes writes that state down as a keyframe: the entities not
 * hidden at its time. So a seek reads one keyframe and at most an interval of fixes, however
 * large the cache.
 *
 * Invariant: a keyframe at time K holds the fold of every fix at or before K. A fix that arrives
 * for a time already folded breaks it; `noteFix` sees that, and the next `advance` mends it. Feeds
 * from several partitions are often minutes apart, so mending must be cheap: the few keyframes
 * since the late fix are patched in memory, each late entity set to its latest fix at the
 * keyframe's time (see `mend`). Fixes older than that delete the keyframes from their time on, to
 * be folded again from the one before. Runs on the ingest thread's connection, inside its
 * transactions, so keyframes commit with the fixes they cover.
 *
 * Fixes the writer has just written are folded from memory, queued until they are old enough;
 * reading them back costs more than writing them did. Only after a start or a rebuild, when
 * the queue does not hold everything past what is folded, are they read from the table, until
 * that reading catches up.
 */
export interface KeyframeBuilder {
  /** Called for every fix written. */
  noteFix(fix: FixRow): void;
  /** Folds up to `maxRows` fixes past what is folded, writing keyframes on the way; returns how many it folded. */
  advance(maxRows: number): number;
  /** Starts again from the newest keyframe, for after a rolled-back transaction. */
  reload(): void;
}

export function createKeyframeBuilder(db: Database, options: { readonly minInterval?: number } = {}): KeyframeBuilder {
  const minInterval = options.minInterval ?? MIN_KEYFRAME_INTERVAL;
  const newestKeyframeBefore = db.prepare<[number], { time: number; states: Uint8Array }>(
    'SELECT time, states FROM review_keyframes WHERE time < ? ORDER BY time DESC LIMIT 1',
  );
  const deleteKeyframesFrom = db.prepare<[number]>('DELETE FROM review_keyframes WHERE time >= ?');
  const insertKeyframe = db.prepare<[number, number, number, Uint8Array]>(
    'INSERT OR REPLACE INTO review_keyframes (time, entities, folded, states) VALUES (?, ?, ?, ?)',
  );
  const keyframesFrom = db.prepare<[number, number], { time: number; states: Uint8Array }>(
    'SELECT time, states FROM review_keyframes WHERE time >= ? ORDER BY time LIMIT ?',
  );
  const rewriteKeyframe = db.prepare<[number, Uint8Array, number]>('UPDATE review_keyframes SET entities = ?, states = ? WHERE time = ?');
  const entityFixes = createEntityFixReads(db);
  const newestFixTime = db.prepare<[], number | null>('SELECT max(time) FROM positions').pluck();
  const foldPage = db.prepare<[number, number, number, number, number], FixRow>(`
    SELECT ${FIX_COLUMNS} FROM positions
    WHERE (time, entity, record_id) > (?, ?, ?) AND time <= ?
    ORDER BY time, entity, record_id LIMIT ?`);

  let states = new Map<number, FixRow>();
  /** The key of the last fix folded: (time, entity, record id). */
  let frontier: [number, number, number] = [Number.MIN_SAFE_INTEGER, 0, 0];
  let sinceKeyframe = 0;
  let newestTime = Number.MIN_SAFE_INTEGER;
  let lateFrom: number | null = null;
  let lateFixes: FixRow[] = [];
  /** True while the queue holds every fix past the frontier; false while the table must be read. */
  let queued = false;
  const queue = new FixQueue();

  const restartBefore = (time: number): void => {
    const keyframe = newestKeyframeBefore.get(time);
    deleteKeyframesFrom.run(time);
    states = new Map();
    if (keyframe === undefined) {
      frontier = [Number.MIN_SAFE_INTEGER, 0, 0];
    } else {
      for (const state of decodeKeyframe(keyframe.states)) states.set(state.entity, state);
      frontier = [keyframe.time, Number.MAX_SAFE_INTEGER, Number.MAX_SAFE_INTEGER];
    }
    sinceKeyframe = 0;
    queued = false;
    queue.clear();
  };

  const writeKeyframe = (time: number): void => {
    const shown: FixRow[] = [];
    for (const [entity, state] of states) {
      // Hidden stays hidden until a newer fix, which the fold would bring back anyway.
      if (stalenessOf(state, time) === 'hidden') states.delete(entity);
      else shown.push(state);
    }
    insertKeyframe.run(time, shown.length, sinceKeyframe, encodeKeyframe(shown));
    sinceKeyframe = 0;
  };

  const fold = (fix: FixRow): void => {
    // A keyframe only between two times, so it holds every fix at its time or none.
    if (sinceKeyframe >= Math.max(minInterval, 2 * states.size) && fix.time > frontier[0]) writeKeyframe(frontier[0]);
    states.set(fix.entity, fix);
    frontier = [fix.time, fix.entity, fix.recordId];
    sinceKeyframe += 1;
  };

  /** Folds from the table; once it has caught up, queues the fixes past the horizon and folds from memory after. */
  const foldFromTable = (horizon: number, maxRows: number): number => {
    let folded = 0;
    while (folded < maxRows) {
      const wanted = Math.min(FOLD_PAGE_ROWS, maxRows - folded);
      const page = foldPage.all(frontier[0], frontier[1], frontier[2], horizon, wanted);
      for (const fix of page) fold(fix);
      folded += page.length;
      if (page.length < wanted) {
        for (const fix of foldPage.all(frontier[0], frontier[1], frontier[2], Number.MAX_SAFE_INTEGER, Number.MAX_SAFE_INTEGER)) queue.push(fix);
        queued = true;
        break;
      }
    }
    return folded;
  };

  const foldFromQueue = (horizon: number, maxRows: number): number => {
    let folded = 0;
    for (let next = queue.peek(); next !== undefined && next.time <= horizon && folded < maxRows; next = queue.peek()) {
      fold(next);
      queue.pop();
      folded += 1;
    }
    return folded;
  };

  /** Sets an entity in a fold to its latest fix at or before `time`, as the table now holds it. */
  const refold = (target: Map<number, FixRow>, entity: number, time: number, dropHidden: boolean): void => {
    const latest = entityFixes.latestFixOf(entity, time);
    if (latest === null || (dropHidden && stalenessOf(latest, time) === 'hidden')) target.delete(entity);
    else target.set(entity, latest);
  };

  /** Each late entity's latest late fix at or before `time`. */
  const latestLateFixesAt = (time: number): Map<number, FixRow> => {
    const latest = new Map<number, FixRow>();
    for (const fix of lateFixes) {
      if (fix.time > time) continue;
      const known = latest.get(fix.entity);
      if (known === undefined || isLaterFix(fix, known)) latest.set(fix.entity, fix);
    }
    return latest;
  };

  /**
   * Brings a fold at `time` up to date with an entity's latest late fix. A fold that holds the
   * entity holds its latest fix before the late ones came, so the later of the two wins, in memory.
   * One that dropped it as hidden no longer knows what hid it, so the table is asked.
   */
  const mend = (target: Map<number, FixRow>, late: FixRow, time: number, dropHidden: boolean): void => {
    const known = target.get(late.entity);
    if (known === undefined) refold(target, late.entity, time, dropHidden);
    else if (!isLaterFix(late, known)) return;
    else if (dropHidden && stalenessOf(late, time) === 'hidden') target.delete(late.entity);
    else target.set(late.entity, late);
  };

  const mendLateFixes = (from: number): void => {
    const affected = keyframesFrom.all(from, MAX_KEYFRAMES_PATCHED + 1);
    if (affected.length === 0) {
      // Every late fix is newer than the newest keyframe, so newer than any state a keyframe dropped as hidden.
      for (const fix of lateFixes) {
        const known = states.get(fix.entity);
        if (known === undefined || isLaterFix(fix, known)) states.set(fix.entity, fix);
      }
      return;
    }
    if (affected.length > MAX_KEYFRAMES_PATCHED) {
      restartBefore(from);
      return;
    }
    for (const keyframe of affected) {
      const shown = new Map<number, FixRow>();
      for (const state of decodeKeyframe(keyframe.states)) shown.set(state.entity, state);
      for (const late of latestLateFixesAt(keyframe.time).values()) mend(shown, late, keyframe.time, true);
      rewriteKeyframe.run(shown.size, encodeKeyframe([...shown.values()]), keyframe.time);
    }
    for (const late of latestLateFixesAt(frontier[0]).values()) mend(states, late, frontier[0], false);
  };

  const reload = (): void => {
    lateFrom = null;
    lateFixes = [];
    newestTime = newestFixTime.get() ?? Number.MIN_SAFE_INTEGER;
    restartBefore(Number.MAX_SAFE_INTEGER);
  };
  reload();

  return {
    noteFix(fix) {
      if (fix.time > newestTime) newestTime = fix.time;
      if (fix.time <= frontier[0]) {
        if (lateFrom === null || fix.time < lateFrom) lateFrom = fix.time;
        lateFixes.push(fix);
      } else if (queued) {
        queue.push(fix);
      }
    },
    advance(maxRows) {
      if (lateFrom !== null) {
        mendLateFixes(lateFrom);
        lateFrom = null;
        lateFixes = [];
      }
      const horizon = newestTime - KEYFRAME_LATENESS_MS;
      return queued ? foldFromQueue(horizon, maxRows) : foldFromTable(horizon, maxRows);
    },
    reload,
  };
}
