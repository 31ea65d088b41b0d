import { mkdirSync, writeFileSync } from 'node:fs';
import { request } from 'node:https';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { WebSocket } from 'ws';
import { ok } from '../../shared/result';
import type { LoginOutcome } from '../../electron/core/session/session-gate';
import { startWebHost, type WebHost } from '../../electron/web/web-host';
import { recordingLog } from '../support/recording-log';
import { makeTempDir } from '../support/temp-dir';
import { makeTestCertificates, type TestCertificates } from '../support/tls-certs';

const PASSPHRASE = 'the remote passphrase';
const LOCKED_OUT_UNTIL = Date.UTC(2026, 10, 27, 12, 0, 0);

interface HttpsAnswer {
  readonly status: number;
  readonly headers: Record<string, string | string[] | undefined>;
  readonly body: string;
}

describe('Given the web host serving other machines over HTTPS', () => {
  const dir = makeTempDir();
  const logins: string[] = [];
  const core = {
    dispatch: async (method: unknown) => ok({ echoed: method }),
    subscribe: () => () => undefined,
    readTile: async () => null,
    exportFile: async () => null,
  };
  /** Right, wrong, or locked out, by what was typed. */
  const login = async (passphrase: string): Promise<LoginOutcome> => {
    logins.push(passphrase);
    if (passphrase === PASSPHRASE) return { ok: true };
    if (passphrase === 'locked out') return { ok: false, message: 'Outpost is refusing passphrases.', lockedOutUntil: LOCKED_OUT_UNTIL };
    return { ok: false, message: 'That passphrase is wrong.', lockedOutUntil: null };
  };
  let certs: TestCertificates;
  let host: WebHost;
  let origin: string;

  const send = (method: string, path: string, options: { body?: string; origin?: string; host?: string } = {}): Promise<HttpsAnswer> =>
    new Promise((resolve, reject) => {
      const headers: Record<string, string> = { host: options.host ?? `127.0.0.1:${host.port}`, 'content-type': 'application/json' };
      if (options.origin !== undefined) headers['origin'] = options.origin;
      const req = request({ host: '127.0.0.1', port: host.port, path, method, headers, ca: certs.ca.cert, servername: 'localhost' }, (res) => {
        let body = '';
        res.on('data', (chunk: Buffer) => (body += chunk.toString()));
        res.on('end', () => resolve({ status: res.statusCode ?? 0, headers: res.headers, body }));
      });
      req.on('error', reject);
      req.end(options.body);
    });
  const logIn = (passphrase: string, from = origin): Promise<HttpsAnswer> => send('POST', '/login', { body: JSON.stringify({ passphrase }), origin: from });
  const openContract = (token: string): Promise<WebSocket> =>
    new Promise((resolve, reject) => {
      const socket = new WebSocket(`wss://127.0.0.1:${host.port}/contract?token=${token}`, { origin, ca: certs.ca.cert });
      socket.once('open', () => resolve(socket));
      socket.once('unexpected-response', (_req, res) => reject(new Error(`HTTP ${res.statusCode}`)));
      socket.once('error', reject);
    });

  beforeAll(async () => {
    certs = await makeTestCertificates();
    const staticDir = join(dir.path, 'renderer');
    mkdirSync(staticDir, { recursive: true });
    writeFileSync(join(staticDir, 'index.html'), '<!doctype html><title>Outpost</title>');
    host = await startWebHost({
      core,
      staticDir,
      port: 0,
      log: recordingLog(),
      remote: { address: '127.0.0.1', tls: { cert: certs.server.cert, key: certs.server.key }, login },
    });
    origin = `https://127.0.0.1:${host.port}`;
  }, 60_000);
  afterAll(async () => {
    await host.close();
    await certs.remove();
    dir.remove();
  });

  it('Then its URL is HTTPS, names a host from the certificate, and carries no token', () => {
    expect(host.url).toBe(`https://127.0.0.1:${host.port}/`);
  });

  it('When the page is fetched, Then it comes over TLS with a CSP that allows only the secure WebSocket of the certificate’s names', async () => {
    const page = await send('GET', '/');
    expect(page.status).toBe(200);
    expect(page.headers['content-security-policy']).toContain(`wss://127.0.0.1:${host.port}`);
    expect(page.headers['content-security-policy']).not.toContain('ws://');
  });

  it('When the Host header names anything the certificate does not, Then the request is refused', async () => {
    expect((await send('GET', '/', { host: `attacker.example:${host.port}` })).status).toBe(421);
  });

  it('When the marking is asked for without a token, Then the host answers it, so the login page can be marked', async () => {
    const answer = await send('GET', '/markings');
    expect(answer.status).toBe(200);
    expect(JSON.parse(answer.body)).toEqual({ ok: true, value: { echoed: 'app.markings' } });
  });

  it('When the contract is dialled without logging in, Then it is refused', async () => {
    await expect(openContract('')).rejects.toThrow(/403/);
    await expect(openContract('made-up-token')).rejects.toThrow(/403/);
  });

  it('When the right passphrase is sent, Then a token comes back that opens the contract', async () => {
    const answer = await logIn(PASSPHRASE);
    expect(answer.status).toBe(200);
    expect(answer.headers['cache-control']).toBe('no-store');
    const { token } = JSON.parse(answer.body) as { token: string };
    expect(token).toMatch(/^[A-Za-z0-9_-]{32}$/);
    const socket = await openContract(token);
    const reply = new Promise<string>((resolve) => socket.once('message', (data: Buffer) => resolve(data.toString())));
    socket.send(JSON.stringify({ kind: 'request', id: 1, method: 'app.status', args: {} }));
    expect(JSON.parse(await reply)).toMatchObject({ kind: 'response', id: 1, result: { ok: true, value: { echoed: 'app.status' } } });
    socket.close();
  });

  it('When a wrong passphrase is sent, Then 401 with the session’s sentence and no token', async () => {
    const answer = await logIn('guess');
    expect(answer.status).toBe(401);
    expect(JSON.parse(answer.body)).toEqual({ message: 'That passphrase is wrong.' });
  });

  it('When the session is locked out, Then 429 with the sentence and until when', async () => {
    const answer = await logIn('locked out');
    expect(answer.status).toBe(429);
    expect(JSON.parse(answer.body)).toEqual({ message: 'Outpost is refusing passphrases.', lockedOutUntil: LOCKED_OUT_UNTIL });
  });

  it('When a login comes from another origin, Then it is refused before the passphrase is tried', async () => {
    const before = logins.length;
    expect((await logIn(PASSPHRASE, 'https://attacker.example')).status).toBe(403);
    expect(logins).toHaveLength(before);
  });

  it.each([
    ['not JSON', 'passphrase=x'],
    ['extra fields', JSON.stringify({ passphrase: PASSPHRASE, role: 'admin' })],
    ['too long a body', JSON.stringify({ passphrase: 'x'.repeat(5000) })],
  ])('When the login body is %s, Then 400 with a sentence', async (_what, body) => {
    const answer = await send('POST', '/login', { body, origin });
    expect(answer.status).toBe(400);
    expect(JSON.parse(answer.body)).toEqual({ message: 'The login must send the passphrase as JSON.' });
  });

  it('When a client drops the connection halfway through a login body, Then the host stays up and answers the next login', async () => {
    await new Promise<void>((resolve) => {
      const req = request({
        host: '127.0.0.1',
        port: host.port,
        path: '/login',
        method: 'POST',
        headers: { host: `127.0.0.1:${host.port}`, origin, 'content-type': 'application/json', 'content-length': '1000' },
        ca: certs.ca.cert,
        servername: 'localhost',
      });
      req.on('error', () => resolve());
      req.write('{"passphrase": "half');
      setTimeout(() => {
        req.destroy();
        resolve();
      }, 200);
    });
    expect((await logIn(PASSPHRASE)).status).toBe(200);
  });

  it('When a page asks whether its token is still good, Then an issued token gets 204 and any other 401', async () => {
    const { token } = JSON.parse((await logIn(PASSPHRASE)).body) as { token: string };
    expect((await send('GET', `/login?token=${token}`)).status).toBe(204);
    expect((await send('GET', '/login?token=from-a-host-since-restarted')).status).toBe(401);
    expect((await send('GET', '/login')).status).toBe(401);
  });

  it('When the login is sent with another method, Then only POST is allowed', async () => {
    expect((await send('PUT', '/login')).status).toBe(405);
  });
});
