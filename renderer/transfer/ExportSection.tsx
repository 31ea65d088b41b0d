import { useState } from 'react';
import type { Job } from '../../shared/jobs';
import { EXPORT_FORMATS, type ExportFormat, type ExportPolicy, type ExportScope } from '../../shared/transfer';
import type { Client } from '../client';
import { RoleNote } from '../components/RoleNote';
import { useMayCall } from '../security/role-context';
import { ExportDisabled } from './ExportDisabled';
import { JobProgress } from './JobProgress';
import { latestOf } from './use-jobs';

interface ExportSectionProps {
  readonly client: Client;
  readonly policy: ExportPolicy | null;
  readonly jobs: readonly Job[];
  /** What to export, or a sentence saying what is missing first. */
  readonly scope: ExportScope | string;
  readonly downloadUrl: (fileName: string) => string | null;
  /** The button's words, such as "Export these". */
  readonly action: string;
}

const FORMAT_LABELS: Record<ExportFormat, string> = { geojson: 'GeoJSON', csv: 'CSV', kml: 'KML', cot: 'CoT XML' };

/** Choosing a format and starting an export, with the marking the file will carry and its progress. */
export function ExportSection({ client, policy, jobs, scope, downloadUrl, action }: ExportSectionProps) {
  const [format, setFormat] = useState<ExportFormat>('geojson');
  const [started, setStarted] = useState<Job | null>(null);
  const [problem, setProblem] = useState<string | null>(null);
  const mayExport = useMayCall('export.start');
  if (policy === null) return null;
  if (!policy.enabled) return <ExportDisabled />;
  if (!mayExport) return <RoleNote action="export from the cache" />;
  const job = latestOf(jobs, started);
  const start = (): void => {
    if (typeof scope === 'string') return;
    void client.call('export.start', { scope, format }).then((answer) => {
      if (!answer.ok) return setProblem(answer.error.message);
      setProblem(null);
      setStarted(answer.value);
    });
  };
  return (
    <section className="export-section" aria-label="Export">
      <p className="export-marking" data-testid="export-marking">
        The file will be headed <strong>{policy.marking}</strong>, and its name will start with it.
      </p>
      <label>
        Format
        <select data-testid="export-format" value={format} onChange={(event) => setFormat(event.target.value as ExportFormat)}>
          {EXPORT_FORMATS.map((choice) => (
            <option key={choice} value={choice}>
              {FORMAT_LABELS[choice]}
            </option>
          ))}
        </select>
      </label>
      <button type="button" data-testid="export-start" disabled={typeof scope === 'string' || job?.state === 'running'} title={typeof scope === 'string' ? scope : undefined} onClick={start}>
        {action}
      </button>
      {typeof scope === 'string' ? <p className="form-hint">{scope}</p> : null}
      {problem === null ? null : (
        <p className="form-problem" role="alert" data-testid="export-problem">
          {problem}
        </p>
      )}
      {job === null ? null : <JobProgress client={client} job={job} downloadUrl={downloadUrl} />}
    </section>
  );
}
