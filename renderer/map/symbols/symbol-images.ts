import type { Map as MapLibreMap, MapStyleImageMissingEvent } from 'maplibre-gl';
import { HEADING_ARROW_IMAGE, rasteriseHeadingArrow } from './heading-arrow';
import type { Milsymbol } from './milsymbol';
import type { Raster } from './raster';
import { parseSymbolImageId } from './symbol-image-id';
import { rasteriseSymbol } from './symbol-raster';

/**
 * Gives the map the images its track layers name. The heading arrow is added up front; a track
 * symbol is drawn the first time a feature names it (`styleimagemissing`), once per SIDC and
 * staleness however many tracks share it, at the screen's pixel density so it stays crisp.
 * Returns a function that stops answering.
 */
export function provideTrackImages(map: MapLibreMap, ms: Milsymbol): () => void {
  const pixelRatio = (): number => window.devicePixelRatio || 1;
  const add = (id: string, raster: Raster): void => {
    map.addImage(id, raster.image, { pixelRatio: raster.pixelRatio });
  };
  add(HEADING_ARROW_IMAGE, rasteriseHeadingArrow(pixelRatio()));
  const drawMissing = (event: MapStyleImageMissingEvent): void => {
    const wanted = parseSymbolImageId(event.id);
    if (wanted === null || map.hasImage(event.id)) return;
    add(event.id, rasteriseSymbol(ms, wanted.sidc, wanted.staleness, pixelRatio()));
  };
  map.on('styleimagemissing', drawMissing);
  return () => map.off('styleimagemissing', drawMissing);
}
