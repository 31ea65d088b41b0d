export const METRES_PER_NAUTICAL_MILE = 1852;

/** `1.23 km`, `123.4 km`, `1,234 km`: about three significant figures, which a click on a map can honestly claim. */
export function formatKilometres(metres: number): string {
  return `${threeFigures(metres / 1000)} km`;
}

/** Same precision as kilometres; `nmi` because `nm` reads as nanometres. */
export function formatNauticalMiles(metres: number): string {
  return `${threeFigures(metres / METRES_PER_NAUTICAL_MILE)} nmi`;
}

/** `047° T`: whole degrees from true north, three digits as navigators write them, never `360`. */
export function formatBearing(degrees: number): string {
  const whole = ((Math.round(degrees) % 360) + 360) % 360;
  return `${String(whole).padStart(3, '0')}° T`;
}

function threeFigures(value: number): string {
  const decimals = value < 10 ? 2 : value < 1000 ? 1 : 0;
  return value.toLocaleString('en-US', { minimumFractionDigits: decimals, maximumFractionDigits: decimals });
}
