import { findBridge } from '../../transport/bridge-transport';
import { TOKEN_STORAGE_KEY } from '../../transport/choose-transport';
import type { TileHost } from './tile-url';

/** The host this page runs in: Electron when its preload bridge is present, else the web host. */
export function pageTileHost(scope: Window): TileHost {
  if (findBridge(scope) !== null) return { kind: 'electron' };
  return { kind: 'web', origin: scope.location.origin, token: readToken(scope) };
}

function readToken(scope: Window): string {
  try {
    return scope.sessionStorage.getItem(TOKEN_STORAGE_KEY) ?? '';
  } catch {
    // Without session storage the transport had no token either, and the page cannot reach the core at all.
    return '';
  }
}
