/**
 * The Electron window's security settings, kept as plain data so they can be
 * asserted without Electron. main.ts passes them through unchanged.
 */
export const APP_SCHEME = 'app';
export const APP_HOST = 'outpost';
export const APP_ORIGIN = `${APP_SCHEME}://${APP_HOST}`;
export const APP_ENTRY_URL = `${APP_ORIGIN}/index.html`;

export function hardenedWindowOptions(preloadPath: string) {
  return {
    width: 1440,
    height: 900,
    minWidth: 960,
    minHeight: 600,
    show: false,
    backgroundColor: '#0b1320',
    title: 'Outpost',
    webPreferences: {
      preload: preloadPath,
      contextIsolation: true,
      sandbox: true,
      nodeIntegration: false,
      nodeIntegrationInWorker: false,
      nodeIntegrationInSubFrames: false,
      webSecurity: true,
      allowRunningInsecureContent: false,
      webviewTag: false,
      experimentalFeatures: false,
      navigateOnDragDrop: false,
      spellcheck: false,
      safeDialogs: true,
    },
  } as const;
}

/** Only the app's own pages may load in the window; every other navigation is refused. */
export function isAppUrl(url: string): boolean {
  try {
    const parsed = new URL(url);
    return parsed.protocol === `${APP_SCHEME}:` && parsed.host === APP_HOST;
  } catch {
    return false;
  }
}

/** Desktop notifications, so a critical alert reaches an analyst looking at another window. */
const GRANTED_PERMISSIONS: ReadonlySet<string> = new Set(['notifications']);

/**
 * Whether the page may have a permission: desktop notifications, and only for the app's own
 * pages. Outpost needs no camera, microphone, location or any other permission.
 */
export function decidePermission(permission: string, requestingUrl: string): boolean {
  return GRANTED_PERMISSIONS.has(permission) && isAppUrl(requestingUrl);
}
