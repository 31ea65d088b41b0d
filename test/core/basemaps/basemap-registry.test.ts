import { mkdirSync, renameSync, rmSync } from 'node:fs';
import { join } from 'node:path';
import { TileType } from 'pmtiles';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { BasemapSchema, type Basemap } from '../../../shared/basemaps';
import { createBasemapRegistry, type BasemapRegistry } from '../../../electron/core/basemaps/basemap-registry';
import { tilePackageOpener, type OpenTilePackage } from '../../../electron/core/basemaps/open-tile-package';
import { UnknownBasemapError } from '../../../electron/core/basemaps/unknown-basemap-error';
import { openDatabase } from '../../../electron/core/store/open-database';
import { createStore, type Store } from '../../../electron/core/store/store';
import { UserFacingError } from '../../../electron/core/user-facing-error';
import { aRasterMbtiles, aVectorMbtiles, colourOfTile } from '../../builders/mbtiles-builder';
import { buildPmtiles } from '../../builders/pmtiles-builder';
import { solidPng } from '../../builders/png-builder';
import { manualClock } from '../../support/manual-clock';
import { recordingLog } from '../../support/recording-log';
import { makeTempDir } from '../../support/temp-dir';

const KEY = 'c'.repeat(64);

describe('Given the basemap registry', () => {
  let dir: ReturnType<typeof makeTempDir>;
  let store: Store;
  let registry: BasemapRegistry;
  let closes: number;

  /** The real opener, counting how many archives get closed. */
  const countingOpener: OpenTilePackage = async (path) => {
    const { kind, archive } = await tilePackageOpener({})(path);
    return {
      kind,
      archive: {
        describe: () => archive.describe(),
        readTile: (z, x, y) => archive.readTile(z, x, y),
        async close() {
          closes += 1;
          await archive.close();
        },
      },
    };
  };
  const startRegistry = (): BasemapRegistry =>
    createBasemapRegistry({ store, openTilePackage: countingOpener, clock: manualClock(), log: recordingLog() });
  const added = async (path: string): Promise<Basemap> => BasemapSchema.parse(await registry.add(path));

  beforeEach(() => {
    dir = makeTempDir();
    closes = 0;
    store = createStore(openDatabase({ file: join(dir.path, 'cache.db'), key: KEY }));
    registry = startRegistry();
  });
  afterEach(async () => {
    await registry.close();
    store.close();
    dir.remove();
  });

  it('When nothing has been added, Then the list holds only the bundled Natural Earth basemap', async () => {
    const list = await registry.list();
    expect(list).toHaveLength(1);
    expect(BasemapSchema.parse(list[0])).toMatchObject({ id: 'natural-earth', kind: 'bundled', tileType: null, tilesPath: null });
  });

  it('When an MBTiles file is added, Then it is described from its metadata with a tile path under its id', async () => {
    expect(await added(aRasterMbtiles(dir.path))).toEqual({
      id: 'sardinia-topo',
      name: 'Sardinia Topographic',
      kind: 'mbtiles',
      tileType: 'raster',
      format: 'png',
      minZoom: 0,
      maxZoom: 2,
      bounds: [8.1, 38.8, 9.9, 41.3],
      center: [9.0, 40.1, 2],
      attribution: '© Test Survey Office',
      vectorLayers: [],
      tilesPath: 'tiles/sardinia-topo/{z}/{x}/{y}',
      unavailableReason: null,
    });
  });

  it('When a PMTiles file is added, Then it is recognised by its content and named after the file when it has no name', async () => {
    const path = buildPmtiles(dir.path, { fileName: 'Gulf of Cagliari.pmtiles', tileType: TileType.Webp, tiles: [{ z: 3, x: 4, y: 3, data: Uint8Array.of(1) }] });
    expect(await added(path)).toMatchObject({ id: 'gulf-of-cagliari', name: 'Gulf of Cagliari', kind: 'pmtiles', format: 'webp', minZoom: 3, maxZoom: 3 });
  });

  it('When packages are added, Then the list has the bundled basemap first and the rest in the order added', async () => {
    await registry.add(aVectorMbtiles(dir.path));
    await registry.add(aRasterMbtiles(dir.path));
    expect((await registry.list()).map((basemap) => basemap.id)).toEqual(['natural-earth', 'sardinia-streets', 'sardinia-topo']);
  });

  it('When two files have the same name, Then the second id gets a suffix', async () => {
    const otherFolder = join(dir.path, 'other');
    mkdirSync(otherFolder);
    expect((await added(aRasterMbtiles(dir.path))).id).toBe('sardinia-topo');
    expect((await added(aRasterMbtiles(otherFolder))).id).toBe('sardinia-topo-2');
  });

  it('When the same file is added twice, Then the second add returns the first basemap', async () => {
    const path = aRasterMbtiles(dir.path);
    const [first, second] = await Promise.all([registry.add(path), registry.add(join(dir.path, '.', 'sardinia-topo.mbtiles'))]);
    expect(second).toEqual(first);
    expect(await registry.list()).toHaveLength(2);
  });

  it('When a tile is read, Then it comes from the package at its XYZ address', async () => {
    const { id } = await added(aRasterMbtiles(dir.path));
    expect(await registry.readTile(id, 1, 0, 1)).toEqual({ bytes: Buffer.from(solidPng(colourOfTile(1, 0, 1))), contentType: 'image/png' });
  });

  it.each([
    ['outside the zoom range of the package', 3, 0, 0],
    ['outside the pyramid', 1, 2, 0],
    ['not whole numbers', 1, 0.5, 0],
  ])('When a tile %s is asked for, Then the answer is null', async (_case, z, x, y) => {
    const { id } = await added(aRasterMbtiles(dir.path));
    expect(await registry.readTile(id, z, x, y)).toBeNull();
  });

  it('When a tile of an id no package has is asked for, Then it fails as an unknown basemap', async () => {
    await expect(registry.readTile('nowhere', 0, 0, 0)).rejects.toBeInstanceOf(UnknownBasemapError);
    await expect(registry.readTile('natural-earth', 0, 0, 0)).rejects.toBeInstanceOf(UnknownBasemapError);
  });

  it('When a package is removed, Then it leaves the list, its archive is closed and its tiles are gone', async () => {
    const { id } = await added(aRasterMbtiles(dir.path));
    expect(await registry.remove(id)).toBe(true);
    expect(closes).toBe(1);
    expect((await registry.list()).map((basemap) => basemap.id)).toEqual(['natural-earth']);
    await expect(registry.readTile(id, 0, 0, 0)).rejects.toBeInstanceOf(UnknownBasemapError);
    expect(await registry.remove(id)).toBe(false);
  });

  it('When a removed package is added again, Then it gets a fresh id, so no cached tile of the old one is reused', async () => {
    const path = aRasterMbtiles(dir.path);
    await registry.remove((await added(path)).id);
    expect((await added(path)).id).toBe('sardinia-topo-2');
  });

  it('When the bundled basemap is to be removed, Then it is refused with a sentence', async () => {
    await expect(registry.remove('natural-earth')).rejects.toThrow(new UserFacingError('The Natural Earth basemap is part of Outpost and cannot be removed.'));
  });

  it('When Outpost restarts, Then the added packages are still there and open again on first use', async () => {
    const { id } = await added(aVectorMbtiles(dir.path));
    await registry.close();
    expect(closes).toBe(1);
    registry = startRegistry();
    expect((await registry.list())[1]).toMatchObject({ id, tileType: 'vector', vectorLayers: [{ id: 'water' }, { id: 'roads' }] });
    expect(await registry.readTile(id, 0, 0, 0)).not.toBeNull();
  });

  it('When an added file has gone, Then it stays listed with the reason, and works again once it is back', async () => {
    const path = aRasterMbtiles(dir.path);
    const { id } = await added(path);
    await registry.close();
    renameSync(path, `${path}.away`);
    registry = startRegistry();
    const [, missing] = await registry.list();
    expect(BasemapSchema.parse(missing)).toMatchObject({
      id,
      name: 'Sardinia Topographic',
      tileType: null,
      tilesPath: null,
      unavailableReason: `Outpost cannot use ${path} as a basemap: the file does not exist. Check the path and add it again.`,
    });
    renameSync(`${path}.away`, path);
    expect((await registry.list())[1]).toMatchObject({ id, tileType: 'raster', unavailableReason: null });
  });

  it('When a path is not absolute, Then it is refused with a sentence saying to give the full path', async () => {
    await expect(registry.add('maps/sardinia.mbtiles')).rejects.toThrow(
      'Outpost cannot use maps/sardinia.mbtiles as a basemap: the path is not absolute. Give the file’s full path, starting from the root of the disk.',
    );
  });

  it('When a file is not a tile package, Then nothing is added and the sentence names the file', async () => {
    const path = aRasterMbtiles(dir.path);
    rmSync(path);
    await expect(registry.add(path)).rejects.toThrow(`Outpost cannot use ${path} as a basemap: the file does not exist.`);
    expect(store.listBasemaps()).toEqual([]);
  });
});
