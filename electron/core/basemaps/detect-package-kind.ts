import { open } from 'node:fs/promises';
import { tilePackageError, tilePackageRefusal } from './tile-package-error';

export type TilePackageKind = 'mbtiles' | 'pmtiles';

const SQLITE_HEADER = 'SQLite format 3\0';
const PMTILES_MAGIC = 'PMTiles';
const SUPPORTED_PMTILES_VERSION = 3;
const OLDER_PMTILES_REMEDY = 'Convert it with `pmtiles convert` and add the converted file.';

/** Tells MBTiles (an SQLite database) from PMTiles by the file's first bytes, whatever its name says. */
export async function detectPackageKind(path: string): Promise<TilePackageKind> {
  const head = await readHead(path, SQLITE_HEADER.length);
  const text = Buffer.from(head).toString('latin1');
  if (text === SQLITE_HEADER) return 'mbtiles';
  if (text.startsWith(PMTILES_MAGIC)) {
    const version = head[PMTILES_MAGIC.length];
    if (version === SUPPORTED_PMTILES_VERSION) return 'pmtiles';
    throw tilePackageError(path, `it is a PMTiles archive of spec version ${String(version)}, and Outpost reads version 3`, OLDER_PMTILES_REMEDY);
  }
  // Versions 1 and 2 began with "PM" and a two-byte version number.
  if (text.startsWith('PM') && (head[2] === 1 || head[2] === 2) && head[3] === 0) {
    throw tilePackageError(path, `it is a PMTiles archive of spec version ${String(head[2])}, and Outpost reads version 3`, OLDER_PMTILES_REMEDY);
  }
  throw tilePackageError(path, 'it is neither an MBTiles nor a PMTiles tile package', 'Choose a .mbtiles or .pmtiles file.');
}

async function readHead(path: string, length: number): Promise<Uint8Array> {
  try {
    const handle = await open(path, 'r');
    try {
      const bytes = new Uint8Array(length);
      const { bytesRead } = await handle.read(bytes, 0, length, 0);
      return bytes.subarray(0, bytesRead);
    } finally {
      await handle.close();
    }
  } catch (error) {
    throw tilePackageRefusal(path, error);
  }
}
