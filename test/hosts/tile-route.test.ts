import { mkdirSync, writeFileSync } from 'node:fs';
import { request } from 'node:http';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { UnknownBasemapError, type Tile } from '../../electron/core';
import { startWebHost, type WebHost } from '../../electron/web/web-host';
import { solidPng } from '../builders/png-builder';
import { recordingLog } from '../support/recording-log';
import { makeTempDir } from '../support/temp-dir';

interface BinaryAnswer {
  status: number;
  headers: Record<string, string | string[] | undefined>;
  body: Buffer;
}

function fetchTile(port: number, path: string, options: { host?: string; method?: string } = {}): Promise<BinaryAnswer> {
  return new Promise((resolve, reject) => {
    const req = request({ host: '127.0.0.1', port, path, method: options.method ?? 'GET', headers: { host: options.host ?? `127.0.0.1:${port}` } }, (res) => {
      const chunks: Buffer[] = [];
      res.on('data', (chunk: Buffer) => chunks.push(chunk));
      res.on('end', () => resolve({ status: res.statusCode ?? 0, headers: res.headers, body: Buffer.concat(chunks) }));
    });
    req.on('error', reject);
    req.end();
  });
}

const GREEN_TILE = solidPng([20, 160, 40]);

describe('Given the web host serving basemap tiles', () => {
  const dir = makeTempDir();
  const log = recordingLog();
  const core = {
    dispatch: async () => {
      throw new Error('The tile route must not use the dispatcher.');
    },
    subscribe: () => () => undefined,
    /** One package, "topo", holding only tile 2/1/3; "broken" fails as a vanished file would. */
    readTile: async (basemapId: string, z: number, x: number, y: number): Promise<Tile | null> => {
      if (basemapId === 'broken') throw new Error('EBADF: the file is gone');
      if (basemapId !== 'topo') throw new UnknownBasemapError(basemapId);
      return z === 2 && x === 1 && y === 3 ? { bytes: GREEN_TILE, contentType: 'image/png' } : null;
    },
    exportFile: async () => null,
  };
  let host: WebHost;
  let token: string;

  beforeAll(async () => {
    const staticDir = join(dir.path, 'renderer');
    mkdirSync(staticDir);
    writeFileSync(join(staticDir, 'index.html'), '<!doctype html><title>Outpost</title>');
    host = await startWebHost({ core, staticDir, port: 0, log });
    token = new URL(host.url).searchParams.get('token') ?? '';
  });
  afterAll(async () => {
    await host.close();
    dir.remove();
  });

  it('When a tile the package holds is fetched with the token, Then its bytes come back with its content type, cacheable and unsniffable', async () => {
    const answer = await fetchTile(host.port, `/tiles/topo/2/1/3.png?token=${token}`);
    expect(answer.status).toBe(200);
    expect(answer.body.equals(Buffer.from(GREEN_TILE))).toBe(true);
    expect(answer.headers['content-type']).toBe('image/png');
    expect(answer.headers['content-length']).toBe(String(GREEN_TILE.length));
    expect(answer.headers['cache-control']).toBe('private, max-age=3600');
    expect(answer.headers['x-content-type-options']).toBe('nosniff');
  });

  it('When a tile is asked for with HEAD, Then the headers come without the bytes', async () => {
    const answer = await fetchTile(host.port, `/tiles/topo/2/1/3?token=${token}`, { method: 'HEAD' });
    expect(answer.status).toBe(200);
    expect(answer.headers['content-type']).toBe('image/png');
    expect(answer.body.length).toBe(0);
  });

  it('When a tile the package does not hold is fetched, Then the answer is 204, which MapLibre draws as an empty tile', async () => {
    const answer = await fetchTile(host.port, `/tiles/topo/2/1/2?token=${token}`);
    expect(answer.status).toBe(204);
    expect(answer.body.length).toBe(0);
  });

  it.each([
    ['no token', '/tiles/topo/2/1/3'],
    ['a wrong token', '/tiles/topo/2/1/3?token=guess'],
    ['a token of the right length but wrong', `/tiles/topo/2/1/3?token=${'A'.repeat(32)}`],
  ])('When a tile is fetched with %s, Then it is refused with 403', async (_case, path) => {
    const answer = await fetchTile(host.port, path);
    expect(answer.status).toBe(403);
    expect(answer.body.includes(Buffer.from(GREEN_TILE))).toBe(false);
  });

  it('When a tile of an unknown basemap is fetched, Then the answer is 404', async () => {
    expect((await fetchTile(host.port, `/tiles/elsewhere/0/0/0?token=${token}`)).status).toBe(404);
  });

  it.each(['/tiles/topo/2/4/0', '/tiles/../0/0/0', '/tiles/topo/x/y/z'])('When %s names no tile, Then the answer is 404', async (path) => {
    expect((await fetchTile(host.port, `${path}?token=${token}`)).status).toBe(404);
  });

  it('When the Host header names another site (DNS rebinding), Then the tile is refused even with the token', async () => {
    const answer = await fetchTile(host.port, `/tiles/topo/2/1/3?token=${token}`, { host: 'attacker.example:80' });
    expect(answer.status).toBe(421);
    expect(answer.body.includes(Buffer.from(GREEN_TILE))).toBe(false);
  });

  it('When a tile is sent with a method other than GET or HEAD, Then it is refused', async () => {
    expect((await fetchTile(host.port, `/tiles/topo/2/1/3?token=${token}`, { method: 'DELETE' })).status).toBe(405);
  });

  it('When reading a tile fails, Then the answer is 500 and the failure is logged as a warning', async () => {
    const answer = await fetchTile(host.port, `/tiles/broken/0/0/0?token=${token}`);
    expect(answer.status).toBe(500);
    expect(log.entries).toContainEqual(expect.objectContaining({ level: 'warn', message: 'A tile could not be read.' }));
  });
});
