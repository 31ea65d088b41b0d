import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { methods } from '../../../shared/contract';
import { OutpostConfigSchema } from '../../../shared/config';
import { createCore, type Core } from '../../../electron/core';
import { aVectorMbtiles, VECTOR_TILE_BYTES } from '../../builders/mbtiles-builder';
import { sourceIngestWorker } from '../../support/ingest-worker';
import { manualClock } from '../../support/manual-clock';
import { memorySecrets } from '../../support/memory-secrets';
import { recordingLog } from '../../support/recording-log';
import { makeTempDir } from '../../support/temp-dir';

describe('Given a core', () => {
  let dir: ReturnType<typeof makeTempDir>;
  let core: Core;
  const secrets = memorySecrets();
  const start = (): Promise<Core> =>
    createCore({
      dataDir: join(dir.path, 'data'),
      config: OutpostConfigSchema.parse({}),
      secrets,
      clock: manualClock(),
      log: recordingLog(),
      ingestWorker: sourceIngestWorker,
    });

  beforeEach(async () => {
    dir = makeTempDir();
    core = await start();
  });
  afterEach(async () => {
    await core.close();
    dir.remove();
  });

  it('When a tile package is added through the contract, Then it is listed, kept across restarts and its tiles are served', async () => {
    const added = await core.dispatch('basemaps.add', { path: aVectorMbtiles(dir.path) });
    expect(added).toMatchObject({ ok: true, value: { id: 'sardinia-streets', tilesPath: 'tiles/sardinia-streets/{z}/{x}/{y}' } });

    await core.close();
    core = await start();
    const listed = await core.dispatch('basemaps.list', {});
    expect(listed.ok && methods['basemaps.list'].result.parse(listed.value).map((basemap) => basemap.id)).toEqual(['natural-earth', 'sardinia-streets']);
    expect(await core.readTile('sardinia-streets', 0, 0, 0)).toEqual({ bytes: Buffer.from(VECTOR_TILE_BYTES), contentType: 'application/x-protobuf' });
    expect(await core.readTile('sardinia-streets', 1, 0, 0)).toBeNull();

    expect(await core.dispatch('basemaps.remove', { id: 'sardinia-streets' })).toEqual({ ok: true, value: { removed: true } });
    await expect(core.readTile('sardinia-streets', 0, 0, 0)).rejects.toThrow('No tile package has the basemap id "sardinia-streets".');
  });

  it('When a file that is not a tile package is added, Then the call fails with the sentence for the analyst', async () => {
    const path = join(dir.path, 'notes.txt');
    writeFileSync(path, 'patrol notes');
    expect(await core.dispatch('basemaps.add', { path })).toEqual({
      ok: false,
      error: {
        code: 'failed',
        message: `Outpost cannot use ${path} as a basemap: it is neither an MBTiles nor a PMTiles tile package. Choose a .mbtiles or .pmtiles file.`,
      },
    });
  });

  it('When a removal names an id that is not a basemap id, Then the arguments are refused', async () => {
    expect(await core.dispatch('basemaps.remove', { id: '../cache.db' })).toMatchObject({ ok: false, error: { code: 'bad-arguments' } });
  });
});
