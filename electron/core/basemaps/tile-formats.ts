import type { TileFormat, TileType } from '../../../shared/basemaps';

const MEDIA_TYPES: Readonly<Record<TileFormat, string>> = {
  png: 'image/png',
  jpg: 'image/jpeg',
  webp: 'image/webp',
  avif: 'image/avif',
  pbf: 'application/x-protobuf',
};

/** Names packages use for each format: MBTiles writers vary, and some give a media type instead. */
const FORMAT_NAMES: Readonly<Record<string, TileFormat>> = {
  png: 'png',
  'image/png': 'png',
  jpg: 'jpg',
  jpeg: 'jpg',
  'image/jpeg': 'jpg',
  webp: 'webp',
  'image/webp': 'webp',
  avif: 'avif',
  'image/avif': 'avif',
  pbf: 'pbf',
  mvt: 'pbf',
  'application/x-protobuf': 'pbf',
  'application/vnd.mapbox-vector-tile': 'pbf',
};

export function mediaTypeOf(format: TileFormat): string {
  return MEDIA_TYPES[format];
}

export function tileTypeOf(format: TileFormat): TileType {
  return format === 'pbf' ? 'vector' : 'raster';
}

export function formatNamed(name: string): TileFormat | null {
  return FORMAT_NAMES[name.trim().toLowerCase()] ?? null;
}

/** Recognises a tile by its first bytes, for packages whose metadata does not name their format. */
export function formatOfTile(bytes: Uint8Array): TileFormat | null {
  const ascii = (from: number, to: number): string => String.fromCharCode(...bytes.subarray(from, to));
  if (bytes[0] === 0x89 && ascii(1, 4) === 'PNG') return 'png';
  if (bytes[0] === 0xff && bytes[1] === 0xd8 && bytes[2] === 0xff) return 'jpg';
  if (ascii(0, 4) === 'RIFF' && ascii(8, 12) === 'WEBP') return 'webp';
  if (ascii(4, 8) === 'ftyp' && ['avif', 'avis'].includes(ascii(8, 12))) return 'avif';
  // A gzip stream, or a vector tile's first field: its layers (field 3, length-delimited).
  if ((bytes[0] === 0x1f && bytes[1] === 0x8b) || bytes[0] === 0x1a) return 'pbf';
  return null;
}
