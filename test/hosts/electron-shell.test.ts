import { describe, expect, it } from 'vitest';
import type { IpcMainEvent, IpcMainInvokeEvent } from 'electron';
import { IPC_CHANNELS } from '../../shared/channels';
import { fail, ok, type Result } from '../../shared/result';
import { forwardEvents, relayContract } from '../../electron/ipc';
import { contentSecurityPolicy } from '../../electron/hosting/csp';
import { APP_ENTRY_URL, decidePermission, hardenedWindowOptions, isAppUrl } from '../../electron/shell/hardening';
import type { EventListener } from '../../electron/core/event-hub';
import { aProfileStatus } from '../builders/status-builder';
import { recordingLog } from '../support/recording-log';

describe('Given the Electron window options', () => {
  const options = hardenedWindowOptions('/app/preload.cjs');

  it('Then the renderer is isolated, sandboxed and has no Node', () => {
    expect(options.webPreferences).toMatchObject({
      preload: '/app/preload.cjs',
      contextIsolation: true,
      sandbox: true,
      nodeIntegration: false,
      nodeIntegrationInWorker: false,
      nodeIntegrationInSubFrames: false,
      webSecurity: true,
      allowRunningInsecureContent: false,
      webviewTag: false,
      experimentalFeatures: false,
    });
  });

  it('Then only the app’s own origin counts as the app', () => {
    expect(isAppUrl(APP_ENTRY_URL)).toBe(true);
    expect(isAppUrl('app://outpost/assets/index.js')).toBe(true);
    expect(isAppUrl('https://example.com/')).toBe(false);
    expect(isAppUrl('app://evil/index.html')).toBe(false);
    expect(isAppUrl('file:///etc/passwd')).toBe(false);
    expect(isAppUrl('not a url')).toBe(false);
  });

  it.each(['media', 'geolocation', 'clipboard-read', 'openExternal', 'fullscreen', 'display-capture', 'unknown'])(
    'When the page asks for %s, Then it is denied',
    (permission) => {
      expect(decidePermission(permission, APP_ENTRY_URL)).toBe(false);
    },
  );

  it('When the app’s page asks for notifications, by its URL or by its origin, Then they are allowed, for critical alerts', () => {
    expect(decidePermission('notifications', APP_ENTRY_URL)).toBe(true);
    expect(decidePermission('notifications', 'app://outpost')).toBe(true);
  });

  it.each(['https://example.com/', 'app://evil/index.html', 'file:///etc/passwd', ''])('When %j asks for notifications, Then they are denied', (requestingUrl) => {
    expect(decidePermission('notifications', requestingUrl)).toBe(false);
  });
});

describe('Given the Content-Security-Policy', () => {
  const csp = contentSecurityPolicy({ connectSources: [] });
  const directive = (name: string) => csp.split('; ').find((d) => d.startsWith(`${name} `));

  it('Then everything not named is refused, and scripts come only from the app', () => {
    expect(directive('default-src')).toBe("default-src 'none'");
    expect(directive('script-src')).toBe("script-src 'self'");
    expect(directive('object-src')).toBe("object-src 'none'");
    expect(directive('frame-ancestors')).toBe("frame-ancestors 'none'");
  });

  it('Then no inline code or eval is allowed anywhere', () => {
    expect(csp).not.toContain('unsafe-inline');
    expect(csp).not.toContain('unsafe-eval');
  });

  it('When the web host adds its WebSocket, Then only that address joins connect-src', () => {
    const web = contentSecurityPolicy({ connectSources: ['ws://127.0.0.1:4000'] });
    expect(web).toContain("connect-src 'self' ws://127.0.0.1:4000");
    expect(directive('connect-src')).toBe("connect-src 'self'");
  });
});

type Handler = (event: IpcMainInvokeEvent, call: unknown) => Promise<Result<unknown>>;

function fakeIpcMain() {
  const handlers = new Map<string, Handler>();
  return {
    handlers,
    handle: (channel: string, handler: Handler) => handlers.set(channel, handler),
    removeHandler: (channel: string) => handlers.delete(channel),
  };
}

interface FakeFrame {
  readonly url: string;
  readonly parent: FakeFrame | null;
  readonly detached: boolean;
  isDestroyed(): boolean;
}

const aFrame = (overrides: Partial<FakeFrame> = {}): FakeFrame => ({ url: APP_ENTRY_URL, parent: null, detached: false, isDestroyed: () => false, ...overrides });

/** Like Electron's, a disposed frame throws on every property read but isDestroyed. */
const aDestroyedFrame = (): FakeFrame => {
  const disposed = (): never => {
    throw new Error('Render frame was disposed before WebFrameMain could be accessed');
  };
  return {
    isDestroyed: () => true,
    get url() {
      return disposed();
    },
    get parent() {
      return disposed();
    },
    get detached() {
      return disposed();
    },
  };
};

const fromFrame = (frame: FakeFrame | null) => ({ senderFrame: frame }) as unknown as IpcMainInvokeEvent;

