import { forward } from 'mgrs';
import type { LatLon } from '../../../shared/geo';

export const COORDINATE_FORMATS = ['latlon', 'mgrs'] as const;
export type CoordinateFormat = (typeof COORDINATE_FORMATS)[number];

/**
 * The mgrs package converts through UTM only, which MGRS uses from 80° S to 84° N; the polar caps
 * use UPS grids that it refuses with an exception, so the readout says so instead.
 */
const MGRS_SOUTH_LIMIT = -80;
const MGRS_NORTH_LIMIT = 84;
export const OUTSIDE_MGRS = 'outside MGRS';

/** Five decimals of a degree is about a metre, as fine as a pointer on a map can mean. */
const DEGREE_DECIMALS = 5;
const MGRS_DIGITS_PER_AXIS = 5;

/** MapLibre reports longitudes beyond ±180° when the pointer is over a repeated copy of the world. */
export function wrapLongitude(lon: number): number {
  return ((((lon + 180) % 360) + 360) % 360) - 180;
}

/** For example `40.12345° N  9.01234° E`: latitude first, two spaces apart, as analysts read them aloud. */
export function formatLatLon(point: LatLon): string {
  return `${degreesWithHemisphere(point.lat, 'N', 'S')}  ${degreesWithHemisphere(wrapLongitude(point.lon), 'E', 'W')}`;
}

/** For example `32T NK 12345 67890`, to the metre; `outside MGRS` near the poles. */
export function formatMgrs(point: LatLon): string {
  if (!Number.isFinite(point.lat) || point.lat < MGRS_SOUTH_LIMIT || point.lat > MGRS_NORTH_LIMIT) return OUTSIDE_MGRS;
  return spacedMgrs(forward([wrapLongitude(point.lon), point.lat], MGRS_DIGITS_PER_AXIS));
}

export function formatCoordinate(point: LatLon, format: CoordinateFormat): string {
  return format === 'mgrs' ? formatMgrs(point) : formatLatLon(point);
}

function degreesWithHemisphere(degrees: number, positive: string, negative: string): string {
  const magnitude = Math.abs(degrees).toFixed(DEGREE_DECIMALS);
  // A value that rounds to zero is on the equator or prime meridian, not "0.00000° S".
  const hemisphere = degrees < 0 && Number(magnitude) !== 0 ? negative : positive;
  return `${magnitude}° ${hemisphere}`;
}

/** `32TNK1234567890` → `32T NK 12345 67890`: grid zone, 100 km square, easting, northing. */
function spacedMgrs(compact: string): string {
  const parts = /^(\d{1,2}[C-X])([A-Z]{2})(\d*)$/.exec(compact);
  if (parts === null) return compact;
  const [, zone = '', square = '', digits = ''] = parts;
  const half = digits.length / 2;
  return [zone, square, digits.slice(0, half), digits.slice(half)].filter((part) => part !== '').join(' ');
}
