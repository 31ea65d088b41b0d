import { promisify } from 'node:util';
import { gunzip } from 'node:zlib';
import BetterSqlite3, { type Database } from 'better-sqlite3-multiple-ciphers';
import { tilePackageError, tilePackageRefusal, errorCode } from './tile-package-error';
import { boundsOrNull, centerOrNull, numbersIn, textOrNull, vectorLayersIn, zoomWithinRange } from './metadata-values';
import type { TileArchive, TilesetDescription } from './tile-archive';
import { formatNamed, formatOfTile, mediaTypeOf, tileTypeOf } from './tile-formats';

const gunzipBytes = promisify(gunzip);

export interface MbtilesOptions {
  /** The SQLite addon built for Electron's ABI, when the host is Electron run from source. */
  readonly nativeBinding?: string | undefined;
}

/**
 * An MBTiles package: a plain SQLite database with a `metadata` table of
 * name/value text and a `tiles` table addressed in TMS order, where row 0 is
 * the southernmost, so XYZ's y is flipped on the way in.
 */
export function openMbtilesArchive(path: string, options: MbtilesOptions = {}): TileArchive {
  let db: Database;
  try {
    db = new BetterSqlite3(path, { readonly: true, fileMustExist: true, nativeBinding: options.nativeBinding });
  } catch (error) {
    throw tilePackageRefusal(path, error);
  }
  try {
    const description = describe(db, path);
    const selectTile = db
      .prepare<[number, number, number], unknown>('SELECT tile_data FROM tiles WHERE zoom_level = ? AND tile_column = ? AND tile_row = ?')
      .pluck();
    const contentType = mediaTypeOf(description.format);
    const vector = description.tileType === 'vector';
    return {
      describe: () => description,
      async readTile(z, x, y) {
        const tmsRow = 2 ** z - 1 - y;
        const stored = selectTile.get(z, x, tmsRow);
        if (!(stored instanceof Uint8Array)) return null;
        // Vector tiles are usually stored gzip-compressed; MapLibre wants the protobuf itself.
        const bytes = vector && isGzip(stored) ? await gunzipBytes(stored) : stored;
        return { bytes, contentType };
      },
      async close() {
        db.close();
      },
    };
  } catch (error) {
    db.close();
    throw refusal(path, error);
  }
}

function describe(db: Database, path: string): TilesetDescription {
  const metadata = readMetadata(db, path);
  const format = formatOf(db, path, metadata.get('format'));
  const zooms = zoomRange(db, path, metadata);
  return {
    name: textOrNull(metadata.get('name')),
    tileType: tileTypeOf(format),
    format,
    ...zooms,
    bounds: boundsOrNull(numbersIn(metadata.get('bounds'))),
    center: centerOrNull(numbersIn(metadata.get('center'))),
    attribution: textOrNull(metadata.get('attribution')),
    vectorLayers: vectorLayersIn(parseJsonOrNull(metadata.get('json'))),
  };
}

function readMetadata(db: Database, path: string): Map<string, string> {
  const tables = db.prepare<[], string>("SELECT name FROM sqlite_master WHERE type IN ('table', 'view')").pluck().all();
  if (!tables.includes('tiles')) {
    throw tilePackageError(path, 'it is an SQLite database but not an MBTiles package (it has no tiles table)', 'Choose a tile package exported as MBTiles or PMTiles.');
  }
  // The metadata table is required by the specification, but the tiles are usable without it.
  if (!tables.includes('metadata')) return new Map();
  const rows = db.prepare<[], { name: unknown; value: unknown }>('SELECT name, value FROM metadata').all();
  const metadata = new Map<string, string>();
  for (const { name, value } of rows) {
    if (typeof name === 'string' && typeof value === 'string' && !metadata.has(name)) metadata.set(name, value);
  }
  return metadata;
}

function formatOf(db: Database, path: string, named: string | undefined): TilesetDescription['format'] {
  if (named !== undefined) {
    const format = formatNamed(named);
    if (format === null) throw unsupportedFormat(path, `“${named}”`);
    return format;
  }
  const sample = db.prepare<[], unknown>('SELECT tile_data FROM tiles LIMIT 1').pluck().get();
  if (!(sample instanceof Uint8Array)) throw emptyPackage(path);
  const format = formatOfTile(sample);
  if (format === null) throw unsupportedFormat(path, 'an unrecognised format');
  return format;
}

function zoomRange(db: Database, path: string, metadata: ReadonlyMap<string, string>): { minZoom: number; maxZoom: number } {
  let min = Number.parseInt(metadata.get('minzoom') ?? '', 10);
  let max = Number.parseInt(metadata.get('maxzoom') ?? '', 10);
  if (Number.isNaN(min) || Number.isNaN(max)) ({ min, max } = storedZoomRange(db, path));
  const [low, high] = [zoomWithinRange(min), zoomWithinRange(max)];
  return { minZoom: Math.min(low, high), maxZoom: Math.max(low, high) };
}

/** The zoom levels the tiles table actually holds, for packages whose metadata does not say. */
function storedZoomRange(db: Database, path: string): { min: number; max: number } {
  const range = db.prepare<[], { min: number | null; max: number | null }>('SELECT min(zoom_level) AS min, max(zoom_level) AS max FROM tiles').get();
  if (range === undefined || range.min === null || range.max === null) throw emptyPackage(path);
  return { min: range.min, max: range.max };
}

function parseJsonOrNull(text: string | undefined): unknown {
  if (text === undefined) return null;
  try {
    return JSON.parse(text);
  } catch {
    return null;
  }
}

function isGzip(bytes: Uint8Array): boolean {
  return bytes[0] === 0x1f && bytes[1] === 0x8b;
}

function unsupportedFormat(path: string, what: string) {
  return tilePackageError(
    path,
    `its tiles are in ${what}, which Outpost cannot show`,
    'Outpost shows PNG, JPEG, WebP and AVIF images and Mapbox vector tiles (pbf); export the package in one of those.',
  );
}

function emptyPackage(path: string) {
  return tilePackageError(path, 'it holds no tiles', 'Choose a package that has been filled with tiles.');
}

function refusal(path: string, error: unknown) {
  const code = errorCode(error);
  if (code === 'SQLITE_NOTADB' || code === 'SQLITE_CORRUPT') {
    return tilePackageError(path, 'it is damaged or encrypted, so SQLite cannot read it', 'Copy the package again from where it came from, unencrypted.');
  }
  if (code === 'SQLITE_ERROR') {
    return tilePackageError(path, `its tables are not laid out as MBTiles says (${error instanceof Error ? error.message : String(error)})`, 'Choose a tile package exported as MBTiles or PMTiles.');
  }
  return tilePackageRefusal(path, error);
}
