/** "2026-11-26 14:05:07Z": to the second, in UTC, as the time field shows and reads it. */
export function formatUtc(time: number): string {
  return `${new Date(time).toISOString().slice(0, 19).replace('T', ' ')}Z`;
}

const UTC_PATTERN = /^(\d{4})-(\d{2})-(\d{2})[ T](\d{2}):(\d{2})(?::(\d{2}))?Z?$/i;

/** The time typed as "YYYY-MM-DD HH:MM[:SS]Z", or null when it is not one. */
export function parseUtc(text: string): number | null {
  const match = UTC_PATTERN.exec(text.trim());
  if (match === null) return null;
  const [year, month, day, hour, minute, second = '0'] = match.slice(1).map((part) => part ?? '0');
  const time = Date.UTC(Number(year), Number(month) - 1, Number(day), Number(hour), Number(minute), Number(second));
  // Date.UTC rolls 31 February over into March; a typed date that does not exist is refused instead.
  return formatUtc(time).startsWith(`${year}-${month}-${day} ${hour}:${minute}`) ? time : null;
}
