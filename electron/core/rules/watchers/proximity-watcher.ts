import type { Track } from '../../../../shared/domain';
import { distanceMetres } from '../../../../shared/geo';
import { NO_ENTITY, NumberColumn, ObjectColumn } from '../columns';
import { CELL_ENTRY, cosOfLatitude, flatSquaredMetres, spatialGrid } from '../spatial-grid';
import { entityName, wholeNumber, type FindingSink, type Watcher } from '../watcher';


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
  const watched = spatialGrid(distance);
  const others = spatialGrid(distance);
  const pairs = nearPairs();
  /** Each entity's latest fix, for the alert's words. */
  const latest = new ObjectColumn<Track>();
  const limitSquared = distance * distance;
  const within = wholeNumber(distance);
  /** Reused for every walk of the grid: walks never nest. */
  const around: number[][] = [];

  const hold = (a: number, b: number, sink: FindingSink): void => {
    pairs.link(a, b);
    sink.holds(a, () => {
      const track = latest.get(a) as Track;
      const other = latest.get(b) as Track;
      return {
        subject: track.uid,
        callsign: track.callsign,
        time: Math.max(track.time, other.time),
        lat: track.lat,
        lon: track.lon,
        message: `${entityName(other)} is ${wholeNumber(distanceMetres(track, other))} m from ${entityName(track)}, within ${within} m.`,
      };
    });
  };

  /** Whether a B is near a watched entity: the one it was near if that one still is, else the first found. */
  const judge = (a: number, sink: FindingSink): void => {
    const lat = watched.latitudeOf(a);
    const lon = watched.longitudeOf(a);
    const cos = cosOfLatitude(lat);
    const known = pairs.nearOf(a);
    if (known !== NO_ENTITY && others.has(known) && flatSquaredMetres(lat, lon, cos, others.latitudeOf(known), others.longitudeOf(known)) <= limitSquared) return;
    let found = NO_ENTITY;
    const cells = others.cellsAround(lat, lon, around);
    search: for (let c = 0; c < cells; c += 1) {
      const cell = around[c] as number[];
      for (let i = 0; i < cell.length; i += CELL_ENTRY) {
        const b = cell[i] as number;
        if (b !== a && flatSquaredMetres(lat, lon, cos, cell[i + 1] as number, cell[i + 2] as number) <= limitSquared) {
          found = b;
          break search;
        }
      }
    }
    if (found === NO_ENTITY) {
      pairs.release(a);
      sink.clears(a);
    } else {
      hold(a, found, sink);
    }
  };

  /** A B moved (or stopped counting as B): the A it was near look again, and the A now near it hold. */
  const otherMoved = (b: number, lat: number, lon: number, stillOther: boolean, sink: FindingSink): void => {
    const cos = cosOfLatitude(lat);
    // Judging a holder may unlink it, so the next one is read first.
    for (let a = pairs.firstNear(b), next = NO_ENTITY; a !== NO_ENTITY; a = next) {
      next = pairs.nextNear(a);
      if (!stillOther || flatSquaredMetres(lat, lon, cos, watched.latitudeOf(a), watched.longitudeOf(a)) > limitSquared) judge(a, sink);
    }
    if (!stillOther) return;
    const cells = watched.cellsAround(lat, lon, around);
    for (let c = 0; c < cells; c += 1) {
      const cell = around[c] as number[];
      for (let i = 0; i < cell.length; i += CELL_ENTRY) {
        const a = cell[i] as number;
        // Distance first: most entities in the nine cells are out of range, and it is the cheapest test.
        if (flatSquaredMetres(lat, lon, cos, cell[i + 1] as number, cell[i + 2] as number) <= limitSquared && a !== b && pairs.nearOf(a) === NO_ENTITY) hold(a, b, sink);
      }
    }
  };

  return {
    observe(track, entity, receivedAt, sink) {
      latest.set(entity, track);
      if (isNear(track, receivedAt)) {
        others.put(entity, track.lat, track.lon);
        otherMoved(entity, track.lat, track.lon, true, sink);
      } else if (others.remove(entity)) {
        otherMoved(entity, track.lat, track.lon, false, sink);
      }
      if (isWatched(track, receivedAt)) {
        watched.put(entity, track.lat, track.lon);
        judge(entity, sink);
      } else if (watched.remove(entity)) {
        pairs.release(entity);
        sink.clears(entity);
      }
    },
  };
}

/**
 * Which B each holding A is near, and for each B the A near it, as lists threaded through
 * columns: an A is near one B at a time, so a B's holders are a list and a move of B re-judges
 * only them.
 */
function nearPairs() {
  const nearOf = new NumberColumn(NO_ENTITY);
  const first = new NumberColumn(NO_ENTITY);
  const next = new NumberColumn(NO_ENTITY);
  const previous = new NumberColumn(NO_ENTITY);

  const release = (a: number): void => {
    const b = nearOf.get(a);
    if (b === NO_ENTITY) return;
    nearOf.set(a, NO_ENTITY);
    const before = previous.get(a);
    const after = next.get(a);
    if (before === NO_ENTITY) first.set(b, after);
    else next.set(before, after);
    if (after !== NO_ENTITY) previous.set(after, before);
  };

  return {
    nearOf: (a: number): number => nearOf.get(a),
    firstNear: (b: number): number => first.get(b),
    nextNear: (a: number): number => next.get(a),
    release,
    link(a: number, b: number): void {
      if (nearOf.get(a) === b) return;
      release(a);
      nearOf.set(a, b);
      const head = first.get(b);
      next.set(a, head);
      previous.set(a, NO_ENTITY);
      if (head !== NO_ENTITY) previous.set(head, a);
      first.set(b, a);
    },
  };
}
