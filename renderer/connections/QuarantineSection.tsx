import { useCallback, useState } from 'react';
import type { QuarantinedRecordSummary } from '../../shared/domain';
import type { Client } from '../client';
import { formatBytes, formatCount, formatUtcDateTime, formatUtcTime } from './figures';
import { usePolling } from './use-polling';

interface QuarantineSectionProps {
  readonly client: Client;
  /** From app.status; known even while the section is closed. */
  readonly quarantinedCount: number;
  readonly active: boolean;
}

const QUARANTINE_LIMIT = 50;
const QUARANTINE_POLL_MS = 2_000;

/** The latest records that could not be decoded, read only while the section is open. */
export function QuarantineSection({ client, quarantinedCount, active }: QuarantineSectionProps) {
  const [open, setOpen] = useState(false);
  const [entries, setEntries] = useState<readonly QuarantinedRecordSummary[] | null>(null);
  const [problem, setProblem] = useState<string | null>(null);

  const load = useCallback(async (): Promise<void> => {
    const result = await client.call('quarantine.list', { limit: QUARANTINE_LIMIT });
    if (result.ok) {
      setEntries(result.value);
      setProblem(null);
    } else {
      setProblem(result.error.message);
    }
  }, [client]);
  usePolling(() => void load(), QUARANTINE_POLL_MS, active && open);

  return (
    <details className="quarantine" data-testid="quarantine-section" open={open} onToggle={(event) => setOpen(event.currentTarget.open)}>
      <summary>
        Quarantine <span className={quarantinedCount > 0 ? 'warning' : 'muted'}>{formatCount(quarantinedCount)}</span>
      </summary>
      <p className="field-hint">
        Records that could not be decoded, newest first ({QUARANTINE_LIMIT} at most). They are kept with the reason and never stop a feed.
      </p>
      {problem === null ? null : (
        <p className="form-error" role="alert">
          {problem}
        </p>
      )}
      {entries === null ? null : entries.length === 0 ? (
        <p className="field-hint">Nothing is quarantined.</p>
      ) : (
        <ol className="quarantine-list">
          {entries.map((entry) => (
            <li key={`${entry.source}/${entry.topic}/${entry.partition}/${entry.offset}`} data-testid="quarantine-row">
              <div className="quarantine-where">
                <time dateTime={new Date(entry.receivedAt).toISOString()} title={formatUtcDateTime(entry.receivedAt)}>
                  {formatUtcTime(entry.receivedAt)}
                </time>
                <span>{entry.source}</span>
                <span className="quarantine-offset" title="topic / partition @ offset">
                  {entry.topic}/{entry.partition}@{entry.offset}
                </span>
                <span>{formatBytes(entry.bytes)}</span>
              </div>
              <p className="quarantine-reason">{entry.error}</p>
            </li>
          ))}
        </ol>
      )}
    </details>
  );
}
