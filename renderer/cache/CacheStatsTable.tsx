import type { CacheStats } from '../../shared/cache';
import { formatCount } from '../connections/figures';
import { formatSize } from '../outbox/byte-units';

/** How big the cache is, and what each source and topic holds of it, largest first. */
export function CacheStatsTable({ stats }: { readonly stats: CacheStats }) {
  const streams = [...stats.streams].sort((a, b) => b.bytes - a.bytes);
  return (
    <section aria-label="Cache size">
      <p data-testid="cache-size">
        {formatSize(stats.usedBytes)} in use of a {formatSize(stats.fileBytes)} file; {formatSize(Math.max(0, stats.fileBytes - stats.usedBytes))} could be given back by Compact.
      </p>
      <table className="cache-streams">
        <thead>
          <tr>
            <th>Source</th>
            <th>Topic</th>
            <th>Records</th>
            <th>Size</th>
          </tr>
        </thead>
        <tbody>
          {streams.map((stream) => (
            <tr key={`${stream.source}/${stream.topic}`} data-testid="cache-stream">
              <td>{stream.source}</td>
              <td>{stream.topic}</td>
              <td>{formatCount(stream.records)}</td>
              <td>{formatSize(stream.bytes)}</td>
            </tr>
          ))}
        </tbody>
      </table>
    </section>
  );
}
