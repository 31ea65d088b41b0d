import { isPackageStyleId } from './package-style';

/** The bundled Natural Earth layers (renderer/map/basemap.ts), bottom to top. */
const NATURAL_EARTH_LAYERS: ReadonlySet<string> = new Set(['sea', 'graticule', 'land', 'coastlines', 'borders']);

/** What a tile package covers; sea and graticule stay, showing where the package has no tiles. */
export const NATURAL_EARTH_LAYERS_HIDDEN_UNDER_PACKAGE = ['land', 'coastlines', 'borders'] as const;

function isBasemapLayer(id: string): boolean {
  return NATURAL_EARTH_LAYERS.has(id) || isPackageStyleId(id);
}

/**
 * The layer a package's layers go beneath: the lowest layer that is not part of a basemap (the
 * tracks, the selection, measurements), so the package sits above Natural Earth and below all of
 * them. Undefined when nothing but basemap layers is on the map yet: then the package goes on top.
 */
export function firstLayerAboveBasemaps(layerIdsBottomToTop: readonly string[]): string | undefined {
  return layerIdsBottomToTop.find((id) => !isBasemapLayer(id));
}
