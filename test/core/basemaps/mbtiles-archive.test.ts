import { join } from 'node:path';
import { gzipSync } from 'node:zlib';
import BetterSqlite3 from 'better-sqlite3-multiple-ciphers';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { openMbtilesArchive } from '../../../electron/core/basemaps/mbtiles-archive';
import type { TileArchive } from '../../../electron/core/basemaps/tile-archive';
import { UserFacingError } from '../../../electron/core/user-facing-error';
import { aRasterMbtiles, aVectorMbtiles, buildMbtiles, colourOfTile, RASTER_METADATA, VECTOR_TILE_BYTES } from '../../builders/mbtiles-builder';
import { solidPng } from '../../builders/png-builder';
import { makeTempDir } from '../../support/temp-dir';

describe('Given MBTiles packages', () => {
  let dir: ReturnType<typeof makeTempDir>;
  const opened: TileArchive[] = [];
  const open = (path: string): TileArchive => {
    const archive = openMbtilesArchive(path);
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

  it('When a raster package is opened, Then its metadata describes it', () => {
    expect(open(aRasterMbtiles(dir.path)).describe()).toEqual({
      name: 'Sardinia Topographic',
      tileType: 'raster',
      format: 'png',
      minZoom: 0,
      maxZoom: 2,
      bounds: [8.1, 38.8, 9.9, 41.3],
      center: [9.0, 40.1, 2],
      attribution: '© Test Survey Office',
      vectorLayers: [],
    });
  });

  it('When a vector package is opened, Then its source layers come from the json metadata', () => {
    expect(open(aVectorMbtiles(dir.path)).describe()).toMatchObject({
      name: 'Sardinia Streets',
      tileType: 'vector',
      format: 'pbf',
      minZoom: 0,
      maxZoom: 14,
      vectorLayers: [{ id: 'water' }, { id: 'roads' }],
    });
  });

  it('When a raster tile is read, Then the XYZ row is flipped to the TMS row the package stores', async () => {
    const archive = open(aRasterMbtiles(dir.path));
    expect(await archive.readTile(2, 1, 0)).toEqual({ bytes: Buffer.from(solidPng(colourOfTile(2, 1, 0))), contentType: 'image/png' });
    expect(await archive.readTile(2, 3, 2)).toEqual({ bytes: Buffer.from(solidPng(colourOfTile(2, 3, 2))), contentType: 'image/png' });
  });

  it('When one tile is stored at TMS row 0 of zoom 2, Then it is served at XYZ y 3 and nowhere else in its column', async () => {
    const marker = Uint8Array.from(solidPng([255, 0, 0], 4));
    const archive = open(buildMbtiles(dir.path, { metadata: { format: 'png' }, tiles: [{ z: 2, x: 1, tmsRow: 0, data: marker }] }));
    expect((await archive.readTile(2, 1, 3))?.bytes).toEqual(Buffer.from(marker));
    for (const y of [0, 1, 2]) expect(await archive.readTile(2, 1, y)).toBeNull();
  });

  it('When a vector tile stored gzip-compressed is read, Then it is served decompressed as protobuf', async () => {
    const tile = await open(aVectorMbtiles(dir.path)).readTile(0, 0, 0);
    expect(tile?.contentType).toBe('application/x-protobuf');
    expect(Buffer.from(tile?.bytes ?? [])).toEqual(Buffer.from(VECTOR_TILE_BYTES));
  });

  it('When a vector tile is stored uncompressed, Then it is served as stored', async () => {
    const archive = open(aVectorMbtiles(dir.path, { tiles: [{ z: 0, x: 0, tmsRow: 0, data: VECTOR_TILE_BYTES }] }));
    expect(Buffer.from((await archive.readTile(0, 0, 0))?.bytes ?? [])).toEqual(Buffer.from(VECTOR_TILE_BYTES));
  });

  it('When a tile the package does not hold is read, Then the answer is null', async () => {
    expect(await open(aVectorMbtiles(dir.path)).readTile(1, 1, 1)).toBeNull();
  });

  it('When the metadata names neither format nor zooms, Then both come from the tiles themselves', () => {
    const gzipped = gzipSync(VECTOR_TILE_BYTES);
    const path = buildMbtiles(dir.path, { tiles: [3, 5].map((z) => ({ z, x: 0, tmsRow: 0, data: gzipped })) });
    expect(open(path).describe()).toMatchObject({ name: null, format: 'pbf', tileType: 'vector', minZoom: 3, maxZoom: 5, bounds: null, center: null });
  });

  it.each([
    ['jpeg', 'jpg', 'raster'],
    ['image/webp', 'webp', 'raster'],
    ['application/vnd.mapbox-vector-tile', 'pbf', 'vector'],
  ])('When the format is written as %s, Then it is understood as %s', (written, format, tileType) => {
    const path = buildMbtiles(dir.path, { metadata: { ...RASTER_METADATA, format: written } });
    expect(open(path).describe()).toMatchObject({ format, tileType });
  });

  it('When metadata values are nonsense, Then they are dropped and the package still opens', () => {
    const metadata = { format: 'png', minzoom: '0', maxzoom: '3', bounds: '200,0,10', center: 'here', attribution: '  ', json: '{not json' };
    expect(open(buildMbtiles(dir.path, { metadata })).describe()).toMatchObject({ bounds: null, center: null, attribution: null, vectorLayers: [] });
  });

  it('When the tiles are in a format Outpost cannot show, Then opening it is refused with a sentence naming the file and the format', () => {
    const path = buildMbtiles(dir.path, { metadata: { ...RASTER_METADATA, format: 'tiff' } });
    expect(() => openMbtilesArchive(path)).toThrow(UserFacingError);
    expect(() => openMbtilesArchive(path)).toThrow(`Outpost cannot use ${path} as a basemap: its tiles are in “tiff”, which Outpost cannot show.`);
  });

  it('When an SQLite database has no tiles table, Then opening it is refused as not an MBTiles package', () => {
    const path = join(dir.path, 'notes.mbtiles');
    const db = new BetterSqlite3(path);
    db.exec('CREATE TABLE notes (text TEXT)');
    db.close();
    expect(() => openMbtilesArchive(path)).toThrow(`Outpost cannot use ${path} as a basemap: it is an SQLite database but not an MBTiles package (it has no tiles table).`);
  });

  it('When the package holds no tiles and no zooms, Then opening it is refused', () => {
    const path = buildMbtiles(dir.path, { metadata: { format: 'png' } });
    expect(() => openMbtilesArchive(path)).toThrow(/it holds no tiles\. Choose a package that has been filled with tiles\./);
  });
});
