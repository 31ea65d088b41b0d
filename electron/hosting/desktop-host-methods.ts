import type { HostMethodHandlers } from './host-methods';

/** The part of Electron's dialog.showOpenDialog options this host sets; declared here because only the shell may import Electron. */
export interface OpenDialogRequest {
  readonly title: string;
  readonly filters: Array<{ name: string; extensions: string[] }>;
  readonly properties: Array<'openFile'>;
}

/** Electron's dialog.showOpenDialog, bound to the app's window so the dialog is modal to it. */
export type ShowOpenDialog = (request: OpenDialogRequest) => Promise<{ readonly canceled: boolean; readonly filePaths: readonly string[] }>;

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

/** The Electron host's own methods: it has the operating system's file dialog. */
export function desktopHostMethods(showOpenDialog: ShowOpenDialog): HostMethodHandlers {
  return {
    'host.capabilities': async () => ({ fileDialog: true }),
    'files.chooseTilePackage': () => chooseFile(showOpenDialog, TILE_PACKAGE_DIALOG),
    'files.chooseImportFile': () => chooseFile(showOpenDialog, IMPORT_FILE_DIALOG),
  };
}

async function chooseFile(showOpenDialog: ShowOpenDialog, request: OpenDialogRequest): Promise<{ path: string | null }> {
  const chosen = await showOpenDialog(request);
  return { path: chosen.canceled ? null : (chosen.filePaths[0] ?? null) };
}
