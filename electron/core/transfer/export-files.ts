import { stat } from 'node:fs/promises';
import { join } from 'node:path';
import { ExportFileNameSchema } from '../../../shared/transfer';
import { EXPORTS_FOLDER } from './write-export';

export interface ExportFile {
  readonly path: string;
  readonly bytes: number;
}

/**
 * A finished export by its name. The name is checked against the export names' pattern first,
 * so no path from outside ever leaves the exports folder, and a file still being written
 * (`.partial`) is never offered.
 */
export async function findExportFile(dataDir: string, name: string): Promise<ExportFile | null> {
  if (!ExportFileNameSchema.safeParse(name).success || name.endsWith('.partial')) return null;
  const path = join(dataDir, EXPORTS_FOLDER, name);
  try {
    const info = await stat(path);
    return info.isFile() ? { path, bytes: info.size } : null;
  } catch {
    return null;
  }
}
