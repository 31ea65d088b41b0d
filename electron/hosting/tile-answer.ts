import { UnknownBasemapError, type Core } from '../core';
import type { Log } from '../core/ports';
import { parseTilePath } from './tile-path';

/** A host-neutral HTTP answer, so that the web host and the app:// protocol reply alike. */
export interface TileAnswer {
  readonly status: 200 | 204 | 404 | 500;
  readonly headers: Readonly<Record<string, string>>;
  readonly body: Uint8Array | null;
}

const NOSNIFF = { 'x-content-type-options': 'nosniff' } as const;
// A package's tiles do not change while it is added, and a removed package's id is not reused in the same run.
const CACHEABLE = { ...NOSNIFF, 'cache-control': 'private, max-age=3600' } as const;

/**
 * Answers a tile path from the core: 200 with the tile, 204 where the package
 * has none (MapLibre draws an empty tile; a 404 would be logged as an error),
 * 404 for a path that names no tile or a basemap that does not exist.
 */
export async function answerTileRequest(core: Pick<Core, 'readTile'>, pathname: string, log: Log): Promise<TileAnswer> {
  const address = parseTilePath(pathname);
  if (address === null) return notFound('No tile has this address.');
  try {
    const tile = await core.readTile(address.basemapId, address.z, address.x, address.y);
    if (tile === null) return { status: 204, headers: CACHEABLE, body: null };
    return { status: 200, headers: { ...CACHEABLE, 'content-type': tile.contentType }, body: tile.bytes };
  } catch (error) {
    if (error instanceof UnknownBasemapError) return notFound('No basemap has this id.');
    log.warn('A tile could not be read.', { ...address, error: error instanceof Error ? error.message : String(error) });
    return { status: 500, headers: { ...NOSNIFF, 'content-type': 'text/plain; charset=utf-8' }, body: new TextEncoder().encode('The tile could not be read.') };
  }
}

function notFound(message: string): TileAnswer {
  return { status: 404, headers: { ...NOSNIFF, 'content-type': 'text/plain; charset=utf-8' }, body: new TextEncoder().encode(message) };
}
