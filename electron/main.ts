import { join, sep } from 'node:path';
import { pathToFileURL } from 'node:url';
import { app, BrowserWindow, dialog, ipcMain, net, protocol, safeStorage, session } from 'electron';
import { CACHE_FILE_NAME, createCore, openSession, systemClock, UserFacingError, type Session } from './core';
import { readLaunchOptions } from './core/config/launch-options';
import { contentSecurityPolicy } from './hosting/csp';
import { resolveStaticAsset } from './hosting/static-assets';
import { answeringHostMethods } from './hosting/host-methods';
import { createStderrLog } from './hosting/stderr-log';
import { answerTileRequest } from './hosting/tile-answer';
import { desktopHostMethods } from './hosting/desktop-host-methods';
import { isTilePath } from './hosting/tile-path';
import { forwardEvents, relayContract } from './ipc';
import { APP_ENTRY_URL, APP_SCHEME, decidePermission, hardenedWindowOptions, isAppUrl } from './shell/hardening';
import { keychainFromSafeStorage } from './shell/system-keychain';

const rendererDir = join(__dirname, '..', 'renderer');
const csp = contentSecurityPolicy({ connectSources: [] });

protocol.registerSchemesAsPrivileged([
  { scheme: APP_SCHEME, privileges: { standard: true, secure: true, supportFetchAPI: true } },
]);

app.on('web-contents-created', (_event, contents) => {
  contents.on('will-navigate', (navigation) => {
    if (!isAppUrl(navigation.url)) navigation.preventDefault();
  });
  contents.on('will-attach-webview', (attach) => attach.preventDefault());
  contents.setWindowOpenHandler(() => ({ action: 'deny' }));
});

async function start(): Promise<void> {
  const log = createStderrLog();
  // Electron passes its own switches first; ours follow the app path.
  const launch = readLaunchOptions(process.argv.slice(app.isPackaged ? 1 : 2));
  const dataDir = launch.dataDir ?? app.getPath('userData');
  await app.whenReady();

  session.defaultSession.setPermissionRequestHandler((_contents, permission, callback, details) => callback(decidePermission(permission, details.requestingUrl)));
  session.defaultSession.setPermissionCheckHandler((_contents, permission, requestingOrigin) => decidePermission(permission, requestingOrigin));
  const nativeBinding = process.env['OUTPOST_ELECTRON_NATIVE_BINDING'];
  // Worker threads cannot load code from inside an asar archive, so the worker ships unpacked.
  const ingestWorker = { path: join(__dirname, 'ingest-worker.cjs').replace(`app.asar${sep}`, `app.asar.unpacked${sep}`) };
  const outpost: Session = await openSession({
    dataDir,
    config: launch.config,
    clock: systemClock,
    log,
    keychain: keychainFromSafeStorage(safeStorage, process.platform),
    cacheFile: join(dataDir, CACHE_FILE_NAME),
    nativeBinding,
    openCore: (secrets) => createCore({ dataDir, config: launch.config, secrets, clock: systemClock, log, nativeBinding, ingestWorker }),
  });
  // Tiles need no token here: only the app's own window can reach the app:// scheme.
  protocol.handle(APP_SCHEME, async (request) => {
    const { pathname } = new URL(request.url);
    if (isTilePath(pathname)) {
      const answer = await answerTileRequest(outpost, pathname, log);
      // Copied over a plain ArrayBuffer: the body types Response accepts in every lib.
      const body = answer.body === null ? null : new Uint8Array(answer.body);
      return new Response(body, { status: answer.status, headers: answer.headers });
    }
    const asset = resolveStaticAsset(rendererDir, pathname);
    if (asset === null) return new Response('Not found.', { status: 404 });
    const file = await net.fetch(pathToFileURL(asset.file).toString());
    return new Response(file.body, {
      headers: { 'content-type': asset.contentType, 'content-security-policy': csp, 'x-content-type-options': 'nosniff' },
    });
  });
  const window = new BrowserWindow(hardenedWindowOptions(join(__dirname, 'preload.cjs')));
  const hostMethods = desktopHostMethods({
    showOpenDialog: (request) => dialog.showOpenDialog(window, request),
    showSaveDialog: (request) => dialog.showSaveDialog(window, request),
    exportFile: (name) => outpost.exportFile(name),
    saveFolder: app.getPath('downloads'),
  });
  relayContract({ ipcMain, dispatch: answeringHostMethods(hostMethods, outpost.dispatch, log), isTrustedFrameUrl: isAppUrl, log });
  const stopForwarding = forwardEvents({ core: outpost, contents: window.webContents, ipcMain });
  window.once('ready-to-show', () => window.show());
  window.on('closed', stopForwarding);
  await window.loadURL(APP_ENTRY_URL);

  app.on('window-all-closed', () => {
    void outpost.close().finally(() => app.quit());
  });
}

start().catch((error: unknown) => {
  const message = error instanceof UserFacingError ? error.message : `Outpost could not start: ${String(error)}`;
  dialog.showErrorBox('Outpost', message);
  app.exit(1);
});
