import { mkdirSync, writeFileSync } from 'node:fs';
import { request } from 'node:http';
import { connect as dial } from 'node:net';
import { networkInterfaces } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { WebSocket } from 'ws';
import { ok } from '../../shared/result';
import type { EventListener } from '../../electron/core/event-hub';
import { startWebHost, type WebHost } from '../../electron/web/web-host';
import { aProfileStatus } from '../builders/status-builder';
import { recordingLog } from '../support/recording-log';
import { makeTempDir } from '../support/temp-dir';
import { waitFor } from '../support/wait-for';

interface HttpAnswer {
  status: number;
  headers: Record<string, string | string[] | undefined>;
  body: string;
}

function get(port: number, path: string, host = `127.0.0.1:${port}`): Promise<HttpAnswer> {
  return new Promise((resolve, reject) => {
    const req = request({ host: '127.0.0.1', port, path, headers: { host } }, (res) => {
      let body = '';
      res.on('data', (chunk: Buffer) => (body += chunk.toString()));
      res.on('end', () => resolve({ status: res.statusCode ?? 0, headers: res.headers, body }));
    });
    req.on('error', reject);
    req.end();
  });
}

function connect(url: string, origin: string): Promise<WebSocket> {
  return new Promise((resolve, reject) => {
    const socket = new WebSocket(url, { origin });
    socket.once('open', () => resolve(socket));
    socket.once('unexpected-response', (_req, res) => reject(new Error(`HTTP ${res.statusCode}`)));
    socket.once('error', reject);
  });
}

function nextMessage(socket: WebSocket, kind: string): Promise<Record<string, unknown>> {
  return new Promise((resolve) => {
    const onMessage = (data: Buffer): void => {
      const message = JSON.parse(data.toString()) as Record<string, unknown>;
      if (message['kind'] !== kind) return;
      socket.off('message', onMessage);
      resolve(message);
    };
    socket.on('message', onMessage);
  });
}

/** This machine's addresses other than 127.0.0.1; on Linux the rest of 127/8 is local too, so there is always one. */
function otherLocalAddresses(): string[] {
  const external = Object.values(networkInterfaces())
    .flatMap((addresses) => addresses ?? [])
    .filter((address) => address.family === 'IPv4' && !address.internal)
    .map((address) => address.address);
  return process.platform === 'linux' ? ['127.0.0.2', ...external] : external;
}

function answers(address: string, port: number): Promise<boolean> {
  return new Promise((resolve) => {
    const socket = dial({ host: address, port });
    socket.setTimeout(2_000, () => {
      socket.destroy();
      resolve(false);
    });
    socket.once('connect', () => {
      socket.destroy();
      resolve(true);
    });
    socket.once('error', () => resolve(false));
  });
}