describe('Given the IPC relay', () => {
  it('Then it registers exactly one request channel and removes it on dispose', () => {
    const ipcMain = fakeIpcMain();
    const dispose = relayContract({ ipcMain, dispatch: async () => ok(null), isTrustedFrameUrl: isAppUrl, log: recordingLog() });
    expect([...ipcMain.handlers.keys()]).toEqual([IPC_CHANNELS.request]);
    dispose();
    expect(ipcMain.handlers.size).toBe(0);
  });

  it('When the app’s top-level frame calls, Then the call reaches the dispatcher unchanged, its result comes back, and nothing is logged', async () => {
    const ipcMain = fakeIpcMain();
    const log = recordingLog();
    const seen: unknown[] = [];
    relayContract({
      ipcMain,
      dispatch: async (method, args) => {
        seen.push([method, args]);
        return ok({ answered: method });
      },
      isTrustedFrameUrl: isAppUrl,
      log,
    });
    const result = await ipcMain.handlers.get(IPC_CHANNELS.request)?.(fromFrame(aFrame()), { method: 'tracks.list', args: { limit: 3 } });
    expect(seen).toEqual([['tracks.list', { limit: 3 }]]);
    expect(result).toEqual(ok({ answered: 'tracks.list' }));
    expect(log.entries).toEqual([]);
  });

  it.each([
    ['another page', () => aFrame({ url: 'https://attacker.example/' }), { reason: 'untrusted-url', frameUrl: 'https://attacker.example/' }],
    ['a sub-frame of the app’s own page', () => aFrame({ parent: aFrame() }), { reason: 'sub-frame', frameUrl: APP_ENTRY_URL }],
    ['a frame detached by a navigation', () => aFrame({ detached: true }), { reason: 'frame-detached', frameUrl: APP_ENTRY_URL }],
    ['a frame already destroyed', aDestroyedFrame, { reason: 'frame-gone' }],
    ['no frame at all', () => null, { reason: 'frame-gone' }],
  ])('When %s calls, Then it is refused before the dispatcher sees it, and one warning says why without a stack', async (_case, frame, fields) => {
    const ipcMain = fakeIpcMain();
    const log = recordingLog();
    let dispatched = false;
    relayContract({
      ipcMain,
      dispatch: async () => {
        dispatched = true;
        return ok(null);
      },
      isTrustedFrameUrl: isAppUrl,
      log,
    });
    const result = await ipcMain.handlers.get(IPC_CHANNELS.request)?.(fromFrame(frame()), { method: 'app.status', args: {} });
    expect(dispatched).toBe(false);
    expect(result).toEqual(fail('bad-request', 'Only Outpost’s own window may call the core.'));
    expect(log.entries).toEqual([{ level: 'warn', message: 'Refused a call to the core from outside Outpost’s own window.', fields }]);
  });

  it.each([null, 'app.status', { method: 42 }, { args: {} }])('When the envelope is %j, Then it is refused as malformed', async (call) => {
    const ipcMain = fakeIpcMain();
    relayContract({ ipcMain, dispatch: async () => ok(null), isTrustedFrameUrl: isAppUrl, log: recordingLog() });
    const result = await ipcMain.handlers.get(IPC_CHANNELS.request)?.(fromFrame(aFrame()), call);
    expect(result).toEqual(fail('bad-request', 'The request was not a valid Outpost call.'));
  });

  function forwardingSetup() {
    let listener: EventListener | null = null;
    const core = {
      subscribe: (l: EventListener) => {
        listener = l;
        return () => {
          listener = null;
        };
      },
    };
    const ackListeners = new Map<string, (event: IpcMainEvent, seq: unknown) => void>();
    const ipcMain = {
      on: (channel: string, handler: (event: IpcMainEvent, seq: unknown) => void) => ackListeners.set(channel, handler),
      removeListener: (channel: string) => ackListeners.delete(channel),
    };
    const sent: unknown[][] = [];
    const window = { destroyed: false };
    const contents = { send: (...args: unknown[]) => sent.push(args), isDestroyed: () => window.destroyed };
    const stop = forwardEvents({ core, contents, ipcMain: ipcMain as never });
    const emit = (statuses: ReturnType<typeof aProfileStatus>[]) => (listener as EventListener | null)?.('connections.changed', statuses);
    const acknowledge = (sender: unknown, seq: unknown) => ackListeners.get(IPC_CHANNELS.ack)?.({ sender } as IpcMainEvent, seq);
    return { sent, window, contents, stop, emit, acknowledge, ackListeners, listening: () => listener !== null };
  }

  it('When the core emits, Then the window receives it on the event channel, numbered, until the window is gone', () => {
    const setup = forwardingSetup();
    const statuses = [aProfileStatus()];
    setup.emit(statuses);
    setup.window.destroyed = true;
    setup.acknowledge(setup.contents, 1);
    setup.emit(statuses);
    expect(setup.sent).toEqual([[IPC_CHANNELS.event, { seq: 1, event: 'connections.changed', payload: statuses }]]);
    setup.stop();
    expect(setup.listening()).toBe(false);
    expect(setup.ackListeners.size).toBe(0);
  });

  it('When acknowledgements come from another window or are not numbers, Then they do not open the window', () => {
    const setup = forwardingSetup();
    for (let rate = 1; rate <= 4; rate += 1) setup.emit([aProfileStatus({ rate })]);
    expect(setup.sent).toHaveLength(2);
    setup.acknowledge({ other: 'window' }, 2);
    setup.acknowledge(setup.contents, 'two');
    expect(setup.sent).toHaveLength(2);
    setup.acknowledge(setup.contents, 2);
    expect(setup.sent).toHaveLength(3);
  });
});
