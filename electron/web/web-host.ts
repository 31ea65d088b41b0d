import { randomBytes, timingSafeEqual } from 'node:crypto';
import { createReadStream } from 'node:fs';
import { createServer, type IncomingMessage, type ServerResponse } from 'node:http';
import { createServer as createSecureServer } from 'node:https';
import type { AddressInfo } from 'node:net';
import { WebSocketServer, type WebSocket } from 'ws';
import { ClientMessageSchema } from '../../shared/wire';
import { fail } from '../../shared/result';
import { UserFacingError, type Core } from '../core';
import type { Log } from '../core/ports';
import { contentSecurityPolicy } from '../hosting/csp';
import { answeringHostMethods, type HostMethodHandlers } from '../hosting/host-methods';
import { resolveStaticAsset } from '../hosting/static-assets';
import { createEventOutbox } from '../hosting/event-outbox';
import { answerTileRequest } from '../hosting/tile-answer';
import { isTilePath } from '../hosting/tile-path';
import type { LoginOutcome } from '../core/session/session-gate';
import { CONTRACT_PATH, EXPORTS_PATH, LOGIN_PATH, MARKINGS_PATH } from '../../shared/web-paths';
import { answerLogin } from './login-route';
import { remoteAccess, type RemoteAccess } from './remote-access';

export const LOOPBACK = '127.0.0.1';
/** Above this many unsent bytes a client counts as congested and its events merge while they wait. */
const CONGESTED_BYTES = 4 * 1024 * 1024;
const MAX_INBOUND_MESSAGE_BYTES = 1024 * 1024;
/** Browsers logged in to a remotely served Outpost at once. */
const MAX_LOGINS = 32;

export interface WebHost {
  /** The URL to open, token included. */
  readonly url: string;
  readonly port: number;
  close(): Promise<void>;
}

type HostedCore = Pick<Core, 'dispatch' | 'subscribe' | 'readTile' | 'exportFile'>;


/** A browser page cannot learn a file's path on this machine, so the web host offers no file dialog. */
const browserHostMethods: HostMethodHandlers = {
  'host.capabilities': async () => ({ fileDialog: false }),
  'files.chooseTilePackage': async () => {
    throw new UserFacingError('The file dialog is only in the Outpost desktop app; in the browser, type the tile package’s full path instead.');
  },
  'files.chooseImportFile': async () => {
    throw new UserFacingError('The file dialog is only in the Outpost desktop app; in the browser, type the full path of the file to import instead.');
  },
  'files.saveExport': async () => {
    throw new UserFacingError('Save as is only in the Outpost desktop app; in the browser, use the export’s Download link instead.');
  },
};

/**
 * Serving other machines: HTTPS with this certificate, and a passphrase login that hands each
 * browser its own token in place of the printed one.
 */
export interface RemoteServing {
  readonly address: string;
  readonly tls: { readonly cert: string; readonly key: string };
  readonly login: (passphrase: string) => Promise<LoginOutcome>;
}

/**
 * Serves the built renderer, the basemaps' tiles, and the contract over a
 * WebSocket, on loopback only unless `remote` is given. The WebSocket and the
 * tiles demand a token and the WebSocket the page's own origin too, so neither
 * another local user's browser tab nor a rebinding DNS name can drive the core
 * or read its maps. On loopback the token is printed with the URL; served to
 * other machines, it is given only for the passphrase, over TLS.
 */
