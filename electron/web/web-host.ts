import { randomBytes, timingSafeEqual } from 'node:crypto';
import { createReadStream } from 'node:fs';
import { createServer, type IncomingMessage, type ServerResponse } from 'node:http';
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

export const CONTRACT_PATH = '/contract';
const LOOPBACK = '127.0.0.1';
/** Above this many unsent bytes a client counts as congested and its events merge while they wait. */
const CONGESTED_BYTES = 4 * 1024 * 1024;
const MAX_INBOUND_MESSAGE_BYTES = 1024 * 1024;

export interface WebHost {
  /** The URL to open, token included. */
  readonly url: string;
  readonly port: number;
  close(): Promise<void>;
}

type HostedCore = Pick<Core, 'dispatch' | 'subscribe' | 'readTile' | 'exportFile'>;

/** Finished exports download from here: the browser has no save dialog, so the core writes the file and the page fetches it. */
export const EXPORTS_PATH = '/exports/';

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
 * Serves the built renderer, the basemaps' tiles, and the contract over a
 * WebSocket, on loopback only. The WebSocket and the tiles demand a per-run
 * token and the WebSocket the page's own origin too, so neither another local
 * user's browser tab nor a rebinding DNS name can drive the core or read its maps.
 */
export async function startWebHost(options: {
  readonly core: HostedCore;
  readonly staticDir: string;
  readonly port: number;
  readonly log: Log;
}): Promise<WebHost> {
  const token = randomBytes(24).toString('base64url');
  const server = createServer();
  const sockets = new WebSocketServer({ noServer: true, maxPayload: MAX_INBOUND_MESSAGE_BYTES });
  await new Promise<void>((resolve, reject) => {
    server.once('error', reject);
    server.listen(options.port, LOOPBACK, resolve);
  });
  const port = (server.address() as AddressInfo).port;
  const allowedHosts = new Set([`${LOOPBACK}:${port}`, `localhost:${port}`]);
  const allowedOrigins = new Set([...allowedHosts].map((host) => `http://${host}`));
  const csp = contentSecurityPolicy({ connectSources: [...allowedHosts].map((host) => `ws://${host}`) });
  const dispatch = answeringHostMethods(browserHostMethods, options.core.dispatch, options.log);

  server.on('request', (request, response) => {
    if (!allowedHosts.has(request.headers.host ?? '')) {
      response.writeHead(421, { 'content-type': 'text/plain' }).end('Outpost answers only on 127.0.0.1.');
      return;
    }
    if (request.method !== 'GET' && request.method !== 'HEAD') {
      response.writeHead(405, { allow: 'GET, HEAD' }).end();
      return;
    }
    const url = new URL(request.url ?? '/', `http://${LOOPBACK}:${port}`);
    const isExport = url.pathname.startsWith(EXPORTS_PATH);
    if (!isTilePath(url.pathname) && !isExport) {
      serveStatic(request, response, { csp, staticDir: options.staticDir });
    } else if (!tokensMatch(url.searchParams.get('token') ?? '', token)) {
      const what = isExport ? 'Exported files' : 'Tiles';
      response.writeHead(403, { 'content-type': 'text/plain' }).end(`${what} need the token from the URL Outpost printed.`);
    } else if (isExport) {
      void serveExport(request, response, decodeURIComponent(url.pathname.slice(EXPORTS_PATH.length)), options);
    } else {
      void serveTile(request, response, url.pathname, options);
    }
  });
  server.on('upgrade', (request, socket, head) => {
    const url = new URL(request.url ?? '/', `http://${LOOPBACK}:${port}`);
    const origin = request.headers.origin ?? '';
    const permitted =
      url.pathname === CONTRACT_PATH &&
      allowedHosts.has(request.headers.host ?? '') &&
      allowedOrigins.has(origin) &&
      tokensMatch(url.searchParams.get('token') ?? '', token);
    if (!permitted) {
      options.log.warn('Refused a WebSocket connection without the right token or origin.', { origin });
      socket.end('HTTP/1.1 403 Forbidden\r\nConnection: close\r\n\r\n');
      return;
    }
    sockets.handleUpgrade(request, socket, head, (client) => serveContract(client, dispatch, options.core, options.log));
  });

  return {
    url: `http://${LOOPBACK}:${port}/?token=${token}`,
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

function tokensMatch(offered: string, expected: string): boolean {
  const a = Buffer.from(offered);
  const b = Buffer.from(expected);
  return a.length === b.length && timingSafeEqual(a, b);
}
