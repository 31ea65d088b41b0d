import { open } from 'node:fs/promises';
import { promisify } from 'node:util';
import { brotliDecompress, gunzip } from 'node:zlib';
import { Compression, PMTiles, TileType, type Header } from 'pmtiles';
import type { TileFormat } from '../../../shared/basemaps';
import { fileHandleSource } from './file-handle-source';
import { boundsOrNull, centerOrNull, textOrNull, vectorLayersIn, zoomWithinRange } from './metadata-values';
import type { TileArchive, TilesetDescription } from './tile-archive';
import { mediaTypeOf, tileTypeOf } from './tile-formats';
import { tilePackageError, tilePackageRefusal } from './tile-package-error';

const gunzipBytes = promisify(gunzip);
const brotliBytes = promisify(brotliDecompress);

const FORMATS: Partial<Record<TileType, TileFormat>> = {
  [TileType.Mvt]: 'pbf',
  [TileType.Png]: 'png',
  [TileType.Jpeg]: 'jpg',
  [TileType.Webp]: 'webp',
  [TileType.Avif]: 'avif',
};

/** Compressions node:zlib undoes; Node 20 has no zstd. Unknown means the tiles are served as stored. */
const READABLE_COMPRESSIONS: ReadonlySet<Compression> = new Set([Compression.Unknown, Compression.None, Compression.Gzip, Compression.Brotli]);

/**
 * A PMTiles v3 archive read from a local file. The pmtiles package walks the
 * directories and decompresses, here with node:zlib rather than the browser's
 * DecompressionStream.
 */
export async function openPmtilesArchive(path: string): Promise<TileArchive> {
  const handle = await open(path, 'r').catch((error: unknown) => {
    throw tilePackageRefusal(path, error);
  });
  try {
    const reader = new PMTiles(fileHandleSource(path, handle), undefined, decompress);
    const header = await reader.getHeader();
    const description = describe(path, header, header.jsonMetadataLength > 0 ? await reader.getMetadata() : {});
    const contentType = mediaTypeOf(description.format);
    return {
      describe: () => description,
      async readTile(z, x, y) {
        const tile = await reader.getZxy(z, x, y);
        return tile === undefined ? null : { bytes: new Uint8Array(tile.data), contentType };
      },
      close: () => handle.close(),
    };
  } catch (error) {
    await handle.close();
    throw tilePackageRefusal(path, error);
  }
}

function describe(path: string, header: Header, metadata: unknown): TilesetDescription {
  const format = FORMATS[header.tileType];
  if (format === undefined) {
    throw tilePackageError(
      path,
      header.tileType === TileType.Mlt ? 'it holds MapLibre Tiles (MLT), which Outpost cannot show' : 'it does not say what kind of tiles it holds',
      'Outpost shows PNG, JPEG, WebP and AVIF images and Mapbox vector tiles (MVT); export the package in one of those.',
    );
  }
  for (const compression of [header.internalCompression, header.tileCompression]) {
    if (!READABLE_COMPRESSIONS.has(compression)) {
      throw tilePackageError(
        path,
        `it is compressed with ${Compression[compression] ?? `method ${compression}`}, which Outpost cannot read`,
        'Re-create it with gzip compression or none, then add the new file.',
      );
    }
  }
  const record = typeof metadata === 'object' && metadata !== null ? (metadata as Record<string, unknown>) : {};
  return {
    name: textOrNull(record['name']),
    tileType: tileTypeOf(format),
    format,
    minZoom: zoomWithinRange(Math.min(header.minZoom, header.maxZoom)),
    maxZoom: zoomWithinRange(Math.max(header.minZoom, header.maxZoom)),
    bounds: boundsOrNull([header.minLon, header.minLat, header.maxLon, header.maxLat]),
    center: hasCenter(header) ? centerOrNull([header.centerLon, header.centerLat, header.centerZoom]) : null,
    attribution: textOrNull(record['attribution']),
    vectorLayers: vectorLayersIn(metadata),
  };
}

/** Writers that know no centre leave the header's zeros, which would open the map off West Africa. */
function hasCenter(header: Header): boolean {
  return header.centerLon !== 0 || header.centerLat !== 0 || header.centerZoom !== 0;
}

async function decompress(data: ArrayBuffer, compression: Compression): Promise<ArrayBuffer> {
  switch (compression) {
    case Compression.Unknown:
    case Compression.None:
      return data;
    case Compression.Gzip:
      return new Uint8Array(await gunzipBytes(data)).buffer;
    case Compression.Brotli:
      return new Uint8Array(await brotliBytes(data)).buffer;
    default:
      throw new Error(`PMTiles compression ${Compression[compression] ?? compression} is not supported.`);
  }
}