export async function startWebHost(options: {
  readonly core: HostedCore;
  readonly staticDir: string;
  readonly port: number;
  readonly log: Log;
  readonly remote?: RemoteServing;
}): Promise<WebHost> {
  const { remote } = options;
  const printedToken = randomBytes(24).toString('base64url');
  const issuedTokens = new Set<string>();
  const server = remote === undefined ? createServer() : createSecureServer({ cert: remote.tls.cert, key: remote.tls.key });
  const sockets = new WebSocketServer({ noServer: true, maxPayload: MAX_INBOUND_MESSAGE_BYTES });
  await new Promise<void>((resolve, reject) => {
    server.once('error', reject);
    server.listen(options.port, remote?.address ?? LOOPBACK, resolve);
  });
  const port = (server.address() as AddressInfo).port;
  const access: RemoteAccess | null = remote === undefined ? null : remoteAccess(remote, port);
  const allowedHosts = access?.hosts ?? new Set([`${LOOPBACK}:${port}`, `localhost:${port}`]);
  const scheme = access === null ? 'http' : 'https';
  const allowedOrigins = new Set([...allowedHosts].map((host) => `${scheme}://${host}`));
  const csp = contentSecurityPolicy({ connectSources: [...allowedHosts].map((host) => `${scheme === 'http' ? 'ws' : 'wss'}://${host}`) });
  const dispatch = answeringHostMethods(browserHostMethods, options.core.dispatch, options.log);
  const tokenAccepted = (offered: string): boolean =>
    remote === undefined ? tokensMatch(offered, printedToken) : [...issuedTokens].some((token) => tokensMatch(offered, token));

  server.on('request', (request, response) => {
    if (!allowedHosts.has(request.headers.host ?? '')) {
      response.writeHead(421, { 'content-type': 'text/plain' }).end(`Outpost answers only as ${[...allowedHosts].join(' or ')}.`);
      return;
    }
    const url = new URL(request.url ?? '/', `${scheme}://${request.headers.host ?? LOOPBACK}`);
    // Without a token: a page not yet logged in shows the marking and notice before the passphrase is asked for.
    if (url.pathname === MARKINGS_PATH && request.method === 'GET') {
      void serveMarkings(response, dispatch);
      return;
    }
    if (remote !== undefined && url.pathname === LOGIN_PATH && request.method === 'GET') {
      // Whether a token is still good, so a page holding one from a host since restarted goes back to the login.
      const good = tokenAccepted(url.searchParams.get('token') ?? '');
      response.writeHead(good ? 204 : 401, { 'cache-control': 'no-store' }).end();
      return;
    }
    if (remote !== undefined && url.pathname === LOGIN_PATH) {
      void answerLogin(request, response, {
        login: remote.login,
        allowedOrigins,
        issueToken: () => {
          const token = randomBytes(24).toString('base64url');
          issuedTokens.add(token);
          // The oldest logins give way first, so repeated logins cannot grow the set without bound.
          for (const stale of [...issuedTokens].slice(0, Math.max(0, issuedTokens.size - MAX_LOGINS))) issuedTokens.delete(stale);
          return token;
        },
        log: options.log,
      });
      return;
    }
    if (request.method !== 'GET' && request.method !== 'HEAD') {
      response.writeHead(405, { allow: 'GET, HEAD' }).end();
      return;
    }
    const isExport = url.pathname.startsWith(EXPORTS_PATH);
    if (!isTilePath(url.pathname) && !isExport) {
      serveStatic(request, response, { csp, staticDir: options.staticDir });
    } else if (!tokenAccepted(url.searchParams.get('token') ?? '')) {
      const what = isExport ? 'Exported files' : 'Tiles';
      response.writeHead(403, { 'content-type': 'text/plain' }).end(`${what} need the token from the URL Outpost printed.`);
    } else if (isExport) {
      void serveExport(request, response, decodeURIComponent(url.pathname.slice(EXPORTS_PATH.length)), options);
    } else {
      void serveTile(request, response, url.pathname, options);
    }
  });
  server.on('upgrade', (request, socket, head) => {
    const url = new URL(request.url ?? '/', `${scheme}://${request.headers.host ?? LOOPBACK}`);
    const origin = request.headers.origin ?? '';
    const permitted =
      url.pathname === CONTRACT_PATH &&
      allowedHosts.has(request.headers.host ?? '') &&
      allowedOrigins.has(origin) &&
      tokenAccepted(url.searchParams.get('token') ?? '');
    if (!permitted) {
      options.log.warn('Refused a WebSocket connection without the right token or origin.', { origin });
      socket.end('HTTP/1.1 403 Forbidden\r\nConnection: close\r\n\r\n');
      return;
    }
    sockets.handleUpgrade(request, socket, head, (client) => serveContract(client, dispatch, options.core, options.log));
  });

  return {
    url: access === null ? `http://${LOOPBACK}:${port}/?token=${printedToken}` : `https://${access.primaryHost}/`,
    port,
    async close() {
      for (const client of sockets.clients) client.terminate();
      await new Promise<void>((resolve) => sockets.close(() => resolve()));
      server.closeAllConnections();
      await new Promise<void>((resolve) => server.close(() => resolve()));
    },
  };
}

