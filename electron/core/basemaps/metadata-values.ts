import { MAX_TILE_ZOOM } from '../../../shared/basemaps';
import type { TilesetDescription } from './tile-archive';

/**
 * Tile packages come from many tools and their metadata is loosely kept. A
 * value that does not make sense is dropped rather than refused: the tiles are
 * what matters, and the map copes without bounds, a centre or an attribution.
 */

export function textOrNull(value: unknown): string | null {
  return typeof value === 'string' && value.trim() !== '' ? value.trim() : null;
}

/** Numbers from MBTiles' comma-separated metadata values, such as bounds and center. */
export function numbersIn(text: string | undefined): number[] {
  return text === undefined ? [] : text.split(',').map((part) => (part.trim() === '' ? Number.NaN : Number(part)));
}

export function zoomWithinRange(zoom: number): number {
  return Math.min(MAX_TILE_ZOOM, Math.max(0, Math.round(zoom)));
}

/** West, south, east, north; east may be less than west for a package crossing the antimeridian. */
export function boundsOrNull(values: readonly number[]): TilesetDescription['bounds'] {
  const [west, south, east, north] = values;
  if (values.length !== 4 || west === undefined || south === undefined || east === undefined || north === undefined) return null;
  const valid = isLongitude(west) && isLongitude(east) && isLatitude(south) && isLatitude(north) && south < north && west !== east;
  return valid ? [west, south, east, north] : null;
}

export function centerOrNull(values: readonly number[]): TilesetDescription['center'] {
  const [lon, lat, zoom] = values;
  if (values.length !== 3 || lon === undefined || lat === undefined || zoom === undefined) return null;
  return isLongitude(lon) && isLatitude(lat) && Number.isFinite(zoom) ? [lon, lat, zoomWithinRange(zoom)] : null;
}

/** The `vector_layers` of TileJSON-style metadata, keeping only what the renderer needs to style them. */
export function vectorLayersIn(metadata: unknown): TilesetDescription['vectorLayers'] {
  if (typeof metadata !== 'object' || metadata === null || !('vector_layers' in metadata)) return [];
  const layers = metadata.vector_layers;
  if (!Array.isArray(layers)) return [];
  return layers.flatMap((layer: unknown) =>
    typeof layer === 'object' && layer !== null && 'id' in layer && typeof layer.id === 'string' ? [{ id: layer.id }] : [],
  );
}

function isLongitude(value: number): boolean {
  return Number.isFinite(value) && value >= -180 && value <= 180;
}

function isLatitude(value: number): boolean {
  return Number.isFinite(value) && value >= -90 && value <= 90;
}
