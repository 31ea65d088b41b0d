import { formatCount } from '../connections/figures';

/**
 * The Outbox counts sizes and rates in decimal units, 1 KB = 1,000 bytes, because radio links are
 * rated in kbit/s: a 9.6 kbit/s link carries 1.2 KB/s. Sizes and budgets use the same KB so the
 * analyst can check a drain time by hand.
 */
export const BYTES_PER_KB = 1000;
const BYTES_PER_MB = 1000 * BYTES_PER_KB;
const BITS_PER_KBIT = 1000;

const oneDecimalFormat = new Intl.NumberFormat('en-US', { maximumFractionDigits: 1 });
const threeDecimalFormat = new Intl.NumberFormat('en-US', { maximumFractionDigits: 3 });

/** "312 B", "12.4 KB", "3.1 MB". */
export function formatSize(bytes: number): string {
  if (bytes < BYTES_PER_KB) return `${formatCount(Math.round(bytes))} B`;
  if (bytes < BYTES_PER_MB) return `${oneDecimalFormat.format(bytes / BYTES_PER_KB)} KB`;
  return `${oneDecimalFormat.format(bytes / BYTES_PER_MB)} MB`;
}

/** "2 KB/s"; a budget is stated in KB/s whatever its size, as the analyst types it, so it is never rounded away. */
export function formatBudget(bytesPerSecond: number): string {
  return `${threeDecimalFormat.format(bytesPerSecond / BYTES_PER_KB)} KB/s`;
}

/** "1.9 KB/s", "640 B/s": a measured rate, as rough as measurements are. */
export function formatByteRate(bytesPerSecond: number): string {
  return `${formatSize(bytesPerSecond)}/s`;
}

/** "16 kbit/s": how radio links are rated. */
export function formatKilobitRate(bytesPerSecond: number): string {
  return `${oneDecimalFormat.format((bytesPerSecond * 8) / BITS_PER_KBIT)} kbit/s`;
}
