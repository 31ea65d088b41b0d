import { createBridgeTransport, findBridge } from './bridge-transport';
import { CONTRACT_PATH, LOGIN_PATH } from '../../shared/web-paths';
import type { Transport } from './transport';
import { createWebSocketTransport } from './websocket-transport';

/** Where the web host's per-run token is kept once it has left the address bar. */
export const TOKEN_STORAGE_KEY = 'outpost.token';


/**
 * Electron's preload bridge when present, else the web host's WebSocket. The
 * web token is moved from the address bar into session storage so it does not
 * linger in history or screenshots. Null for a web page without a token: one
 * opened from another machine, which must log in with the passphrase first.
 */
export function chooseTransport(scope: Window): Transport | null {
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
  const token = scope.sessionStorage.getItem(TOKEN_STORAGE_KEY);
  if (token === null) return null;
  // A page served over https may only open a secure socket.
  const secure = location.protocol === 'https:';
  const scheme = secure ? 'wss' : 'ws';
  return createWebSocketTransport(`${scheme}://${location.host}${CONTRACT_PATH}?token=${encodeURIComponent(token)}`, {
    onRefused: secure ? () => void returnToLoginIfTokenStale(scope, token) : undefined,
  });
}

/**
 * A remote browser's token dies with the host process that issued it. When the socket will not
 * open, the host says whether the token is still good; if not, the page goes back to the login.
 */
async function returnToLoginIfTokenStale(scope: Window, token: string): Promise<void> {
  let status: number;
  try {
    status = (await scope.fetch(`${LOGIN_PATH}?token=${encodeURIComponent(token)}`, { cache: 'no-store' })).status;
  } catch {
    return;
  }
  if (status !== 401) return;
  scope.sessionStorage.removeItem(TOKEN_STORAGE_KEY);
  scope.location.replace('/');
}