function serveStatic(
  request: IncomingMessage,
  response: ServerResponse,
  context: { readonly csp: string; readonly staticDir: string },
): void {
  const asset = resolveStaticAsset(context.staticDir, new URL(request.url ?? '/', 'http://host').pathname);
  if (asset === null) {
    response.writeHead(404, { 'content-type': 'text/plain' }).end('Not found.');
    return;
  }
  response.writeHead(200, {
    'content-type': asset.contentType,
    'content-security-policy': context.csp,
    'x-content-type-options': 'nosniff',
    'referrer-policy': 'no-referrer',
    'cross-origin-opener-policy': 'same-origin',
    'cache-control': 'no-store',
  });
  if (request.method === 'HEAD') {
    response.end();
    return;
  }
  createReadStream(asset.file).pipe(response);
}

async function serveTile(
  request: IncomingMessage,
  response: ServerResponse,
  pathname: string,
  context: { readonly core: HostedCore; readonly log: Log },
): Promise<void> {
  const answer = await answerTileRequest(context.core, pathname, context.log);
  response.writeHead(answer.status, answer.body === null ? answer.headers : { ...answer.headers, 'content-length': answer.body.byteLength });
  response.end(request.method === 'HEAD' ? undefined : answer.body ?? undefined);
}

async function serveExport(
  request: IncomingMessage,
  response: ServerResponse,
  name: string,
  context: { readonly core: HostedCore; readonly log: Log },
): Promise<void> {
  const file = await context.core.exportFile(name).catch((error: unknown) => {
    context.log.error('Could not look up an exported file.', { error: String(error) });
    return null;
  });
  if (file === null) {
    response.writeHead(404, { 'content-type': 'text/plain' }).end('No finished export has that name.');
    return;
  }
  response.writeHead(200, {
    'content-type': 'application/octet-stream',
    'content-length': file.bytes,
    // The name passed the export names' pattern, so it needs no quoting beyond the quotes.
    'content-disposition': `attachment; filename="${name}"`,
    'x-content-type-options': 'nosniff',
    'cache-control': 'no-store',
  });
  if (request.method === 'HEAD') {
    response.end();
    return;
  }
  createReadStream(file.path)
    .on('error', (error) => {
      context.log.warn('An exported file could not be read while it was downloading.', { error: error.message });
      response.destroy();
    })
    .pipe(response);
}

function serveContract(client: WebSocket, dispatch: Core['dispatch'], core: Pick<Core, 'subscribe'>, log: Log): void {
  const outbox = createEventOutbox({
    transportCongested: () => client.bufferedAmount > CONGESTED_BYTES,
    send: (seq, event, payload) => client.send(JSON.stringify({ kind: 'event', seq, event, payload })),
  });
  const drainTimer = setInterval(() => outbox.drain(), 100);
  const unsubscribe = core.subscribe((event, payload) => outbox.offer(event, payload));

  client.on('message', (data, isBinary) => {
    void answer(data.toString(), isBinary);
  });
  client.on('close', () => {
    clearInterval(drainTimer);
    unsubscribe();
  });
  client.on('error', (error) => log.warn('A renderer connection failed.', { error: error.message }));

  async function answer(text: string, isBinary: boolean): Promise<void> {
    let json: unknown;
    try {
      json = isBinary ? undefined : JSON.parse(text);
    } catch {
      json = undefined;
    }
    const message = ClientMessageSchema.safeParse(json);
    if (!message.success) {
      const id = typeof json === 'object' && json !== null && 'id' in json && typeof json.id === 'number' ? json.id : 0;
      client.send(JSON.stringify({ kind: 'response', id, result: fail('bad-request', 'The request was not a valid Outpost call.') }));
      return;
    }
    const request = message.data;
    if (request.kind === 'ack') {
      outbox.acknowledge(request.seq);
      return;
    }
    const result = await dispatch(request.method, request.args);
    if (client.readyState === client.OPEN) client.send(JSON.stringify({ kind: 'response', id: request.id, result }));
  }
}

async function serveMarkings(response: ServerResponse, dispatch: Core['dispatch']): Promise<void> {
  const answer = await dispatch('app.markings', {});
  const body = answer.ok ? { ok: true, value: answer.value } : answer;
  response.writeHead(200, { 'content-type': 'application/json', 'cache-control': 'no-store', 'x-content-type-options': 'nosniff' }).end(JSON.stringify(body));
}

function tokensMatch(offered: string, expected: string): boolean {
  const a = Buffer.from(offered);
  const b = Buffer.from(expected);
  return a.length === b.length && timingSafeEqual(a, b);
}
