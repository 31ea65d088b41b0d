import { bearingDegrees, distanceMetres, type LatLon } from '../../../shared/geo';

export interface RoutePosition extends LatLon {
  /** Degrees clockwise from true north. */
  readonly course: number;
}

/**
 * A closed loop through waypoints, travelled at constant speed. Position is a
 * pure function of distance travelled, so the scenario needs no mutable state.
 */
export interface Route {
  readonly length: number;
  positionAt(distance: number): RoutePosition;
}

export function loopRoute(waypoints: readonly LatLon[]): Route {
  if (waypoints.length < 2) throw new Error('A route needs at least two waypoints.');
  const legs = waypoints.map((from, index) => {
    const to = waypoints[(index + 1) % waypoints.length] as LatLon;
    return { from, to, length: distanceMetres(from, to), course: bearingDegrees(from, to) };
  });
  const length = legs.reduce((sum, leg) => sum + leg.length, 0);
  return {
    length,
    positionAt(distance) {
      let remaining = ((distance % length) + length) % length;
      for (const leg of legs) {
        if (remaining <= leg.length) {
          const fraction = leg.length === 0 ? 0 : remaining / leg.length;
          return {
            lat: leg.from.lat + (leg.to.lat - leg.from.lat) * fraction,
            lon: leg.from.lon + (leg.to.lon - leg.from.lon) * fraction,
            course: leg.course,
          };
        }
        remaining -= leg.length;
      }
      const last = legs.at(-1);
      if (last === undefined) throw new Error('A route needs at least two waypoints.');
      return { lat: last.to.lat, lon: last.to.lon, course: last.course };
    },
  };
}
