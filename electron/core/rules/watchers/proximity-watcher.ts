import type { Track } from '../../../../shared/domain';
import { distanceMetres, EARTH_RADIUS_METRES } from '../../../../shared/geo';
import { entityName, type FindingSink, type Watcher } from '../watcher';

const wholeNumber = new Intl.NumberFormat('en-US', { maximumFractionDigits: 0 });
/** A degree of latitude, on the sphere geo.ts measures on. */
const METRES_PER_DEGREE = (EARTH_RADIUS_METRES * Math.PI) / 180;

/**
 * Holds for an entity the rule's filter picks (side A) while any entity of the other side (B) is
 * within `distanceMetres`; the alert names the one that was near when it was raised. Both sides
 * sit in a grid of cells as wide as the distance, so a fix is compared with the entities in the
 * cells around it rather than with every entity, using a flat approximation of distance that is
 * exact enough at these ranges and far cheaper than the great circle. A move on either side is
 * judged at once: B coming near A raises A's alert on B's fix; B moving away clears it unless
 * another B is still near.
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
    sink.holds(track.uid, () => {
      const metres = distanceMetres(track, other);
      return {
        subject: track.uid,
        callsign: track.callsign,
        time: Math.max(track.time, other.time),
        lat: track.lat,
        lon: track.lon,
        message: `${entityName(other)} is ${wholeNumber.format(metres)} m from ${entityName(track)}, within ${wholeNumber.format(distance)} m.`,
      };
    });
  };

  // The visitors below are made once and read their inputs from here: a closure per fix showed as
  // garbage collection in profiles of a busy feed.
  let subject: Track | null = null;
  let subjectCos = 1;
  let firstNear: Track | null = null;
  let moving: Track | null = null;
  let movingCos = 1;
  let movingSink: FindingSink | null = null;
  const limitSquared = distance * distance;

  /** Stops the walk at the first B within the distance: any one is enough for the rule to hold. */
  const stopAtFirstNear = (other: Track): boolean => {
    if (subject === null || other.uid === subject.uid) return false;
    if (flatSquaredMetres(subject, subjectCos, other) > limitSquared) return false;
    firstNear = other;
    return true;
  };

  const considerHolding = (near: Track): boolean => {
    if (moving === null || movingSink === null) return true;
    // Distance first: most entities in the nine cells are out of range, and it is cheaper than a lookup.
    if (flatSquaredMetres(moving, movingCos, near) <= limitSquared && near.uid !== moving.uid && !nearOf.has(near.uid)) hold(near, moving, movingSink);
    return false;
  };

  /** Whether a B is near a watched entity: the one it was near if that one still is, else the first found. */
  const judge = (track: Track, sink: FindingSink): void => {
    subjectCos = cosOfLatitude(track);
    const known = nearOf.get(track.uid);
    const stillNear = known === undefined ? undefined : others.get(known);
    if (stillNear !== undefined && flatSquaredMetres(track, subjectCos, stillNear) <= limitSquared) return;
    subject = track;
    firstNear = null;
    others.forEachAround(track, stopAtFirstNear);
    // Set by stopAtFirstNear, which the compiler cannot see run.
    const found = firstNear as Track | null;
    subject = null;
    firstNear = null;
    if (found === null) {
      release(track.uid);
      sink.clears(track.uid);
    } else if (nearOf.get(track.uid) !== found.uid) {
      hold(track, found, sink);
    }
  };

  /** A B moved (or stopped counting as B): the A it was near look again, and the A now near it hold. */
  const otherMoved = (other: Track, stillOther: boolean, sink: FindingSink): void => {
    const otherCos = cosOfLatitude(other);
    const holders = holdersOf.get(other.uid);
    if (holders !== undefined) {
      // Judging a holder again may release it from this set while it is walked, which a Set allows.
      for (const uid of holders) {
        const holder = watched.get(uid);
        if (holder === undefined) release(uid);
        else if (!stillOther || flatSquaredMetres(other, otherCos, holder) > limitSquared) judge(holder, sink);
      }
    }
    if (!stillOther) return;
    moving = other;
    movingCos = otherCos;
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

/**
 * Squared distance on a plane tangent at `a`, whose latitude's cosine the caller works out once
 * for all its comparisons: within a fraction of a percent at tens of kilometres.
 */
function flatSquaredMetres(a: { readonly lat: number; readonly lon: number }, cosLatA: number, b: { readonly lat: number; readonly lon: number }): number {
  const north = (a.lat - b.lat) * METRES_PER_DEGREE;
  const east = (a.lon - b.lon) * METRES_PER_DEGREE * cosLatA;
  return north * north + east * east;
}

function cosOfLatitude(point: { readonly lat: number }): number {
  return Math.cos((point.lat * Math.PI) / 180);
}

interface SpatialIndex {
  get(uid: string): Track | undefined;
  put(track: Track): void;
  /** True when it was there. */
  remove(uid: string): boolean;
  /**
   * Visits every entity in the cell of `point` and the eight around it (all within one cell width,
   * and some more) until `visit` returns true.
   */
  forEachAround(point: { readonly lat: number; readonly lon: number }, visit: (track: Track) => boolean): void;
}

/** Rows and columns fit in 21 bits each with room to spare, so a cell's key is one number, not a string. */
const CELL_KEY_OFFSET = 2 ** 20;
const CELL_KEY_STRIDE = 2 ** 21;

function spatialIndex(cellMetres: number): SpatialIndex {
  const cellLat = cellMetres / METRES_PER_DEGREE;
  // Cells are arrays, walked with plain loops: every fix walks nine of them.
  const cells = new Map<number, Track[]>();
  const placeOf = new Map<string, { key: number; index: number }>();
  // A row's cells are one cell width wide at the row's edge nearest a pole, so at least that wide
  // everywhere in the row; clamped so that near the poles a row is not one endless cell.
  const cellLon = (row: number): number => {
    const poleward = Math.max(Math.abs(row * cellLat), Math.abs((row + 1) * cellLat));
    return cellLat / Math.max(0.01, Math.cos((Math.min(90, poleward) * Math.PI) / 180));
  };
  const rowOf = (lat: number): number => Math.floor(lat / cellLat);
  const keyOf = (row: number, column: number): number => (row + CELL_KEY_OFFSET) * CELL_KEY_STRIDE + column + CELL_KEY_OFFSET;

  /** Takes an entity out of its cell by moving the cell's last entity into its slot. */
  const takeOut = (uid: string, place: { readonly key: number; readonly index: number }): void => {
    const cell = cells.get(place.key);
    if (cell === undefined) return;
    const last = cell.pop();
    if (last !== undefined && last.uid !== uid) {
      cell[place.index] = last;
      const moved = placeOf.get(last.uid);
      if (moved !== undefined) moved.index = place.index;
    }
    if (cell.length === 0) cells.delete(place.key);
  };

  const remove = (uid: string): boolean => {
    const place = placeOf.get(uid);
    if (place === undefined) return false;
    placeOf.delete(uid);
    takeOut(uid, place);
    return true;
  };

  return {
    get(uid) {
      const place = placeOf.get(uid);
      return place === undefined ? undefined : cells.get(place.key)?.[place.index];
    },
    put(track) {
      const row = rowOf(track.lat);
      const key = keyOf(row, Math.floor(track.lon / cellLon(row)));
      const place = placeOf.get(track.uid);
      if (place !== undefined && place.key === key) {
        const cell = cells.get(key);
        if (cell !== undefined) cell[place.index] = track;
        return;
      }
      if (place !== undefined) takeOut(track.uid, place);
      let cell = cells.get(key);
      if (cell === undefined) {
        cell = [];
        cells.set(key, cell);
      }
      // The place is kept and moved, not made anew: entities change cells all the time.
      if (place === undefined) placeOf.set(track.uid, { key, index: cell.length });
      else {
        place.key = key;
        place.index = cell.length;
      }
      cell.push(track);
    },
    remove,
    forEachAround(point, visit) {
      const row = rowOf(point.lat);
      for (let dRow = -1; dRow <= 1; dRow += 1) {
        const column = Math.floor(point.lon / cellLon(row + dRow));
        for (let dColumn = -1; dColumn <= 1; dColumn += 1) {
          const cell = cells.get(keyOf(row + dRow, column + dColumn));
          if (cell === undefined) continue;
          for (let index = 0; index < cell.length; index += 1) if (visit(cell[index] as Track)) return;
        }
      }
    },
  };
}
