import type { ForwardDryRun, ForwardRule, ForwardSource, ForwardStats } from '../../shared/forwarding';
import { formatCount } from '../connections/figures';
import { formatSize } from '../outbox/byte-units';
import { formatDrainTime } from '../outbox/drain-time';

/** "Edge broker / cot.ground", or "Edge broker / topics matching cot\..*"; a deleted profile shows by its id. */
export function describeSource(source: ForwardSource, profileName: string | null): string {
  const profile = profileName ?? source.profileId;
  return source.kind === 'topic' ? `${profile} / ${source.topic}` : `${profile} / topics matching ${source.pattern}`;
}

export function describeDestination(destination: ForwardRule['destination'], profileName: string | null): string {
  return `${profileName ?? destination.profileId} / ${destination.topic}`;
}

export function describeFilter(filter: string | null): string {
  return filter ?? 'every position';
}

/** "one per entity every 30 s", or "every position" when nothing is thinned out. */
export function describeDecimation(decimationSeconds: number | null): string {
  return decimationSeconds === null ? 'every position' : `one per entity every ${formatCount(decimationSeconds)} s`;
}

export function describeDroppedFields(dropFields: readonly string[]): string {
  return dropFields.length === 0 ? 'sends every field' : `drops ${dropFields.join(', ')}`;
}

/** "seen 48,210 records, forwarded 1,610". */
export function describeRecords(stats: ForwardStats): string {
  return `seen ${formatCount(stats.recordsSeen)} ${stats.recordsSeen === 1 ? 'record' : 'records'}, forwarded ${formatCount(stats.recordsForwarded)}`;
}

/** "sent 1.2 MB of 48 MB seen, 97% saved"; before anything is seen there is no saving to speak of. */
export function describeBytes(stats: ForwardStats): string {
  if (stats.bytesSeen === 0) return `sent ${formatSize(stats.bytesSent)}, nothing seen yet`;
  return `sent ${formatSize(stats.bytesSent)} of ${formatSize(stats.bytesSeen)} seen, ${describeSaving(stats.bytesSeen, stats.bytesSent)}`;
}

/** "12 queued, about 3 min to drain", "nothing queued", or "12 queued, time to drain unknown". */
export function describeQueue(stats: ForwardStats): string {
  if (stats.queued === 0) return 'nothing queued';
  const queued = `${formatCount(stats.queued)} queued`;
  return stats.drainSeconds === null ? `${queued}, time to drain unknown` : `${queued}, ${formatDrainTime(stats.drainSeconds)} to drain`;
}

/**
 * "Over the last 24 h: 48,210 records seen, 1,610 would be sent; 48 MB seen, 900 KB on the wire
 * (98% saved)."
 */
export function describeDryRun(result: ForwardDryRun): string {
  const records = `${formatCount(result.recordsSeen)} ${result.recordsSeen === 1 ? 'record' : 'records'} seen, ${formatCount(result.recordsForwarded)} would be sent`;
  const bytes =
    result.bytesSeen === 0
      ? `${formatSize(result.wireBytes)} on the wire`
      : `${formatSize(result.bytesSeen)} seen, ${formatSize(result.wireBytes)} on the wire (${describeSaving(result.bytesSeen, result.wireBytes)})`;
  return `Over the last ${formatCount(result.hours)} h: ${records}; ${bytes}.`;
}

/**
 * "97% saved". Rounded down, so a rule that sent anything never claims 100%; when compression
 * overhead makes the wire cost more than what was seen, it says so rather than showing a negative saving.
 */
function describeSaving(seen: number, sent: number): string {
  if (sent > seen) return 'nothing saved';
  // In whole bytes, so 7% of a round figure is not floored to 6% by a binary fraction.
  return `${Math.floor(((seen - sent) * 100) / seen)}% saved`;
}
