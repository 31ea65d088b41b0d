import type { Track } from '../../../../shared/domain';
import { distanceMetres, pointInPolygon, type LatLon } from '../../../../shared/geo';
import type { GeofenceArea, GeofenceTrigger } from '../../../../shared/rules';
import { NumberColumn, ObjectColumn } from '../columns';
import { cosOfLatitude, METRES_PER_DEGREE } from '../spatial-grid';
import { entityName, findingAt, type FindingSink, type Watcher } from '../watcher';

const UNSEEN = 0;
const OUTSIDE = 1;
const INSIDE = 2;

/**
 * Enter and exit hold from the first fix on the far side of the boundary until the entity crosses
 * back: an entity first seen already inside has not entered, so a feed joining mid-mission does
 * not raise one alert per entity. Dwell holds once an entity has stayed inside long enough, by its
 * own fixes' times, judged on each fix and as time passes.
 */
export function geofenceWatcher(area: GeofenceArea, trigger: GeofenceTrigger, dwellSeconds: number | null, areaName: string): Watcher {
  const contains = containment(area);
  const sides = new NumberColumn(UNSEEN);
  /** When each entity inside was first seen there this time, by its fixes' clock. */
  const insideSince = new NumberColumn(Number.NaN);
  /** The fix that last put each entity inside, for a dwell alert's place and time. */
  const lastInside = new ObjectColumn<Track>();
  /** Dwell is judged as time passes for these alone. */
  const inside = new Set<number>();
  const dwellMs = (dwellSeconds ?? 0) * 1000;

  const judgeDwell = (entity: number, now: number, sink: FindingSink): void => {
    const since = insideSince.get(entity);
    const last = lastInside.get(entity);
    if (last !== null && now - since >= dwellMs) {
      sink.holds(entity, () => findingAt(last, `${entityName(last)} has stayed inside ${areaName} for ${Math.round((now - since) / 60_000)} min.`));
    } else {
      sink.clears(entity);
    }
  };

  return {
    observe(track, entity, _receivedAt, sink) {
      const side = contains(track) ? INSIDE : OUTSIDE;
      const before = sides.get(entity);
      if (side === INSIDE) lastInside.set(entity, track);
      if (before === side) {
        if (trigger === 'dwell' && side === INSIDE) judgeDwell(entity, track.time, sink);
        return;
      }
      sides.set(entity, side);
      if (side === INSIDE) {
        insideSince.set(entity, track.time);
        if (trigger === 'dwell') inside.add(entity);
      } else {
        lastInside.set(entity, null);
        inside.delete(entity);
      }
      if (trigger === 'dwell') {
        judgeDwell(entity, track.time, sink);
      } else if (before !== UNSEEN && (side === INSIDE) === (trigger === 'enter')) {
        sink.holds(entity, () => findingAt(track, `${entityName(track)} ${trigger === 'enter' ? 'entered' : 'left'} ${areaName}.`));
      } else if (before !== UNSEEN) {
        sink.clears(entity);
      }
    },
    tick(now, sink) {
      // Fix times and the clock may differ by the feed's delay; the later of the two is the fairer "now".
      for (const entity of inside) judgeDwell(entity, Math.max(now, lastInside.get(entity)?.time ?? now), sink);
    },
  };
}

/** A point test with a bounding-box shortcut, since most fixes are nowhere near a fence. */
function containment(area: GeofenceArea): (point: LatLon) => boolean {
  if (area.shape === 'circle') {
    const centre = { lat: area.lat, lon: area.lon };
    // The box is a little larger than the circle, so it only ever saves the exact test.
    const halfHeight = (area.radiusMetres / METRES_PER_DEGREE) * 1.01;
    const halfWidth = halfHeight / Math.max(0.01, cosOfLatitude(Math.min(89.9, Math.abs(area.lat) + halfHeight)));
    return (point) => Math.abs(point.lat - centre.lat) <= halfHeight && Math.abs(point.lon - centre.lon) <= halfWidth && distanceMetres(centre, point) <= area.radiusMetres;
  }
  const ring = area.ring.map(([lon, lat]) => ({ lat, lon }));
  const south = Math.min(...ring.map((corner) => corner.lat));
  const north = Math.max(...ring.map((corner) => corner.lat));
  const west = Math.min(...ring.map((corner) => corner.lon));
  const east = Math.max(...ring.map((corner) => corner.lon));
  return (point) => point.lat >= south && point.lat <= north && point.lon >= west && point.lon <= east && pointInPolygon(point, ring);
}
