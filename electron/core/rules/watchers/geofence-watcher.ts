import type { Track } from '../../../../shared/domain';
import { distanceMetres, pointInPolygon, type LatLon } from '../../../../shared/geo';
import type { GeofenceArea, GeofenceTrigger } from '../../../../shared/rules';
import { entityName, findingAt, type FindingSink, type Watcher } from '../watcher';

interface Presence {
  inside: boolean;
  /** When the entity was first seen inside this time, by its fixes' clock. */
  since: number;
  /** The fix that last put it inside, for the alert's place and time. */
  last: Track;
}

/**
 * Enter and exit hold from the first fix on the far side of the boundary until the entity crosses
 * back: an entity first seen already inside has not entered, so a feed joining mid-mission does
 * not raise one alert per entity. Dwell holds once an entity has stayed inside long enough, by its
 * own fixes' times, judged on each fix and as time passes.
 */
export function geofenceWatcher(area: GeofenceArea, trigger: GeofenceTrigger, dwellSeconds: number | null, areaName: string): Watcher {
  const contains = containment(area);
  const presence = new Map<string, Presence>();
  const dwellMs = (dwellSeconds ?? 0) * 1000;

  const judgeDwell = (uid: string, state: Presence, now: number, sink: FindingSink): void => {
    if (state.inside && now - state.since >= dwellMs) {
      const { last, since } = state;
      sink.holds(uid, () => findingAt(last, `${entityName(last)} has stayed inside ${areaName} for ${Math.round((now - since) / 60_000)} min.`));
    } else {
      sink.clears(uid);
    }
  };

  return {
    observe(track, _receivedAt, sink) {
      const inside = contains(track);
      let state = presence.get(track.uid);
      // Updated in place: this runs for every fix of every entity, and allocating here showed in profiles.
      const crossed = state !== undefined && state.inside !== inside;
      if (state === undefined) {
        state = { inside, since: track.time, last: track };
        presence.set(track.uid, state);
      } else if (crossed) {
        state.inside = inside;
        state.since = track.time;
      }
      state.last = track;
      if (trigger === 'dwell') {
        judgeDwell(track.uid, state, track.time, sink);
        return;
      }
      if (crossed && inside === (trigger === 'enter')) {
        sink.holds(track.uid, () => findingAt(track, `${entityName(track)} ${trigger === 'enter' ? 'entered' : 'left'} ${areaName}.`));
      } else if (crossed) {
        sink.clears(track.uid);
      }
    },
    tick(now, sink) {
      if (trigger !== 'dwell') return;
      // Fix times and the clock may differ by the feed's delay; the later of the two is the fairer "now".
      for (const [uid, state] of presence) if (state.inside) judgeDwell(uid, state, Math.max(now, state.last.time), sink);
    },
  };
}

/** A point test with a bounding-box shortcut, since most fixes are nowhere near a fence. */
function containment(area: GeofenceArea): (point: LatLon) => boolean {
  if (area.shape === 'circle') {
    const centre = { lat: area.lat, lon: area.lon };
    return (point) => distanceMetres(centre, point) <= area.radiusMetres;
  }
  const ring = area.ring.map(([lon, lat]) => ({ lat, lon }));
  const south = Math.min(...ring.map((corner) => corner.lat));
  const north = Math.max(...ring.map((corner) => corner.lat));
  const west = Math.min(...ring.map((corner) => corner.lon));
  const east = Math.max(...ring.map((corner) => corner.lon));
  return (point) => point.lat >= south && point.lat <= north && point.lon >= west && point.lon <= east && pointInPolygon(point, ring);
}
