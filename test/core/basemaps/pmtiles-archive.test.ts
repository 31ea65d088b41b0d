import { gzipSync } from 'node:zlib';
import { Compression, TileType } from 'pmtiles';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { openPmtilesArchive } from '../../../electron/core/basemaps/pmtiles-archive';
import type { TileArchive } from '../../../electron/core/basemaps/tile-archive';
import { UserFacingError } from '../../../electron/core/user-facing-error';
import { VECTOR_TILE_BYTES } from '../../builders/mbtiles-builder';
import { buildPmtiles, type PmtilesSpec } from '../../builders/pmtiles-builder';
import { solidPng } from '../../builders/png-builder';
import { makeTempDir } from '../../support/temp-dir';

const RED = solidPng([200, 30, 30]);
const BLUE = solidPng([30, 30, 200]);

const rasterSpec: PmtilesSpec = {
  fileName: 'gulf.pmtiles',
  tileType: TileType.Png,
  tiles: [
    { z: 0, x: 0, y: 0, data: RED },
    { z: 1, x: 1, y: 0, data: BLUE },
    { z: 1, x: 0, y: 1, data: RED },
  ],
  metadata: { name: 'Gulf Imagery', attribution: '© Test Imagery' },
  bounds: [8.25, 38.75, 9.75, 41.25],
  center: [9, 40, 1],
};

const vectorSpec: PmtilesSpec = {
  fileName: 'streets.pmtiles',
  tileType: TileType.Mvt,
  tileCompression: Compression.Gzip,
  tiles: [{ z: 0, x: 0, y: 0, data: gzipSync(VECTOR_TILE_BYTES) }],
  metadata: { name: 'Streets', vector_layers: [{ id: 'roads', fields: {} }, { id: 'buildings', fields: {} }] },
};

describe('Given PMTiles archives', () => {
  let dir: ReturnType<typeof makeTempDir>;
  const opened: TileArchive[] = [];
  const open = async (spec: PmtilesSpec): Promise<TileArchive> => {
    const archive = await openPmtilesArchive(buildPmtiles(dir.path, spec));
    opened.push(archive);
    return archive;
  };
  beforeEach(() => {
    dir = makeTempDir();
  });
  afterEach(async () => {
    await Promise.all(opened.splice(0).map((archive) => archive.close()));
    dir.remove();
  });

  it('When a raster archive is opened, Then the header and metadata describe it', async () => {
    expect((await open(rasterSpec)).describe()).toEqual({
      name: 'Gulf Imagery',
      tileType: 'raster',
      format: 'png',
      minZoom: 0,
      maxZoom: 1,
      bounds: [8.25, 38.75, 9.75, 41.25],
      center: [9, 40, 1],
      attribution: '© Test Imagery',
      vectorLayers: [],
    });
  });

  it('When a vector archive is opened, Then its source layers come from vector_layers', async () => {
    expect((await open(vectorSpec)).describe()).toMatchObject({
      name: 'Streets',
      tileType: 'vector',
      format: 'pbf',
      bounds: null,
      center: null,
      vectorLayers: [{ id: 'roads' }, { id: 'buildings' }],
    });
  });

  it('When tiles are read, Then each address gets its own tile in XYZ order', async () => {
    const archive = await open(rasterSpec);
    expect(await archive.readTile(1, 1, 0)).toEqual({ bytes: BLUE, contentType: 'image/png' });
    expect(await archive.readTile(1, 0, 1)).toEqual({ bytes: RED, contentType: 'image/png' });
  });

  it('When the directory and metadata are gzip-compressed, as most writers leave them, Then the archive reads the same', async () => {
    const archive = await open({ ...rasterSpec, internalCompression: Compression.Gzip });
    expect(archive.describe()).toMatchObject({ name: 'Gulf Imagery', maxZoom: 1 });
    expect(await archive.readTile(1, 1, 0)).toEqual({ bytes: BLUE, contentType: 'image/png' });
  });

  it('When a gzip-compressed vector tile is read, Then it is served decompressed', async () => {
    expect(await (await open(vectorSpec)).readTile(0, 0, 0)).toEqual({ bytes: VECTOR_TILE_BYTES, contentType: 'application/x-protobuf' });
  });

  it('When a tile the archive does not hold is read, Then the answer is null', async () => {
    const archive = await open(rasterSpec);
    expect(await archive.readTile(1, 1, 1)).toBeNull();
    expect(await archive.readTile(2, 0, 0)).toBeNull();
  });

  it.each([
    ['an empty metadata object', {}],
    ['no metadata section', undefined],
  ])('When the archive has %s, Then it opens without a name or layers', async (_case, metadata) => {
    expect((await open({ ...rasterSpec, metadata })).describe()).toMatchObject({ name: null, attribution: null, vectorLayers: [] });
  });

  it('When the tiles are zstd-compressed, Then opening is refused with a sentence saying so and what to do', async () => {
    const path = buildPmtiles(dir.path, { ...vectorSpec, tileCompression: Compression.Zstd });
    const refusal = openPmtilesArchive(path);
    await expect(refusal).rejects.toThrow(UserFacingError);
    await expect(refusal).rejects.toThrow(
      `Outpost cannot use ${path} as a basemap: it is compressed with Zstd, which Outpost cannot read. Re-create it with gzip compression or none, then add the new file.`,
    );
  });

  it('When the archive holds MapLibre Tiles, Then opening is refused with a sentence naming them', async () => {
    const path = buildPmtiles(dir.path, { ...vectorSpec, tileType: TileType.Mlt });
    await expect(openPmtilesArchive(path)).rejects.toThrow(/it holds MapLibre Tiles \(MLT\), which Outpost cannot show/);
  });
});
