import { join } from 'node:path';
import { gzipSync } from 'node:zlib';
import BetterSqlite3 from 'better-sqlite3-multiple-ciphers';
import { solidPng, type Rgb } from './png-builder';

export interface StoredMbtilesTile {
  readonly z: number;
  readonly x: number;
  /** MBTiles rows count from the south (TMS), not from the north as XYZ's y does. */
  readonly tmsRow: number;
  readonly data: Uint8Array;
}

export interface MbtilesSpec {
  readonly fileName?: string;
  readonly metadata?: Readonly<Record<string, string>>;
  readonly tiles?: readonly StoredMbtilesTile[];
}

/** Writes a plain (unencrypted) MBTiles file exactly as specified and returns its path. */
export function buildMbtiles(dir: string, spec: MbtilesSpec = {}): string {
  const path = join(dir, spec.fileName ?? 'tiles.mbtiles');
  const db = new BetterSqlite3(path);
  try {
    db.exec(`
      CREATE TABLE metadata (name TEXT, value TEXT);
      CREATE TABLE tiles (zoom_level INTEGER, tile_column INTEGER, tile_row INTEGER, tile_data BLOB);
      CREATE UNIQUE INDEX tile_index ON tiles (zoom_level, tile_column, tile_row);
    `);
    const insertMetadata = db.prepare('INSERT INTO metadata (name, value) VALUES (?, ?)');
    const insertTile = db.prepare('INSERT INTO tiles (zoom_level, tile_column, tile_row, tile_data) VALUES (?, ?, ?, ?)');
    db.transaction(() => {
      for (const [name, value] of Object.entries(spec.metadata ?? {})) insertMetadata.run(name, value);
      for (const tile of spec.tiles ?? []) insertTile.run(tile.z, tile.x, tile.tmsRow, tile.data);
    })();
  } finally {
    db.close();
  }
  return path;
}

export const RASTER_METADATA = {
  name: 'Sardinia Topographic',
  format: 'png',
  minzoom: '0',
  maxzoom: '2',
  bounds: '8.1,38.8,9.9,41.3',
  center: '9.0,40.1,2',
  attribution: '© Test Survey Office',
} as const;

/** Each tile's own colour, so a test can tell which tile it was served. */
export function colourOfTile(z: number, x: number, y: number): Rgb {
  return [40 + z * 60, 20 + x * 50, 10 + y * 50];
}

/** Solid-colour 256×256 PNG tiles for every address at z0–z2, stored at their TMS rows. */
export function aRasterMbtiles(dir: string, spec: MbtilesSpec = {}): string {
  const tiles: StoredMbtilesTile[] = [];
  for (let z = 0; z <= 2; z += 1) {
    const size = 2 ** z;
    for (let x = 0; x < size; x += 1) {
      for (let y = 0; y < size; y += 1) tiles.push({ z, x, tmsRow: size - 1 - y, data: solidPng(colourOfTile(z, x, y)) });
    }
  }
  return buildMbtiles(dir, { fileName: 'sardinia-topo.mbtiles', metadata: RASTER_METADATA, tiles, ...spec });
}

/** Stands in for a Mapbox Vector Tile: its bytes are never decoded, only served. */
export const VECTOR_TILE_BYTES = Uint8Array.from([0x1a, 0x0b, 0x0a, 0x05, 0x77, 0x61, 0x74, 0x65, 0x72, 0x78, 0x02, 0x28, 0x80, 0x20]);

export const VECTOR_METADATA = {
  name: 'Sardinia Streets',
  format: 'pbf',
  minzoom: '0',
  maxzoom: '14',
  bounds: '8.1,38.8,9.9,41.3',
  center: '8.9,39.2,10',
  attribution: '© Test Mappers',
  json: JSON.stringify({
    vector_layers: [
      { id: 'water', fields: { kind: 'String' }, minzoom: 0, maxzoom: 14 },
      { id: 'roads', fields: { highway: 'String' }, minzoom: 6, maxzoom: 14 },
    ],
  }),
} as const;

/** One gzip-compressed vector tile at z0, as tools such as tippecanoe store them. */
export function aVectorMbtiles(dir: string, spec: MbtilesSpec = {}): string {
  return buildMbtiles(dir, {
    fileName: 'sardinia-streets.mbtiles',
    metadata: VECTOR_METADATA,
    tiles: [{ z: 0, x: 0, tmsRow: 0, data: gzipSync(VECTOR_TILE_BYTES) }],
    ...spec,
  });
}
