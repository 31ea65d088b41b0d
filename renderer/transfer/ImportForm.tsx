import { useEffect, useState, type FormEvent } from 'react';
import type { Job } from '../../shared/jobs';
import { IMPORT_FORMATS, type ImportFormat, type ImportSource } from '../../shared/transfer';
import type { Client } from '../client';
import { RoleNote } from '../components/RoleNote';
import { formatCount } from '../connections/figures';
import { formatUtc } from '../review/utc-time';
import { useMayCall } from '../security/role-context';
import { JobProgress } from './JobProgress';
import { latestOf } from './use-jobs';

interface ImportFormProps {
  readonly client: Client;
  readonly jobs: readonly Job[];
}

const FORMAT_LABELS: Record<ImportFormat, string> = {
  auto: 'Tell from the file',
  'outpost-geojson': 'Outpost GeoJSON export',
  'cot-xml': 'CoT XML',
  'json-lines': 'JSON lines',
};

const noDownload = (): null => null;

/** Reading a file into the cache for review, by its path on the machine running Outpost, and the files read so far. */
export function ImportForm({ client, jobs }: ImportFormProps) {
  const [path, setPath] = useState('');
  const [format, setFormat] = useState<ImportFormat>('auto');
  const [name, setName] = useState('');
  const [started, setStarted] = useState<Job | null>(null);
  const [problem, setProblem] = useState<string | null>(null);
  const [sources, setSources] = useState<readonly ImportSource[]>([]);
  const mayImport = useMayCall('import.start');
  const job = latestOf(jobs, started);
  const jobState = job?.state ?? null;

  // A finished import adds a source: read the list again each time a job of this form ends.
  useEffect(() => {
    if (jobState === 'running') return;
    void client.call('import.sources', {}).then((answer) => {
      if (answer.ok) setSources(answer.value);
    });
  }, [client, jobState]);

  const submit = (event: FormEvent): void => {
    event.preventDefault();
    void client.call('import.start', { path: path.trim(), format, ...(name.trim() === '' ? {} : { name: name.trim() }) }).then((answer) => {
      if (!answer.ok) return setProblem(answer.error.message);
      setProblem(null);
      setStarted(answer.value);
    });
  };

  return (
    <section className="import-section" aria-label="Import">
      {mayImport ? (
        <form onSubmit={submit}>
          <label>
            File path
            <input type="text" data-testid="import-path" placeholder="the full path on the machine running Outpost" value={path} onChange={(event) => setPath(event.target.value)} />
          </label>
          <label>
            Format
            <select data-testid="import-format" value={format} onChange={(event) => setFormat(event.target.value as ImportFormat)}>
              {IMPORT_FORMATS.map((choice) => (
                <option key={choice} value={choice}>
                  {FORMAT_LABELS[choice]}
                </option>
              ))}
            </select>
          </label>
          <label>
            Name (optional)
            <input type="text" data-testid="import-name" value={name} onChange={(event) => setName(event.target.value)} />
          </label>
          <button type="submit" data-testid="import-start" disabled={path.trim() === '' || jobState === 'running'}>
            Import
          </button>
        </form>
      ) : (
        <RoleNote action="import files" />
      )}
      {problem === null ? null : (
        <p className="form-problem" role="alert" data-testid="import-problem">
          {problem}
        </p>
      )}
      {job === null ? null : <JobProgress client={client} job={job} downloadUrl={noDownload} />}
      <h3>Imported files</h3>
      {sources.length === 0 ? <p className="form-hint">Nothing imported yet.</p> : null}
      <ul className="import-sources">
        {sources.map((source) => (
          <li key={source.id} data-testid="import-source">
            <strong>{source.name}</strong> · {source.fileName} · {formatCount(source.records)} records
            {source.quarantined > 0 ? `, ${formatCount(source.quarantined)} quarantined` : ''} · {formatUtc(source.importedAt)} · source import:{source.id}
          </li>
        ))}
      </ul>
    </section>
  );
}
