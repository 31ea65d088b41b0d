import { z } from 'zod';

export const BASEMAP_KINDS = ['bundled', 'mbtiles', 'pmtiles'] as const;

export const TILE_TYPES = ['vector', 'raster'] as const;
export type TileType = (typeof TILE_TYPES)[number];

/** Tile encodings Outpost serves: `pbf` is Mapbox Vector Tile, the rest are images. */
export const TILE_FORMATS = ['png', 'jpg', 'webp', 'avif', 'pbf'] as const;
export type TileFormat = (typeof TILE_FORMATS)[number];

/** The basemap shipped inside the app; it has no tiles and cannot be removed. */
export const BUNDLED_BASEMAP_ID = 'natural-earth';

/** Ids are looked up, never joined into file paths, and this shape keeps them safe in a URL path too. */
export const BASEMAP_ID = /^[a-z0-9][a-z0-9-]{0,47}$/;
export const BasemapIdSchema = z.string().regex(BASEMAP_ID, 'a basemap id is 1–48 lowercase letters, digits or dashes');

/** The deepest zoom a tile address may have: PMTiles' limit, far beyond any offline package. */
export const MAX_TILE_ZOOM = 26;

/** The first segment of every tile URL path, in both hosts. */
export const TILES_ROUTE = 'tiles';

const longitude = z.number().min(-180).max(180);
const latitude = z.number().min(-90).max(90);
const zoom = z.number().int().min(0).max(MAX_TILE_ZOOM);

export const BasemapSchema = z.object({
  id: BasemapIdSchema,
  name: z.string(),
  kind: z.enum(BASEMAP_KINDS),
  /** Null for the bundled basemap, and for a package whose file cannot be read now. */
  tileType: z.enum(TILE_TYPES).nullable(),
  format: z.enum(TILE_FORMATS).nullable(),
  minZoom: zoom,
  maxZoom: zoom,
  /** West, south, east, north in degrees; null when the package does not say. */
  bounds: z.tuple([longitude, latitude, longitude, latitude]).nullable(),
  /** Longitude, latitude and zoom to open at; null when the package does not say. */
  center: z.tuple([longitude, latitude, zoom]).nullable(),
  attribution: z.string().nullable(),
  /** The source layers a vector package holds, for styling it; empty for raster packages. */
  vectorLayers: z.array(z.object({ id: z.string() })),
  /**
   * The tile URL template relative to the app's origin, such as `tiles/<id>/{z}/{x}/{y}`.
   * The web host also wants its per-run token as `?token=`. Null when there are no tiles to fetch.
   */
  tilesPath: z.string().nullable(),
  /** A sentence saying why the package's file cannot be read now (moved, deleted, unplugged), or null. */
  unavailableReason: z.string().nullable(),
});
export type Basemap = z.infer<typeof BasemapSchema>;

export function tilesPathFor(basemapId: string): string {
  return `${TILES_ROUTE}/${basemapId}/{z}/{x}/{y}`;
}

/** True when z/x/y names a tile of the Web Mercator pyramid: whole numbers, x and y within 2^z. */
export function isTileAddress(z: number, x: number, y: number): boolean {
  if (!Number.isInteger(z) || z < 0 || z > MAX_TILE_ZOOM) return false;
  const size = 2 ** z;
  return Number.isInteger(x) && Number.isInteger(y) && x >= 0 && y >= 0 && x < size && y < size;
}
