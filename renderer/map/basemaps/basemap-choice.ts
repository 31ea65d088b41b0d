import { BUNDLED_BASEMAP_ID, type Basemap } from '../../../shared/basemaps';

/** Where the analyst's basemap is remembered between runs. */
export const BASEMAP_STORAGE_KEY = 'outpost.basemap';

/** A basemap can be shown when it is the bundled one, or a package whose tiles can be read now. */
export function isSelectable(basemap: Basemap): boolean {
  if (basemap.id === BUNDLED_BASEMAP_ID) return true;
  return basemap.unavailableReason === null && basemap.tileType !== null && basemap.tilesPath !== null;
}

/**
 * The id of the basemap to show: the one wanted when it is still listed and can be shown, else
 * Natural Earth (a package removed, moved or unplugged since it was chosen).
 */
export function shownBasemapId(basemaps: readonly Basemap[], wantedId: string | null): string {
  const wanted = basemaps.find((basemap) => basemap.id === wantedId);
  return wanted !== undefined && isSelectable(wanted) ? wanted.id : BUNDLED_BASEMAP_ID;
}

/** Natural Earth first, then the packages in the order the core lists them. */
export function bundledFirst(basemaps: readonly Basemap[]): Basemap[] {
  return [...basemaps].sort((a, b) => Number(b.id === BUNDLED_BASEMAP_ID) - Number(a.id === BUNDLED_BASEMAP_ID));
}
