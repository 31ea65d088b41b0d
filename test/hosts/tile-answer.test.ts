import { describe, expect, it } from 'vitest';
import { UnknownBasemapError } from '../../electron/core';
import { answerTileRequest } from '../../electron/hosting/tile-answer';
import { recordingLog } from '../support/recording-log';

/** The answers both hosts give; the Electron app:// handler sends them as they are. */
describe('Given the tile answers both hosts send', () => {
  const tile = { bytes: Uint8Array.of(1, 2, 3), contentType: 'image/webp' };
  const core = {
    readTile: async (basemapId: string, z: number) => {
      if (basemapId !== 'imagery') throw new UnknownBasemapError(basemapId);
      if (z === 9) throw new Error('disk unplugged');
      return z === 0 ? tile : null;
    },
  };

  it('When the tile exists, Then it is 200 with its bytes and content type', async () => {
    expect(await answerTileRequest(core, '/tiles/imagery/0/0/0.webp', recordingLog())).toEqual({
      status: 200,
      headers: { 'content-type': 'image/webp', 'cache-control': 'private, max-age=3600', 'x-content-type-options': 'nosniff' },
      body: tile.bytes,
    });
  });

  it.each([
    ['a tile the package lacks', '/tiles/imagery/1/0/0', 204],
    ['an unknown basemap', '/tiles/streets/0/0/0', 404],
    ['a path that names no tile', '/tiles/imagery/0/0', 404],
    ['a tile that cannot be read', '/tiles/imagery/9/0/0', 500],
  ])('When the path asks for %s, Then the status is %i', async (_case, path, status) => {
    expect((await answerTileRequest(core, path, recordingLog())).status).toBe(status);
  });
});
