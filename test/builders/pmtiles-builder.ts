import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { gzipSync } from 'node:zlib';
import { Compression, zxyToTileId, type TileType } from 'pmtiles';
import { concat } from './png-builder';
import { varint } from './protobuf-writer';

export interface PmtilesTile {
  readonly z: number;
  readonly x: number;
  readonly y: number;
  /** As stored: already compressed when the spec's tileCompression says so. */
  readonly data: Uint8Array;
}

export interface PmtilesSpec {
  readonly fileName?: string;
  readonly specVersion?: number;
  readonly tileType: TileType;
  /** Of the root directory and the metadata; most writers gzip them. */
  readonly internalCompression?: Compression.None | Compression.Gzip;
  readonly tileCompression?: Compression;
  readonly tiles: readonly PmtilesTile[];
  /** Omitted: the archive has no metadata section at all. */
  readonly metadata?: object;
  readonly bounds?: readonly [number, number, number, number];
  readonly center?: readonly [number, number, number];
}

const HEADER_BYTES = 127;

/**
 * Writes a PMTiles v3 archive by the specification: the 127-byte header, one
 * root directory (no leaves), JSON metadata if any, then the tile data
 * in tile-id order. Returns its path.
 */
export function buildPmtiles(dir: string, spec: PmtilesSpec): string {
  const tiles = spec.tiles
    .map((tile) => ({ ...tile, tileId: zxyToTileId(tile.z, tile.x, tile.y) }))
    .sort((a, b) => a.tileId - b.tileId);
  let offset = 0;
  const entries = tiles.map((tile) => {
    const entry = { tileId: tile.tileId, offset, length: tile.data.length, runLength: 1 };
    offset += tile.data.length;
    return entry;
  });
  const internalCompression = spec.internalCompression ?? Compression.None;
  const compress = (bytes: Uint8Array): Uint8Array => (internalCompression === Compression.Gzip ? gzipSync(bytes) : bytes);
  const rootDirectory = compress(serializeDirectory(entries));
  const metadata = spec.metadata === undefined ? new Uint8Array() : compress(new TextEncoder().encode(JSON.stringify(spec.metadata)));
  const tileData = concat(tiles.map((tile) => tile.data));
  const zooms = tiles.map((tile) => tile.z);

  const header = new Uint8Array(HEADER_BYTES);
  const view = new DataView(header.buffer);
  header.set(new TextEncoder().encode('PMTiles'), 0);
  view.setUint8(7, spec.specVersion ?? 3);
  const rootOffset = HEADER_BYTES;
  const metadataOffset = rootOffset + rootDirectory.length;
  const leafOffset = metadataOffset + metadata.length;
  const tileDataOffset = leafOffset;
  const uint64s: Array<[number, number]> = [
    [8, rootOffset],
    [16, rootDirectory.length],
    [24, metadataOffset],
    [32, metadata.length],
    [40, leafOffset],
    [48, 0],
    [56, tileDataOffset],
    [64, tileData.length],
    [72, tiles.length],
    [80, tiles.length],
    [88, tiles.length],
  ];
  for (const [at, value] of uint64s) view.setBigUint64(at, BigInt(value), true);
  view.setUint8(96, 1); // clustered: tile data is in tile-id order
  view.setUint8(97, internalCompression);
  view.setUint8(98, spec.tileCompression ?? Compression.None);
  view.setUint8(99, spec.tileType);
  view.setUint8(100, Math.min(...zooms));
  view.setUint8(101, Math.max(...zooms));
  const [west, south, east, north] = spec.bounds ?? [0, 0, 0, 0];
  const [centerLon, centerLat, centerZoom] = spec.center ?? [0, 0, 0];
  view.setInt32(102, Math.round(west * 1e7), true);
  view.setInt32(106, Math.round(south * 1e7), true);
  view.setInt32(110, Math.round(east * 1e7), true);
  view.setInt32(114, Math.round(north * 1e7), true);
  view.setUint8(118, centerZoom);
  view.setInt32(119, Math.round(centerLon * 1e7), true);
  view.setInt32(123, Math.round(centerLat * 1e7), true);

  const path = join(dir, spec.fileName ?? 'tiles.pmtiles');
  writeFileSync(path, concat([header, rootDirectory, metadata, tileData]));
  return path;
}

interface Entry {
  readonly tileId: number;
  readonly offset: number;
  readonly length: number;
  readonly runLength: number;
}

/** Entry count, then columns of tile-id deltas, run lengths, lengths and offsets, all as varints. */
function serializeDirectory(entries: readonly Entry[]): Uint8Array {
  const numbers = [entries.length];
  let lastId = 0;
  for (const entry of entries) {
    numbers.push(entry.tileId - lastId);
    lastId = entry.tileId;
  }
  for (const entry of entries) numbers.push(entry.runLength);
  for (const entry of entries) numbers.push(entry.length);
  entries.forEach((entry, index) => {
    const previous = entries[index - 1];
    // 0 means "straight after the previous tile"; otherwise the offset plus one.
    numbers.push(previous !== undefined && entry.offset === previous.offset + previous.length ? 0 : entry.offset + 1);
  });
  return Uint8Array.from(numbers.flatMap((n) => [...varint(n)]));
}
