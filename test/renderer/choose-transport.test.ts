// @vitest-environment jsdom
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { chooseTransport, TOKEN_STORAGE_KEY } from '../../renderer/transport/choose-transport';

/** Records where the page would open its socket, without opening one. */
class RecordingWebSocket extends EventTarget {
  static readonly OPEN = 1;
  static opened: RecordingWebSocket[] = [];
  readonly readyState = 0;
  constructor(readonly url: string) {
    super();
    RecordingWebSocket.opened.push(this);
  }
}
const openedUrls = (): string[] => RecordingWebSocket.opened.map((socket) => socket.url);

interface Page {
  readonly scope: Window;
  readonly replaced: string[];
  readonly asked: string[];
}

/** A window at `address`, as the browser would show it; its host answers the token check with `tokenStatus`. */
function pageAt(address: string, tokenStatus = 204): Page {
  const url = new URL(address);
  const replaced: string[] = [];
  const asked: string[] = [];
  const scope = {
    location: { host: url.host, pathname: url.pathname, search: url.search, protocol: url.protocol, replace: (to: string) => replaced.push(to) },
    sessionStorage: window.sessionStorage,
    history: { replaceState: () => undefined },
    fetch: async (path: string) => {
      asked.push(path);
      return { status: tokenStatus };
    },
  } as unknown as Window;
  return { scope, replaced, asked };
}

describe('Given the renderer runs in a web page', () => {
  beforeEach(() => {
    RecordingWebSocket.opened = [];
    vi.stubGlobal('WebSocket', RecordingWebSocket);
    sessionStorage.clear();
  });
  afterEach(() => {
    vi.unstubAllGlobals();
    sessionStorage.clear();
  });

  it('When the page has no token, as when opened from another machine, Then there is no transport and nothing connects', () => {
    expect(chooseTransport(pageAt('https://outpost.example:8443/').scope)).toBeNull();
    expect(openedUrls()).toEqual([]);
  });

  it('When the page came with a token over https, Then the token is kept and the socket is a secure one', () => {
    expect(chooseTransport(pageAt('https://outpost.example:8443/?token=abc').scope)).not.toBeNull();
    expect(sessionStorage.getItem(TOKEN_STORAGE_KEY)).toBe('abc');
    expect(openedUrls()).toEqual(['wss://outpost.example:8443/contract?token=abc']);
  });

  it('When the loopback page came with a token over http, Then the socket is a plain one as before', () => {
    chooseTransport(pageAt('http://127.0.0.1:41234/?token=abc').scope);
    expect(openedUrls()).toEqual(['ws://127.0.0.1:41234/contract?token=abc']);
  });

  it('When a remote page’s socket will not open and the host says its token is stale, Then the token is dropped and the page goes back to the login', async () => {
    const page = pageAt('https://outpost.example:8443/?token=old', 401);
    chooseTransport(page.scope);
    RecordingWebSocket.opened[0]!.dispatchEvent(new Event('close'));
    await vi.waitFor(() => expect(page.replaced).toEqual(['/']));
    expect(page.asked).toEqual(['/login?token=old']);
    expect(sessionStorage.getItem(TOKEN_STORAGE_KEY)).toBeNull();
  });

  it('When a remote page’s socket will not open but its token is still good, Then it keeps the token and goes on reconnecting', async () => {
    const page = pageAt('https://outpost.example:8443/?token=good', 204);
    chooseTransport(page.scope);
    RecordingWebSocket.opened[0]!.dispatchEvent(new Event('close'));
    await vi.waitFor(() => expect(page.asked).toEqual(['/login?token=good']));
    expect(page.replaced).toEqual([]);
    expect(sessionStorage.getItem(TOKEN_STORAGE_KEY)).toBe('good');
  });
});
