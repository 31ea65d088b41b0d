import { useState } from 'react';
import type { Job } from '../../shared/jobs';
import type { Client } from '../client';
import { formatCount } from '../connections/figures';
import { useMayCall } from '../security/role-context';
import { FinishedExport } from './FinishedExport';
import './transfer.css';

interface JobProgressProps {
  readonly client: Client;
  readonly job: Job;
  /** Where a finished export can be downloaded from, or null where the host offers no download. */
  readonly downloadUrl: (fileName: string) => string | null;
}

const STATE_WORDS: Record<Job['state'], string> = { running: 'Running', done: 'Done', failed: 'Failed', cancelled: 'Cancelled' };

/** A job's progress bar, its outcome, Cancel while it runs and a way to the file once it is written. */
export function JobProgress({ client, job, downloadUrl }: JobProgressProps) {
  const [problem, setProblem] = useState<string | null>(null);
  const mayCancel = useMayCall('jobs.cancel');
  const cancel = (): void => {
    void client.call('jobs.cancel', { id: job.id }).then((answer) => setProblem(answer.ok ? null : answer.error.message));
  };
  return (
    <div className={`job-progress job-${job.state}`} data-testid="job-progress" data-job-id={job.id} data-state={job.state}>
      <div className="job-label">
        {job.label} — {STATE_WORDS[job.state]}
      </div>
      <progress data-testid="job-bar" max={job.total ?? undefined} value={job.total === null ? undefined : job.done} aria-label={`${job.label} progress`} />
      <div className="job-figures" data-testid="job-figures">
        {job.total === null ? formatCount(job.done) : `${formatCount(job.done)} of ${formatCount(job.total)}`}
        {job.message === null ? null : ` · ${job.message}`}
      </div>
      {job.state === 'running' && mayCancel ? (
        <button type="button" data-testid="job-cancel" onClick={cancel}>
          Cancel
        </button>
      ) : null}
      {/* Keyed by name, so where one export was saved is never shown under the next. */}
      {job.file === null || job.state !== 'done' ? null : (
        <FinishedExport key={job.file.name} client={client} file={job.file} downloadUrl={downloadUrl(job.file.name)} />
      )}
      {problem === null ? null : (
        <p className="form-problem" role="alert">
          {problem}
        </p>
      )}
    </div>
  );
}
