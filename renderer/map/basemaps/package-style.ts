import type { FilterSpecification, LayerSpecification, SourceSpecification } from 'maplibre-gl';
import type { Basemap } from '../../../shared/basemaps';

/** Every source and layer a tile package adds starts with this, so they can be found and taken off again. */
export const PACKAGE_STYLE_PREFIX = 'basemap-package:';

/** Muted greys that sit quietly under the tracks on the night and the day theme alike. */
export const vectorPackageColours = {
  fill: '#8c948e',
  fillOpacity: 0.35,
  line: '#a3aca5',
  point: '#b7beb8',
} as const;

/** MapLibre draws raster tiles at 256 CSS pixels, the size offline packages are cut at. */
const RASTER_TILE_SIZE = 256;

export function packageSourceId(basemap: Basemap): string {
  return `${PACKAGE_STYLE_PREFIX}${basemap.id}`;
}

export function isPackageStyleId(id: string): boolean {
  return id.startsWith(PACKAGE_STYLE_PREFIX);
}

/** The MapLibre source for a tile package, or null when it has no tiles to draw (bundled, or unreadable). */
export function packageSource(basemap: Basemap, tileUrl: string): SourceSpecification | null {
  if (basemap.tileType === null) return null;
  const extent = {
    tiles: [tileUrl],
    minzoom: basemap.minZoom,
    maxzoom: basemap.maxZoom,
    ...(basemap.bounds === null ? {} : { bounds: basemap.bounds }),
    ...(basemap.attribution === null ? {} : { attribution: basemap.attribution }),
  };
  return basemap.tileType === 'raster' ? { type: 'raster', tileSize: RASTER_TILE_SIZE, ...extent } : { type: 'vector', ...extent };
}

/**
 * The layers that draw a package: the tiles themselves for raster, and for vector a generic fill,
 * line and circle per source layer, since a package carries no style of its own.
 */
export function packageLayers(basemap: Basemap): LayerSpecification[] {
  const source = packageSourceId(basemap);
  if (basemap.tileType === 'raster') return [{ id: `${source}:raster`, type: 'raster', source }];
  if (basemap.tileType !== 'vector') return [];
  return basemap.vectorLayers.flatMap(({ id: sourceLayer }): LayerSpecification[] => {
    const prefix = `${source}:${sourceLayer}`;
    return [
      {
        id: `${prefix}:fill`,
        type: 'fill',
        source,
        'source-layer': sourceLayer,
        filter: ofGeometry('Polygon', 'MultiPolygon'),
        paint: { 'fill-color': vectorPackageColours.fill, 'fill-opacity': vectorPackageColours.fillOpacity },
      },
      {
        id: `${prefix}:line`,
        type: 'line',
        source,
        'source-layer': sourceLayer,
        filter: ofGeometry('LineString', 'MultiLineString'),
        paint: { 'line-color': vectorPackageColours.line, 'line-width': 1 },
      },
      {
        id: `${prefix}:point`,
        type: 'circle',
        source,
        'source-layer': sourceLayer,
        filter: ofGeometry('Point', 'MultiPoint'),
        paint: { 'circle-color': vectorPackageColours.point, 'circle-radius': 2.5 },
      },
    ];
  });
}

/** MapLibre 5 names multi-part features by their own type (MultiPolygon), so each filter takes both forms. */
function ofGeometry(single: string, multi: string): FilterSpecification {
  return ['match', ['geometry-type'], [single, multi], true, false];
}
