import { useState } from 'react';
import type { Job } from '../../shared/jobs';
import type { ExportPolicy, ExportScope } from '../../shared/transfer';
import type { Client } from '../client';
import { RoleNote } from '../components/RoleNote';
import { formatUtc, parseUtc } from '../review/utc-time';
import { useMayCall } from '../security/role-context';
import { ExportDisabled } from './ExportDisabled';
import { ExportSection } from './ExportSection';

interface ExportWindowFormProps {
  readonly client: Client;
  readonly policy: ExportPolicy | null;
  readonly jobs: readonly Job[];
  readonly downloadUrl: (fileName: string) => string | null;
  /** The moment review shows, or null live: the window can be the hour up to it. */
  readonly reviewTime: number | null;
}

const HOUR_MS = 3_600_000;

/** Exporting every fix in a window of time. */
export function ExportWindowForm({ client, policy, jobs, downloadUrl, reviewTime }: ExportWindowFormProps) {
  const [from, setFrom] = useState('');
  const [to, setTo] = useState('');
  const mayExport = useMayCall('export.start');
  if (policy !== null && !policy.enabled) return <ExportDisabled />;
  if (!mayExport) return <RoleNote action="export from the cache" />;
  return (
    <section className="export-window" aria-label="Export a time window">
      <label>
        From (UTC)
        <input type="text" data-testid="export-window-from" placeholder="YYYY-MM-DD HH:MM:SSZ" value={from} onChange={(event) => setFrom(event.target.value)} />
      </label>
      <label>
        To (UTC)
        <input type="text" data-testid="export-window-to" placeholder="YYYY-MM-DD HH:MM:SSZ" value={to} onChange={(event) => setTo(event.target.value)} />
      </label>
      {reviewTime === null ? null : (
        <button
          type="button"
          data-testid="export-window-from-review"
          onClick={() => {
            setFrom(formatUtc(reviewTime - HOUR_MS));
            setTo(formatUtc(reviewTime));
          }}
        >
          The hour up to the review time
        </button>
      )}
      <ExportSection client={client} policy={policy} jobs={jobs} scope={windowScope(from, to)} downloadUrl={downloadUrl} action="Export this window" />
    </section>
  );
}

function windowScope(fromText: string, toText: string): ExportScope | string {
  const from = parseUtc(fromText);
  const to = parseUtc(toText);
  if (from === null || to === null) return 'Type both times as YYYY-MM-DD HH:MM:SSZ, in UTC.';
  if (from > to) return 'The window starts after it ends; swap the two times.';
  return { kind: 'window', from, to };
}
