import type { Track } from '../../../../shared/domain';
import { distanceMetres, EARTH_RADIUS_METRES } from '../../../../shared/geo';
import { entityName, type FindingSink, type Watcher } from '../watcher';

/** A degree of latitude, on the sphere geo.ts measures on. */
const METRES_PER_DEGREE = (EARTH_RADIUS_METRES * Math.PI) / 180;

/**
 * Holds for an entity the rule's filter picks (side A) while an entity of the other side (B) is
 * within `distanceMetres`. Both sides sit in a grid of cells as wide as the distance, so a fix is
 * compared with the entities in the cells around it rather than with every entity, using a flat
 * approximation of distance that is exact enough at these ranges and far cheaper than the great
 * circle. A move on either side is judged at once: B coming near A raises A's alert on B's fix;
 * B moving away clears it unless another B is still near.
 */
export function proximityWatcher(isNear: (track: Track, now: number) => boolean, distance: number, isWatched: (track: Track, now: number) => boolean): Watcher {
  const watched = spatialIndex(distance);
  const others = spatialIndex(distance);
  /** Which B each holding A is near, and the reverse, so a B's move re-judges only the A it concerns. */
  const nearOf = new Map<string, string>();
  const holdersOf = new Map<string, Set<string>>();

  const release = (uid: string): void => {
    const other = nearOf.get(uid);
    if (other === undefined) return;
    nearOf.delete(uid);
    holdersOf.get(other)?.delete(uid);
  };

  const hold = (track: Track, other: Track, sink: FindingSink): void => {
    release(track.uid);
    nearOf.set(track.uid, other.uid);
    let holders = holdersOf.get(other.uid);
    if (holders === undefined) {
      holders = new Set();
      holdersOf.set(other.uid, holders);
    }
    holders.add(track.uid);
    const metres = distanceMetres(track, other);
    sink.holds({
      subject: track.uid,
      callsign: track.callsign,
      time: Math.max(track.time, other.time),
      lat: track.lat,
      lon: track.lon,
      message: `${entityName(other)} is ${Math.round(metres).toLocaleString('en-US')} m from ${entityName(track)}, within ${distance.toLocaleString('en-US')} m.`,
    });
  };

  // The visitors below are made once and read their inputs from here: a closure per fix showed as
  // garbage collection in profiles of a busy feed.
  let subject: Track | null = null;
  let nearest: Track | null = null;
  let nearestSquared = 0;
  let moving: Track | null = null;
  let movingSink: FindingSink | null = null;
  const limitSquared = distance * distance;

  const considerNearest = (other: Track): void => {
    if (subject === null || other.uid === subject.uid) return;
    const squared = flatSquaredMetres(subject, other);
    if (squared <= nearestSquared) {
      nearest = other;
      nearestSquared = squared;
    }
  };

  const considerHolding = (near: Track): void => {
    if (moving === null || movingSink === null) return;
    if (near.uid !== moving.uid && !nearOf.has(near.uid) && flatSquaredMetres(near, moving) <= limitSquared) hold(near, moving, movingSink);
  };

  /** Looks for the nearest B around a watched entity. */
  const judge = (track: Track, sink: FindingSink): void => {
    subject = track;
    nearest = null;
    nearestSquared = limitSquared;
    others.forEachAround(track, considerNearest);
    // Set by considerNearest, which the compiler cannot see run.
    const found = nearest as Track | null;
    subject = null;
    nearest = null;
    if (found === null) {
      release(track.uid);
      sink.clears(track.uid);
    } else if (nearOf.get(track.uid) !== found.uid) {
      hold(track, found, sink);
    }
  };

  /** A B moved (or stopped counting as B): the A it was near look again, and the A now near it hold. */
  const otherMoved = (other: Track, stillOther: boolean, sink: FindingSink): void => {
    const holders = holdersOf.get(other.uid);
    if (holders !== undefined) {
      // Judging a holder again may release it from this set while it is walked, which a Set allows.
      for (const uid of holders) {
        const holder = watched.get(uid);
        if (holder === undefined) release(uid);
        else if (!stillOther || flatSquaredMetres(holder, other) > limitSquared) judge(holder, sink);
      }
    }
    if (!stillOther) return;
    moving = other;
    movingSink = sink;
    watched.forEachAround(other, considerHolding);
    moving = null;
    movingSink = null;
  };

  return {
    observe(track, receivedAt, sink) {
      if (isNear(track, receivedAt)) {
        others.put(track);
        otherMoved(track, true, sink);
      } else if (others.remove(track.uid)) {
        otherMoved(track, false, sink);
        holdersOf.delete(track.uid);
      }
      if (isWatched(track, receivedAt)) {
        watched.put(track);
        judge(track, sink);
      } else if (watched.remove(track.uid)) {
        release(track.uid);
        sink.clears(track.uid);
      }
    },
  };
}