describe('Given the web host', () => {
  const dir = makeTempDir();
  const listeners = new Set<EventListener>();
  const core = {
    dispatch: async (method: unknown, args: unknown) => ok({ echoed: method, args }),
    subscribe: (listener: EventListener) => {
      listeners.add(listener);
      return () => listeners.delete(listener);
    },
    readTile: async () => null,
    exportFile: async () => null,
  };
  let host: WebHost;
  let origin: string;
  let contractUrl: string;

  beforeAll(async () => {
    const staticDir = join(dir.path, 'renderer');
    mkdirSync(join(staticDir, 'assets'), { recursive: true });
    writeFileSync(join(staticDir, 'index.html'), '<!doctype html><title>Outpost</title>');
    writeFileSync(join(staticDir, 'assets', 'app.js'), 'export {};');
    writeFileSync(join(dir.path, 'secret.txt'), 'do not serve');
    host = await startWebHost({ core, staticDir, port: 0, log: recordingLog() });
    origin = `http://127.0.0.1:${host.port}`;
    const token = new URL(host.url).searchParams.get('token') ?? '';
    contractUrl = `ws://127.0.0.1:${host.port}/contract?token=${token}`;
  });
  afterAll(async () => {
    await host.close();
    dir.remove();
  });

  it('Then it listens on loopback and its URL carries a long random token', () => {
    expect(host.url).toMatch(/^http:\/\/127\.0\.0\.1:\d+\/\?token=[A-Za-z0-9_-]{32}$/);
  });

  it('When another address of this machine is dialled on the host’s port, Then nothing answers, as it is bound to 127.0.0.1 alone', async () => {
    const elsewhere = otherLocalAddresses();
    expect(elsewhere.length).toBeGreaterThan(0);
    for (const address of elsewhere) expect(await answers(address, host.port), address).toBe(false);
    expect(await answers('127.0.0.1', host.port)).toBe(true);
  });

  it('When the page is fetched, Then it comes with the CSP and no-sniff headers', async () => {
    const page = await get(host.port, '/');
    expect(page.status).toBe(200);
    expect(page.body).toContain('<title>Outpost</title>');
    expect(page.headers['content-security-policy']).toContain(`connect-src 'self' ws://127.0.0.1:${host.port}`);
    expect(page.headers['x-content-type-options']).toBe('nosniff');
    expect((await get(host.port, '/assets/app.js')).headers['content-type']).toContain('text/javascript');
  });

  it.each(['/../secret.txt', '/%2e%2e/secret.txt', '/assets/../../secret.txt', '/nothing-here.js'])('When %s is requested, Then nothing outside the renderer is served', async (path) => {
    const answer = await get(host.port, path);
    expect(answer.status).toBe(404);
    expect(answer.body).not.toContain('do not serve');
  });

  it('When the Host header names another site (DNS rebinding), Then the request is refused', async () => {
    expect((await get(host.port, '/', 'attacker.example:80')).status).toBe(421);
  });

  it('When a WebSocket arrives without the token, Then it is refused', async () => {
    await expect(connect(`ws://127.0.0.1:${host.port}/contract`, origin)).rejects.toThrow('HTTP 403');
    await expect(connect(contractUrl.replace(/token=.*/, 'token=guess'), origin)).rejects.toThrow('HTTP 403');
  });

  it('When a WebSocket arrives from another origin, Then it is refused even with the token', async () => {
    await expect(connect(contractUrl, 'http://attacker.example')).rejects.toThrow('HTTP 403');
  });

  it('When the page calls a method, Then the dispatcher answers with the same id', async () => {
    const socket = await connect(contractUrl, origin);
    const reply = nextMessage(socket, 'response');
    socket.send(JSON.stringify({ kind: 'request', id: 7, method: 'app.status', args: {} }));
    expect(await reply).toEqual({ kind: 'response', id: 7, result: { ok: true, value: { echoed: 'app.status', args: {} } } });
    socket.close();
  });

  it('When the page asks what the host offers, Then the web host says it has no file dialog', async () => {
    const socket = await connect(contractUrl, origin);
    const reply = nextMessage(socket, 'response');
    socket.send(JSON.stringify({ kind: 'request', id: 8, method: 'host.capabilities', args: {} }));
    expect(await reply).toEqual({ kind: 'response', id: 8, result: { ok: true, value: { fileDialog: false } } });
    socket.close();
  });

  it('When the page asks for the import file dialog, Then the web host refuses it with a sentence saying to type the path', async () => {
    const socket = await connect(contractUrl, origin);
    const reply = nextMessage(socket, 'response');
    socket.send(JSON.stringify({ kind: 'request', id: 10, method: 'files.chooseImportFile', args: {} }));
    expect(await reply).toEqual({
      kind: 'response',
      id: 10,
      result: {
        ok: false,
        error: { code: 'failed', message: 'The file dialog is only in the Outpost desktop app; in the browser, type the full path of the file to import instead.' },
      },
    });
    socket.close();
  });

  it('When the page asks for the tile package dialog, Then the web host refuses it with a sentence and the core never sees it', async () => {
    const socket = await connect(contractUrl, origin);
    const reply = nextMessage(socket, 'response');
    socket.send(JSON.stringify({ kind: 'request', id: 9, method: 'files.chooseTilePackage', args: {} }));
    expect(await reply).toEqual({
      kind: 'response',
      id: 9,
      result: {
        ok: false,
        error: {
          code: 'failed',
          message: 'The file dialog is only in the Outpost desktop app; in the browser, type the tile package’s full path instead.',
        },
      },
    });
    socket.close();
  });

  it('When the page asks to save an export through a dialog, Then the web host refuses it with a sentence pointing at the Download link', async () => {
    const socket = await connect(contractUrl, origin);
    const reply = nextMessage(socket, 'response');
    socket.send(JSON.stringify({ kind: 'request', id: 11, method: 'files.saveExport', args: { fileName: 'UNCLASSIFIED_outpost_20261126T0600Z-20261126T0700Z.csv' } }));
    expect(await reply).toEqual({
      kind: 'response',
      id: 11,
      result: {
        ok: false,
        error: { code: 'failed', message: 'Save as is only in the Outpost desktop app; in the browser, use the export’s Download link instead.' },
      },
    });
    socket.close();
  });

  it('When the page sends something that is not a call, Then it gets a clear refusal and the socket stays open', async () => {
    const socket = await connect(contractUrl, origin);
    const reply = nextMessage(socket, 'response');
    socket.send('{"kind":"request","id":3}');
    expect(await reply).toEqual({ kind: 'response', id: 3, result: { ok: false, error: { code: 'bad-request', message: 'The request was not a valid Outpost call.' } } });
    const second = nextMessage(socket, 'response');
    socket.send('not json');
    expect((await second)['result']).toMatchObject({ ok: false });
    expect(socket.readyState).toBe(WebSocket.OPEN);
    socket.close();
  });

  it('When the core emits an event, Then connected pages receive it', async () => {
    const socket = await connect(contractUrl, origin);
    const event = nextMessage(socket, 'event');
    const statuses = [aProfileStatus({ state: 'offline', reason: 'Link down.' })];
    for (const listener of listeners) listener('connections.changed', statuses);
    expect(await event).toEqual({ kind: 'event', seq: 1, event: 'connections.changed', payload: statuses });
    socket.close();
  });

  it('When the page has not acknowledged its events, Then further ones wait, merged, until it does', async () => {
    const socket = await connect(contractUrl, origin);
    const received: Array<Record<string, unknown>> = [];
    socket.on('message', (data: Buffer) => received.push(JSON.parse(data.toString()) as Record<string, unknown>));
    const emit = (rate: number) => {
      for (const listener of listeners) listener('connections.changed', [aProfileStatus({ rate })]);
    };
    emit(1);
    emit(2);
    emit(3);
    emit(4);
    await waitFor(() => received.length, (n) => n >= 2, 2_000, 10);
    await new Promise((resolve) => setTimeout(resolve, 100));
    expect(received.map((m) => m['seq'])).toEqual([1, 2]);
    socket.send(JSON.stringify({ kind: 'ack', seq: 2 }));
    await waitFor(() => received.length, (n) => n >= 3, 2_000, 10);
    expect(received[2]).toMatchObject({ seq: 3, payload: [{ rate: 4 }] });
    socket.close();
  });
});
