import { copyFile } from 'node:fs/promises';
import { join } from 'node:path';
import type { ExportFile } from '../core/transfer/export-files';
import { UserFacingError } from '../core/user-facing-error';
import type { HostMethodHandlers } from './host-methods';

/** The part of Electron's dialog.showOpenDialog options this host sets; declared here because only the shell may import Electron. */
export interface OpenDialogRequest {
  readonly title: string;
  readonly filters: Array<{ name: string; extensions: string[] }>;
  readonly properties: Array<'openFile'>;
}

/** Electron's dialog.showOpenDialog, bound to the app's window so the dialog is modal to it. */
export type ShowOpenDialog = (request: OpenDialogRequest) => Promise<{ readonly canceled: boolean; readonly filePaths: readonly string[] }>;

/** The part of Electron's dialog.showSaveDialog options this host sets. */
export interface SaveDialogRequest {
  readonly title: string;
  readonly defaultPath: string;
  readonly properties: Array<'createDirectory' | 'showOverwriteConfirmation'>;
}

/** Electron's dialog.showSaveDialog, bound to the app's window; filePath is empty when the analyst cancels. */
export type ShowSaveDialog = (request: SaveDialogRequest) => Promise<{ readonly canceled: boolean; readonly filePath?: string }>;

export interface DesktopHostDependencies {
  readonly showOpenDialog: ShowOpenDialog;
  readonly showSaveDialog: ShowSaveDialog;
  /** The core's finished export by its name, or null when there is none. */
  readonly exportFile: (name: string) => Promise<ExportFile | null>;
  /** Where the save dialog starts, such as the analyst's Downloads folder. */
  readonly saveFolder: string;
}

export const TILE_PACKAGE_DIALOG: OpenDialogRequest = {
  title: 'Add an offline tile package',
  // Both kinds first: the first filter is the one the dialog starts with.
  filters: [
    { name: 'Tile packages', extensions: ['mbtiles', 'pmtiles'] },
    { name: 'MBTiles', extensions: ['mbtiles'] },
    { name: 'PMTiles', extensions: ['pmtiles'] },
  ],
  properties: ['openFile'],
};

export const IMPORT_FILE_DIALOG: OpenDialogRequest = {
  title: 'Import a file for review',
  filters: [
    { name: 'Outpost exports and feeds', extensions: ['geojson', 'json', 'xml', 'cot', 'jsonl', 'ndjson'] },
    { name: 'All files', extensions: ['*'] },
  ],
  properties: ['openFile'],
};

/** The Electron host's own methods: it has the operating system's file dialogs. */
export function desktopHostMethods(host: DesktopHostDependencies): HostMethodHandlers {
  return {
    'host.capabilities': async () => ({ fileDialog: true }),
    'files.chooseTilePackage': () => chooseFile(host.showOpenDialog, TILE_PACKAGE_DIALOG),
    'files.chooseImportFile': () => chooseFile(host.showOpenDialog, IMPORT_FILE_DIALOG),
    'files.saveExport': ({ fileName }) => saveExport(host, fileName),
  };
}

async function chooseFile(showOpenDialog: ShowOpenDialog, request: OpenDialogRequest): Promise<{ path: string | null }> {
  const chosen = await showOpenDialog(request);
  return { path: chosen.canceled ? null : (chosen.filePaths[0] ?? null) };
}

function saveExportDialog(saveFolder: string, fileName: string): SaveDialogRequest {
  // The export's own name leads with the classification marking, so the copy keeps it unless the analyst changes it.
  return { title: 'Save the export', defaultPath: join(saveFolder, fileName), properties: ['createDirectory', 'showOverwriteConfirmation'] };
}

async function saveExport(host: DesktopHostDependencies, fileName: string): Promise<{ path: string | null }> {
  // Looked up before the dialog opens, so the analyst is not asked where to put a file that is gone.
  const source = await host.exportFile(fileName);
  if (source === null) {
    throw new UserFacingError(`${fileName} is no longer in the exports folder, so it may have been moved or deleted; run the export again, then save it.`);
  }
  const chosen = await host.showSaveDialog(saveExportDialog(host.saveFolder, fileName));
  if (chosen.canceled || chosen.filePath === undefined || chosen.filePath === '') return { path: null };
  try {
    await copyFile(source.path, chosen.filePath);
  } catch {
    throw new UserFacingError(`Outpost could not write ${chosen.filePath}; choose a folder you can write to, with space for ${fileName}, and save it again.`);
  }
  return { path: chosen.filePath };
}
