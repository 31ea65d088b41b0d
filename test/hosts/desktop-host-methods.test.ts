import { describe, expect, it } from 'vitest';
import type { IpcMainInvokeEvent } from 'electron';
import { IPC_CHANNELS } from '../../shared/channels';
import { fail, ok, type Result } from '../../shared/result';
import { relayContract } from '../../electron/ipc';
import { answeringHostMethods } from '../../electron/hosting/host-methods';
import { desktopHostMethods, IMPORT_FILE_DIALOG, TILE_PACKAGE_DIALOG, type OpenDialogRequest, type ShowOpenDialog } from '../../electron/hosting/desktop-host-methods';
import { APP_ENTRY_URL, isAppUrl } from '../../electron/shell/hardening';
import { recordingLog } from '../support/recording-log';

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

function desktopDispatch(dialog: ReturnType<typeof fakeDialog>) {
  const coreCalls: unknown[] = [];
  const log = recordingLog();
  const dispatch = answeringHostMethods(
    desktopHostMethods(dialog.showOpenDialog),
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
    relayContract({ ipcMain, dispatch, isTrustedFrameUrl: isAppUrl });
    const fromApp = { senderFrame: { url: APP_ENTRY_URL } } as unknown as IpcMainInvokeEvent;
    const result = await handlers.get(IPC_CHANNELS.request)?.(fromApp, { method: 'files.chooseTilePackage', args: {} });
    expect(result).toEqual(ok({ path: 'C:\\Maps\\area.mbtiles' }));
  });
});
