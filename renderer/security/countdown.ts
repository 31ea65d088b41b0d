/** "4:59", or "1:04:59" from an hour up: the time left, rounded up to the second so it never shows 0:00 early. */
export function formatCountdown(millis: number): string {
  const total = Math.max(0, Math.ceil(millis / 1000));
  const hours = Math.floor(total / 3600);
  const minutes = Math.floor((total % 3600) / 60);
  const seconds = String(total % 60).padStart(2, '0');
  return hours > 0 ? `${hours}:${String(minutes).padStart(2, '0')}:${seconds}` : `${minutes}:${seconds}`;
}
