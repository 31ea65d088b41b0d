import { createBridgeTransport, findBridge } from './bridge-transport';
import type { Transport } from './transport';
import { createWebSocketTransport } from './websocket-transport';

/** Where the web host's per-run token is kept once it has left the address bar. */
export const TOKEN_STORAGE_KEY = 'outpost.token';
const CONTRACT_PATH = '/contract';

/**
 * Electron's preload bridge when present, else the web host's WebSocket. The
 * web token is moved from the address bar into session storage so it does not
 * linger in history or screenshots.
 */
export function chooseTransport(scope: Window): Transport {
  const bridge = findBridge(scope);
  if (bridge !== null) return createBridgeTransport(bridge);

  const location = scope.location;
  const params = new URLSearchParams(location.search);
  const fromUrl = params.get('token');
  if (fromUrl !== null) {
    scope.sessionStorage.setItem(TOKEN_STORAGE_KEY, fromUrl);
    params.delete('token');
    const query = params.toString();
    scope.history.replaceState(null, '', `${location.pathname}${query === '' ? '' : `?${query}`}`);
  }
  const token = scope.sessionStorage.getItem(TOKEN_STORAGE_KEY) ?? '';
  return createWebSocketTransport(`ws://${location.host}${CONTRACT_PATH}?token=${encodeURIComponent(token)}`);
}
