import { once } from 'node:events';
import { createWriteStream, existsSync } from 'node:fs';
import { mkdir, rename, rm, stat } from 'node:fs/promises';
import { join } from 'node:path';
import type { ExportFormat } from '../../../shared/transfer';
import { stopIfCancelled, type JobControl, type JobOutcome } from '../jobs/job-registry';
import { exportFileName } from './export-file-name';
import { exportWriters, type ExportHeading } from './export-formats';
import type { ScopeRows } from './export-rows';

export const EXPORTS_FOLDER = 'exports';
const PARTIAL_SUFFIX = '.partial';

/**
 * Streams the rows into a new file in the exports folder. The file is written under a
 * temporary name and renamed when complete, so nothing half-written is ever offered for
 * download; a cancel or a failure deletes it.
 */
export async function writeExport(options: {
  readonly dataDir: string;
  readonly format: ExportFormat;
  readonly heading: ExportHeading;
  /** What the file covers, for its name. */
  readonly span: string;
  readonly rows: ScopeRows;
  readonly control: JobControl;
}): Promise<JobOutcome> {
  const { format, heading, control } = options;
  const folder = join(options.dataDir, EXPORTS_FOLDER);
  await mkdir(folder, { recursive: true, mode: 0o700 });
  const name = freeName(folder, heading.marking, options.span, format);
  const partial = join(folder, name + PARTIAL_SUFFIX);
  const writer = exportWriters[format];
  const out = createWriteStream(partial, { mode: 0o600 });
  const failed = once(out, 'error').then(([error]: unknown[]) => Promise.reject(error instanceof Error ? error : new Error(String(error))));
  failed.catch(() => undefined);
  const write = async (text: string): Promise<void> => {
    if (!out.write(text)) await Promise.race([once(out, 'drain'), failed]);
  };

  try {
    let count = 0;
    control.report(0, options.rows.total);
    await write(writer.opening(heading));
    for (const page of options.rows.pages) {
      stopIfCancelled(control.signal);
      let text = '';
      for (const row of page) text += writer.row(row, count++, heading);
      await write(text);
      control.report(count);
      await nextTurn();
    }
    stopIfCancelled(control.signal);
    await write(writer.closing(heading, count));
    out.end();
    await Promise.race([once(out, 'close'), failed]);
    const final = join(folder, name);
    await rename(partial, final);
    const bytes = (await stat(final)).size;
    return { message: `Exported ${count.toLocaleString('en-GB')} ${count === 1 ? 'fix' : 'fixes'} to ${name}.`, file: { name, bytes } };
  } catch (error) {
    out.destroy();
    await rm(partial, { force: true });
    throw error;
  }
}

function freeName(folder: string, marking: string, span: string, format: ExportFormat): string {
  for (let attempt = 1; ; attempt++) {
    const name = exportFileName(marking, span, format, attempt);
    if (!existsSync(join(folder, name)) && !existsSync(join(folder, name + PARTIAL_SUFFIX))) return name;
  }
}

/** Lets the dispatcher answer other calls between pages. */
function nextTurn(): Promise<void> {
  return new Promise((resolve) => setImmediate(resolve));
}
