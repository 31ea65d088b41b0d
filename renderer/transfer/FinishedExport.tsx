import { useState } from 'react';
import type { Job } from '../../shared/jobs';
import type { Client } from '../client';
import { formatSize } from '../outbox/byte-units';
import { useHostFileDialog } from './use-host-file-dialog';

interface FinishedExportProps {
  readonly client: Client;
  readonly file: NonNullable<Job['file']>;
  /** Where the browser downloads it from, or null where the host offers no download. */
  readonly downloadUrl: string | null;
}

/**
 * How the analyst gets a finished export out of the exports folder: Save as… through the desktop
 * app's native dialog, or the browser's download link.
 */
export function FinishedExport({ client, file, downloadUrl }: FinishedExportProps) {
  const fileDialog = useHostFileDialog(client);
  const [saving, setSaving] = useState(false);
  const [savedTo, setSavedTo] = useState<string | null>(null);
  const [problem, setProblem] = useState<string | null>(null);
  const size = formatSize(file.bytes);

  if (!fileDialog && downloadUrl !== null) {
    return (
      <a data-testid="job-download" href={downloadUrl} download={file.name}>
        Download {file.name} ({size})
      </a>
    );
  }

  const saveAs = (): void => {
    setSaving(true);
    void client.call('files.saveExport', { fileName: file.name }).then((answer) => {
      setSaving(false);
      if (!answer.ok) return setProblem(answer.error.message);
      setProblem(null);
      // A cancelled dialog changes nothing the analyst needs to hear about.
      if (answer.value.path !== null) setSavedTo(answer.value.path);
    });
  };
  return (
    <div className="finished-export">
      <div data-testid="job-file">
        Written to the exports folder as {file.name} ({size}).
      </div>
      {fileDialog ? (
        <button type="button" data-testid="job-save-as" disabled={saving} onClick={saveAs}>
          Save as…
        </button>
      ) : null}
      {savedTo === null ? null : (
        <p className="form-hint" role="status" data-testid="job-saved">
          Saved to {savedTo}.
        </p>
      )}
      {problem === null ? null : (
        <p className="form-problem" role="alert" data-testid="job-save-problem">
          {problem}
        </p>
      )}
    </div>
  );
}
