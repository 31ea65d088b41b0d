/**
 * How long ago, in the largest whole unit: "42s", "5m", "3h", "2d". Tracks go stale in hours, but
 * an outbound message can wait in the outbox for days.
 */
export function formatAge(millis: number): string {
  const seconds = Math.max(0, Math.round(millis / 1000));
  if (seconds < 60) return `${seconds}s`;
  if (seconds < 3600) return `${Math.floor(seconds / 60)}m`;
  if (seconds < 86_400) return `${Math.floor(seconds / 3600)}h`;
  return `${Math.floor(seconds / 86_400)}d`;
}
