const MINUTE_SECONDS = 60;
const HOUR_SECONDS = 60 * MINUTE_SECONDS;
const DAY_SECONDS = 24 * HOUR_SECONDS;

/**
 * How long a queue takes to empty, as an estimate reads: "under a minute", "about 3 min",
 * "about 2 h 15 min", "about 1 d 4 h". A slow link can hold a queue for days.
 */
export function formatDrainTime(seconds: number): string {
  if (seconds < MINUTE_SECONDS) return 'under a minute';
  const minutes = Math.round(seconds / MINUTE_SECONDS);
  if (minutes < 60) return `about ${minutes} min`;
  const hours = Math.round(seconds / HOUR_SECONDS);
  if (seconds < DAY_SECONDS) {
    const wholeHours = Math.floor(minutes / 60);
    const restMinutes = minutes % 60;
    return restMinutes === 0 ? `about ${wholeHours} h` : `about ${wholeHours} h ${restMinutes} min`;
  }
  const days = Math.floor(hours / 24);
  const restHours = hours % 24;
  return restHours === 0 ? `about ${days} d` : `about ${days} d ${restHours} h`;
}