/** Squared distance on a plane tangent at the pair's mean latitude: within a fraction of a percent at tens of kilometres. */
function flatSquaredMetres(a: { readonly lat: number; readonly lon: number }, b: { readonly lat: number; readonly lon: number }): number {
  const north = (a.lat - b.lat) * METRES_PER_DEGREE;
  const east = (a.lon - b.lon) * METRES_PER_DEGREE * Math.cos(((a.lat + b.lat) * Math.PI) / 360);
  return north * north + east * east;
}

interface SpatialIndex {
  get(uid: string): Track | undefined;
  put(track: Track): void;
  /** True when it was there. */
  remove(uid: string): boolean;
  /** Visits every entity in the cell of `point` and the eight around it: all within one cell width, and some more. */
  forEachAround(point: { readonly lat: number; readonly lon: number }, visit: (track: Track) => void): void;
}

/** Rows and columns fit in 21 bits each with room to spare, so a cell's key is one number, not a string. */
const CELL_KEY_OFFSET = 2 ** 20;
const CELL_KEY_STRIDE = 2 ** 21;

function spatialIndex(cellMetres: number): SpatialIndex {
  const cellLat = cellMetres / METRES_PER_DEGREE;
  const cells = new Map<number, Map<string, Track>>();
  const cellOf = new Map<string, number>();
  const byUid = new Map<string, Track>();
  // A row's cells are one cell width wide at the row's edge nearest a pole, so at least that wide
  // everywhere in the row; clamped so that near the poles a row is not one endless cell.
  const cellLon = (row: number): number => {
    const poleward = Math.max(Math.abs(row * cellLat), Math.abs((row + 1) * cellLat));
    return cellLat / Math.max(0.01, Math.cos((Math.min(90, poleward) * Math.PI) / 180));
  };
  const rowOf = (lat: number): number => Math.floor(lat / cellLat);
  const keyOf = (row: number, column: number): number => (row + CELL_KEY_OFFSET) * CELL_KEY_STRIDE + column + CELL_KEY_OFFSET;

  const remove = (uid: string): boolean => {
    const key = cellOf.get(uid);
    if (key === undefined) return false;
    const cell = cells.get(key);
    cell?.delete(uid);
    if (cell?.size === 0) cells.delete(key);
    cellOf.delete(uid);
    byUid.delete(uid);
    return true;
  };

  return {
    get: (uid) => byUid.get(uid),
    put(track) {
      const row = rowOf(track.lat);
      const key = keyOf(row, Math.floor(track.lon / cellLon(row)));
      const before = cellOf.get(track.uid);
      if (before !== key) {
        if (before !== undefined) remove(track.uid);
        let cell = cells.get(key);
        if (cell === undefined) {
          cell = new Map();
          cells.set(key, cell);
        }
        cellOf.set(track.uid, key);
        cell.set(track.uid, track);
      } else {
        cells.get(key)?.set(track.uid, track);
      }
      byUid.set(track.uid, track);
    },
    remove,
    forEachAround(point, visit) {
      const row = rowOf(point.lat);
      for (let dRow = -1; dRow <= 1; dRow += 1) {
        const column = Math.floor(point.lon / cellLon(row + dRow));
        for (let dColumn = -1; dColumn <= 1; dColumn += 1) cells.get(keyOf(row + dRow, column + dColumn))?.forEach(visit);
      }
    },
  };
}
