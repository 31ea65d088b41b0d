import type { Job } from '../../shared/jobs';
import type { ExportPolicy } from '../../shared/transfer';
import type { Client } from '../client';
import { ExportWindowForm } from './ExportWindowForm';
import { ImportForm } from './ImportForm';

interface FilesPanelProps {
  readonly client: Client;
  readonly policy: ExportPolicy | null;
  readonly jobs: readonly Job[];
  readonly downloadUrl: (fileName: string) => string | null;
  readonly reviewTime: number | null;
}

/** Files out of the cache and into it. */
export function FilesPanel({ client, policy, jobs, downloadUrl, reviewTime }: FilesPanelProps) {
  return (
    <div className="files-panel">
      <h2>Export a time window</h2>
      <ExportWindowForm client={client} policy={policy} jobs={jobs} downloadUrl={downloadUrl} reviewTime={reviewTime} />
      <h2>Import a file for review</h2>
      <ImportForm client={client} jobs={jobs} />
    </div>
  );
}
