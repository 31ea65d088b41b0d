const countFormat = new Intl.NumberFormat('en-US');
const oneDecimalFormat = new Intl.NumberFormat('en-US', { maximumFractionDigits: 1 });
const wholeNumberFormat = new Intl.NumberFormat('en-US', { maximumFractionDigits: 0 });

export function formatCount(count: number): string {
  return countFormat.format(count);
}

/** A tenth of a record per second matters on a quiet feed; on a busy one it is noise. */
export function formatRate(perSecond: number): string {
  return `${(perSecond < 10 ? oneDecimalFormat : wholeNumberFormat).format(perSecond)} records/s`;
}

export function formatBytes(bytes: number): string {
  if (bytes < 1024) return `${countFormat.format(bytes)} B`;
  if (bytes < 1024 * 1024) return `${oneDecimalFormat.format(bytes / 1024)} KB`;
  return `${oneDecimalFormat.format(bytes / (1024 * 1024))} MB`;
}

/** Field teams work across time zones, so times are shown in UTC, as in their reports. */
export function formatUtcTime(epochMillis: number): string {
  return `${new Date(epochMillis).toISOString().slice(11, 19)}Z`;
}

export function formatUtcDateTime(epochMillis: number): string {
  return `${new Date(epochMillis).toISOString().slice(0, 19).replace('T', ' ')}Z`;
}
