/** The latest instant a JavaScript Date can hold (ECMA-262, "Time Values and Time Range"). */
const MAX_EPOCH_MS = 8.64e15;

// Epoch milliseconds passed 1e12 in September 2001; epoch seconds will not reach it for another
// thirty thousand years. One threshold therefore tells the two apart for any plausible feed.
const SECONDS_BELOW = 1e12;

const decimalText = /^\d+(?:\.\d+)?$/;
const isoDateTimeWithZone = /^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}(?::\d{2}(?:\.\d+)?)?(?:Z|[+-]\d{2}:\d{2})$/;

/**
 * Reads a time given as ISO 8601 text, epoch milliseconds or epoch seconds (number or digits),
 * as integer epoch milliseconds; null when it is none of those. ISO text must name its zone:
 * without one, JavaScript reads it as local time and each analyst's machine would see a
 * different instant.
 */
export function epochMillisFrom(value: unknown): number | null {
  if (typeof value === 'number') return epochMillisFromNumber(value);
  if (typeof value !== 'string') return null;
  if (decimalText.test(value)) return epochMillisFromNumber(Number(value));
  return isoDateTimeWithZone.test(value) ? validEpochMillis(Date.parse(value)) : null;
}

function epochMillisFromNumber(value: number): number | null {
  return validEpochMillis(value < SECONDS_BELOW ? value * 1000 : value);
}

/** Integer milliseconds between 1970 and the end of Date's range, or null (NaN included). */
export function validEpochMillis(value: number): number | null {
  const millis = Math.round(value);
  return millis >= 0 && millis <= MAX_EPOCH_MS ? millis : null;
}

/** A finite number, or text holding one, as many feeds quote their numbers; null otherwise. */
export function finiteNumberFrom(value: unknown): number | null {
  if (typeof value === 'number') return Number.isFinite(value) ? value : null;
  if (typeof value !== 'string' || value.trim() === '') return null;
  const parsed = Number(value);
  return Number.isFinite(parsed) ? parsed : null;
}

export function isLatitude(value: number): boolean {
  return value >= -90 && value <= 90;
}

export function isLongitude(value: number): boolean {
  return value >= -180 && value <= 180;
}

/** Unknown affiliation, ground: the type that claims least about a point that does not say what it is. */
export const UNKNOWN_POINT_COT_TYPE = 'a-u-G';

/** An id as JSON gives one: non-empty text, or a finite number written as text. */
export function idFrom(value: unknown): string | null {
  if (typeof value === 'string') return value === '' ? null : value;
  return typeof value === 'number' && Number.isFinite(value) ? String(value) : null;
}

export function nonEmptyTextOrNull(value: unknown): string | null {
  return typeof value === 'string' && value !== '' ? value : null;
}
