import { inverse } from 'mgrs';
import type { LatLon } from '../../shared/geo';

export type LocationReading = { readonly ok: true; readonly point: LatLon } | { readonly ok: false; readonly problem: string };

export const LOCATION_HINT = 'Decimal degrees as “lat, lon”, such as 40.12345, 9.01234, or an MGRS reference, such as 32T NK 12345 67890.';

const DECIMAL_PAIR = /^([+-]?\d+(?:\.\d+)?)\s*[,\s]\s*([+-]?\d+(?:\.\d+)?)$/;
/** Grid zone (1–60 and a band letter C–X without I and O), 100 km square (two letters without I and O), then digits. */
const MGRS_REFERENCE = /^(\d{1,2})([C-HJ-NP-X])([A-HJ-NP-Z]{2})(\d*)$/;
const MAX_MGRS_DIGITS = 10;
/** Grid zones are 6° wide, except off Norway and around Svalbard, where some are widened by up to 3° a side. */
const ZONE_WIDTH_DEGREES = 6;
const WIDENED_ZONE_MARGIN_DEGREES = 3;

/**
 * Reads a location the way analysts write one: decimal degrees, latitude first, or an MGRS
 * reference, spaced or not. An MGRS reference names a square, so it is read as the square's centre.
 */
export function parseLocation(text: string): LocationReading {
  const trimmed = text.trim();
  if (trimmed === '') return { ok: false, problem: 'Enter a location.' };
  const pair = DECIMAL_PAIR.exec(trimmed);
  if (pair !== null) return decimalDegrees(Number(pair[1]), Number(pair[2]));
  const compact = trimmed.replace(/\s+/g, '').toUpperCase();
  const reference = MGRS_REFERENCE.exec(compact);
  if (reference !== null) return mgrsReference(compact, Number(reference[1]), reference[4] ?? '');
  return { ok: false, problem: `Outpost cannot read “${trimmed}” as a location. ${LOCATION_HINT}` };
}

/** “lat, lon” in decimal degrees, every digit kept, so parseLocation reads back the very same point. */
export function formatLocation(point: LatLon): string {
  return `${exactDecimal(point.lat)}, ${exactDecimal(point.lon)}`;
}

function exactDecimal(value: number): string {
  const shortest = String(value);
  // Below a millionth JavaScript writes an exponent, which the decimal pattern does not read; a
  // degree is never as large as the 10^21 at which the exponent turns positive.
  const [mantissa = shortest, exponent] = shortest.split('e');
  if (exponent === undefined) return shortest;
  const digits = mantissa.replace('-', '').replace('.', '');
  return `${value < 0 ? '-' : ''}0.${'0'.repeat(-Number(exponent) - 1)}${digits}`;
}

function decimalDegrees(lat: number, lon: number): LocationReading {
  if (lat < -90 || lat > 90) return { ok: false, problem: 'The latitude comes first and lies between -90 and 90 degrees.' };
  if (lon < -180 || lon > 180) return { ok: false, problem: 'The longitude comes second and lies between -180 and 180 degrees.' };
  return { ok: true, point: { lat, lon } };
}

function mgrsReference(compact: string, zone: number, digits: string): LocationReading {
  if (zone < 1 || zone > 60) return { ok: false, problem: 'An MGRS grid zone is numbered 1 to 60.' };
  if (digits.length % 2 !== 0 || digits.length > MAX_MGRS_DIGITS) {
    return { ok: false, problem: 'An MGRS reference has as many easting digits as northing digits, at most five of each.' };
  }
  // The pattern cannot know which 100 km squares exist in each zone. The mgrs package refuses some
  // with an exception but places others in a far-off zone, so the square must also lie in its own zone.
  let bounds: [number, number, number, number];
  try {
    bounds = inverse(compact);
  } catch {
    bounds = [Number.NaN, Number.NaN, Number.NaN, Number.NaN];
  }
  const [west, south, east, north] = bounds;
  const zoneWest = (zone - 1) * ZONE_WIDTH_DEGREES - 180;
  const inItsZone = east >= zoneWest - WIDENED_ZONE_MARGIN_DEGREES && west <= zoneWest + ZONE_WIDTH_DEGREES + WIDENED_ZONE_MARGIN_DEGREES;
  if (!inItsZone || !(south >= -90 && north <= 90)) {
    return { ok: false, problem: `There is no MGRS square “${compact.slice(0, compact.length - digits.length)}”. Check the grid zone and the two square letters.` };
  }
  return { ok: true, point: { lat: (south + north) / 2, lon: (west + east) / 2 } };
}
