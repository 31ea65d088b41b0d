import { existsSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import type { IpcMainInvokeEvent } from 'electron';
import { IPC_CHANNELS } from '../../shared/channels';
import { hostMethods } from '../../shared/contract';
import { fail, ok, type Result } from '../../shared/result';
import { relayContract } from '../../electron/ipc';
import { findExportFile } from '../../electron/core/transfer/export-files';
import { EXPORTS_FOLDER } from '../../electron/core/transfer/write-export';
import { answeringHostMethods } from '../../electron/hosting/host-methods';
import {
  desktopHostMethods,
  IMPORT_FILE_DIALOG,
  TILE_PACKAGE_DIALOG,
  type DesktopHostDependencies,
  type OpenDialogRequest,
  type SaveDialogRequest,
  type ShowOpenDialog,
  type ShowSaveDialog,
} from '../../electron/hosting/desktop-host-methods';
import { APP_ENTRY_URL, isAppUrl } from '../../electron/shell/hardening';
import { recordingLog } from '../support/recording-log';
import { makeTempDir } from '../support/temp-dir';

/** Stands in for Electron's dialog.showOpenDialog, answering as if the analyst had picked `filePaths`, or cancelled. */
function fakeDialog(answer: { canceled: boolean; filePaths: string[] } | Error) {
  const requests: OpenDialogRequest[] = [];
  const showOpenDialog: ShowOpenDialog = async (request) => {
    requests.push(request);
    if (answer instanceof Error) throw answer;
    return answer;
  };
  return { requests, showOpenDialog };
}

/** Stands in for Electron's dialog.showSaveDialog, answering as if the analyst had picked `filePath`, or cancelled. */
function fakeSaveDialog(answer: { canceled: boolean; filePath: string }) {
  const requests: SaveDialogRequest[] = [];
  const showSaveDialog: ShowSaveDialog = async (request) => {
    requests.push(request);
    return answer;
  };
  return { requests, showSaveDialog };
}

type Saving = Pick<DesktopHostDependencies, 'showSaveDialog' | 'exportFile' | 'saveFolder'>;

const NOTHING_TO_SAVE: Saving = {
  showSaveDialog: async () => {
    throw new Error('The open dialog tests never save.');
  },
  exportFile: async () => null,
  saveFolder: '/home/analyst/Downloads',
};

function desktopDispatch(dialog: ReturnType<typeof fakeDialog>, saving: Saving = NOTHING_TO_SAVE) {
  const coreCalls: unknown[] = [];
  const log = recordingLog();
  const dispatch = answeringHostMethods(
    desktopHostMethods({ showOpenDialog: dialog.showOpenDialog, ...saving }),
    async (method, args) => {
      coreCalls.push([method, args]);
      return ok({ answeredByCore: method });
    },
    log,
  );
  return { dispatch, coreCalls, log };
}

describe('Given the Electron host’s own methods', () => {
  it('When the renderer asks what the host offers, Then it says there is a file dialog', async () => {
    const { dispatch, coreCalls } = desktopDispatch(fakeDialog({ canceled: true, filePaths: [] }));
    expect(await dispatch('host.capabilities', {})).toEqual(ok({ fileDialog: true }));
    expect(coreCalls).toEqual([]);
  });

  it('When the analyst picks a package in the dialog, Then its path comes back and the core is not asked', async () => {
    const dialog = fakeDialog({ canceled: false, filePaths: ['/home/analyst/maps/sardinia.pmtiles'] });
    const { dispatch, coreCalls } = desktopDispatch(dialog);
    expect(await dispatch('files.chooseTilePackage', {})).toEqual(ok({ path: '/home/analyst/maps/sardinia.pmtiles' }));
    expect(dialog.requests).toEqual([TILE_PACKAGE_DIALOG]);
    expect(coreCalls).toEqual([]);
  });

  it('When the analyst picks a file to import in the dialog, Then its path comes back and the core is not asked', async () => {
    const dialog = fakeDialog({ canceled: false, filePaths: ['/home/analyst/exports/mission.geojson'] });
    const { dispatch, coreCalls } = desktopDispatch(dialog);
    expect(await dispatch('files.chooseImportFile', {})).toEqual(ok({ path: '/home/analyst/exports/mission.geojson' }));
    expect(dialog.requests).toEqual([IMPORT_FILE_DIALOG]);
    expect(IMPORT_FILE_DIALOG.properties).toEqual(['openFile']);
    expect(coreCalls).toEqual([]);
  });

  it('Then the dialog opens one file and offers MBTiles and PMTiles packages', () => {
    expect(TILE_PACKAGE_DIALOG.properties).toEqual(['openFile']);
    expect(TILE_PACKAGE_DIALOG.filters).toEqual(
      expect.arrayContaining([
        { name: 'MBTiles', extensions: ['mbtiles'] },
        { name: 'PMTiles', extensions: ['pmtiles'] },
      ]),
    );
    expect(TILE_PACKAGE_DIALOG.filters[0]?.extensions).toEqual(['mbtiles', 'pmtiles']);
  });

  it.each([
    ['cancels', { canceled: true, filePaths: [] }],
    ['closes the dialog without a file', { canceled: false, filePaths: [] }],
  ])('When the analyst %s, Then the path is null', async (_what, answer) => {
    const { dispatch } = desktopDispatch(fakeDialog(answer));
    expect(await dispatch('files.chooseTilePackage', undefined)).toEqual(ok({ path: null }));
  });

  it('When the call carries arguments the method does not take, Then it is refused before the dialog opens', async () => {
    const dialog = fakeDialog({ canceled: false, filePaths: ['/etc/passwd'] });
    const { dispatch } = desktopDispatch(dialog);
    const result = await dispatch('files.chooseTilePackage', { defaultPath: '/etc' });
    expect(result).toMatchObject({ ok: false, error: { code: 'bad-arguments' } });
    expect(dialog.requests).toEqual([]);
  });

  it('When the dialog itself fails, Then the analyst gets a sentence and the log gets the details', async () => {
    const { dispatch, log } = desktopDispatch(fakeDialog(new Error('no display')));
    expect(await dispatch('files.chooseTilePackage', {})).toEqual(
      fail('failed', 'Outpost could not complete files.chooseTilePackage. The details are in the log.'),
    );
    expect(log.entries).toMatchObject([{ level: 'error', message: 'files.chooseTilePackage failed.' }]);
  });

  it('When any other method is called, Then it reaches the core unchanged', async () => {
    const { dispatch, coreCalls } = desktopDispatch(fakeDialog({ canceled: true, filePaths: [] }));
    expect(await dispatch('basemaps.add', { path: '/maps/a.mbtiles' })).toEqual(ok({ answeredByCore: 'basemaps.add' }));
    expect(await dispatch('no.such.method', {})).toEqual(ok({ answeredByCore: 'no.such.method' }));
    expect(coreCalls).toEqual([
      ['basemaps.add', { path: '/maps/a.mbtiles' }],
      ['no.such.method', {}],
    ]);
  });

  it('When the app’s window asks over IPC, Then the relay answers from the dialog', async () => {
    const handlers = new Map<string, (event: IpcMainInvokeEvent, call: unknown) => Promise<Result<unknown>>>();
    const ipcMain = {
      handle: (channel: string, handler: (event: IpcMainInvokeEvent, call: unknown) => Promise<Result<unknown>>) => handlers.set(channel, handler),
      removeHandler: (channel: string) => handlers.delete(channel),
    };
    const { dispatch } = desktopDispatch(fakeDialog({ canceled: false, filePaths: ['C:\\Maps\\area.mbtiles'] }));
    relayContract({ ipcMain, dispatch, isTrustedFrameUrl: isAppUrl, log: recordingLog() });
    const fromApp = { senderFrame: { url: APP_ENTRY_URL, parent: null, detached: false, isDestroyed: () => false } } as unknown as IpcMainInvokeEvent;
    const result = await handlers.get(IPC_CHANNELS.request)?.(fromApp, { method: 'files.chooseTilePackage', args: {} });
    expect(result).toEqual(ok({ path: 'C:\\Maps\\area.mbtiles' }));
  });
});

const EXPORT_NAME = 'SECRET-NOFORN_outpost_20261126T0600Z-20261126T0700Z.geojson';
// Bytes that are not valid UTF-8 as well as text, so a copy that decoded them would show.
const EXPORT_BYTES = Buffer.concat([Buffer.from('{"type":"FeatureCollection","classification":"SECRET//NOFORN"}\n'), Buffer.from([0x00, 0xff, 0xfe, 0x80])]);
const MISSING_SENTENCE = `${EXPORT_NAME} is no longer in the exports folder, so it may have been moved or deleted; run the export again, then save it.`;

describe('Given a finished export in the exports folder and the Electron host’s save dialog', () => {
  let dir: ReturnType<typeof makeTempDir>;
  let dataDir: string;
  let saveFolder: string;

  beforeEach(() => {
    dir = makeTempDir();
    dataDir = join(dir.path, 'data');
    saveFolder = join(dir.path, 'Downloads');
    mkdirSync(join(dataDir, EXPORTS_FOLDER), { recursive: true });
    mkdirSync(saveFolder);
    writeFileSync(join(dataDir, EXPORTS_FOLDER, EXPORT_NAME), EXPORT_BYTES);
  });
  afterEach(() => dir.remove());

  function saving(answer: { canceled: boolean; filePath: string }) {
    const saveDialog = fakeSaveDialog(answer);
    const looked: string[] = [];
    const exportFile = (name: string) => {
      looked.push(name);
      return findExportFile(dataDir, name);
    };
    const { dispatch, coreCalls } = desktopDispatch(fakeDialog({ canceled: true, filePaths: [] }), { showSaveDialog: saveDialog.showSaveDialog, exportFile, saveFolder });
    return { dispatch, coreCalls, saveDialog, looked };
  }

  it('When the analyst picks a place, Then the export’s bytes are copied there and its path comes back', async () => {
    const chosen = join(saveFolder, 'mission.geojson');
    const { dispatch, coreCalls } = saving({ canceled: false, filePath: chosen });

    expect(await dispatch('files.saveExport', { fileName: EXPORT_NAME })).toEqual(ok({ path: chosen }));
    expect(readFileSync(chosen).equals(EXPORT_BYTES)).toBe(true);
    expect(readFileSync(join(dataDir, EXPORTS_FOLDER, EXPORT_NAME)).equals(EXPORT_BYTES)).toBe(true);
    expect(coreCalls).toEqual([]);
  });

  it('When the dialog opens, Then it starts in the save folder with the export’s own marked name and asks before overwriting', async () => {
    const { dispatch, saveDialog } = saving({ canceled: true, filePath: '' });
    await dispatch('files.saveExport', { fileName: EXPORT_NAME });
    expect(saveDialog.requests).toEqual([{ title: 'Save the export', defaultPath: join(saveFolder, EXPORT_NAME), properties: ['createDirectory', 'showOverwriteConfirmation'] }]);
  });

  it('When the analyst cancels, Then the path is null and nothing is written', async () => {
    const { dispatch } = saving({ canceled: true, filePath: '' });
    expect(await dispatch('files.saveExport', { fileName: EXPORT_NAME })).toEqual(ok({ path: null }));
    expect(existsSync(join(saveFolder, EXPORT_NAME))).toBe(false);
  });

  it('When the export is no longer there, Then the analyst is told to run it again and the dialog never opens', async () => {
    const { dispatch, saveDialog } = saving({ canceled: false, filePath: join(saveFolder, 'gone.geojson') });
    const missing = EXPORT_NAME.replace('0600Z', '0500Z');
    expect(await dispatch('files.saveExport', { fileName: missing })).toEqual(
      fail('failed', MISSING_SENTENCE.replace(EXPORT_NAME, missing)),
    );
    expect(saveDialog.requests).toEqual([]);
  });

  it('When the chosen place cannot be written, Then the analyst is told to choose another folder', async () => {
    const unwritable = join(saveFolder, 'no-such-folder', EXPORT_NAME);
    const { dispatch } = saving({ canceled: false, filePath: unwritable });
    expect(await dispatch('files.saveExport', { fileName: EXPORT_NAME })).toEqual(
      fail('failed', `Outpost could not write ${unwritable}; choose a folder you can write to, with space for ${EXPORT_NAME}, and save it again.`),
    );
  });

  it.each(['../keyring.json', 'exports/../../keyring.json', '..\\keyring.json', '/etc/passwd', 'C:\\Windows\\win.ini', '', `${'a'.repeat(202)}.csv`])(
    'When the file name is %j, Then it is refused before anything is looked up or any dialog opens',
    async (fileName) => {
      const { dispatch, saveDialog, looked } = saving({ canceled: false, filePath: join(saveFolder, 'stolen') });
      expect(await dispatch('files.saveExport', { fileName })).toMatchObject({ ok: false, error: { code: 'bad-arguments' } });
      expect(looked).toEqual([]);
      expect(saveDialog.requests).toEqual([]);
    },
  );
});

describe('Given the contract’s files.saveExport arguments', () => {
  const args = hostMethods['files.saveExport'].args;

  it('When the name is an export’s bare name, Then it is accepted', () => {
    expect(args.safeParse({ fileName: EXPORT_NAME }).success).toBe(true);
  });

  it.each([['a path with /', 'exports/a.csv'], ['a path with \\', 'exports\\a.csv'], ['a parent folder', '..'], ['an overlong name', `${'a'.repeat(300)}.csv`]])(
    'When the name is %s, Then it is refused',
    (_what, fileName) => {
      expect(args.safeParse({ fileName }).success).toBe(false);
    },
  );

  it('When the call carries a destination too, Then it is refused: only the dialog chooses where', () => {
    expect(args.safeParse({ fileName: EXPORT_NAME, path: '/tmp/out.geojson' }).success).toBe(false);
  });
});
