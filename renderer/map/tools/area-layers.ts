import type { LayerSpecification, Map as MapLibreMap } from 'maplibre-gl';
import type { MeasurementColours } from '../../theme/map-palettes';

export const AREA_SOURCE = 'rule-area';
export const AREA_FILL_LAYER = 'rule-area-fill';
const AREA_OUTLINE_LAYER = 'rule-area-outline';
const SKETCH_FILL_LAYER = 'rule-area-sketch-fill';
const SKETCH_LINE_LAYER = 'rule-area-sketch-line';
const SKETCH_VERTEX_LAYER = 'rule-area-sketch-vertices';

/**
 * A geofence's area, faintly filled and outlined in dashes, and the sketch of one being drawn.
 * Colours come from the theme's measurement colours (see paintArea): like a measurement, an area
 * is the analyst's own drawing, in the one colour no affiliation uses.
 */
export const areaLayers: LayerSpecification[] = [
  { id: AREA_FILL_LAYER, type: 'fill', source: AREA_SOURCE, filter: ['==', ['get', 'kind'], 'area'], paint: { 'fill-opacity': 0.12 } },
  { id: AREA_OUTLINE_LAYER, type: 'line', source: AREA_SOURCE, filter: ['==', ['get', 'kind'], 'area'], paint: { 'line-width': 2, 'line-dasharray': [4, 2] } },
  { id: SKETCH_FILL_LAYER, type: 'fill', source: AREA_SOURCE, filter: ['==', ['get', 'kind'], 'sketch-fill'], paint: { 'fill-opacity': 0.18 } },
  { id: SKETCH_LINE_LAYER, type: 'line', source: AREA_SOURCE, filter: ['==', ['get', 'kind'], 'sketch-line'], paint: { 'line-width': 2 } },
  { id: SKETCH_VERTEX_LAYER, type: 'circle', source: AREA_SOURCE, filter: ['==', ['get', 'kind'], 'sketch-vertex'], paint: { 'circle-radius': 4, 'circle-stroke-width': 2 } },
];

export function paintArea(map: MapLibreMap, colours: MeasurementColours): void {
  map.setPaintProperty(AREA_FILL_LAYER, 'fill-color', colours.line);
  map.setPaintProperty(AREA_OUTLINE_LAYER, 'line-color', colours.line);
  map.setPaintProperty(SKETCH_FILL_LAYER, 'fill-color', colours.line);
  map.setPaintProperty(SKETCH_LINE_LAYER, 'line-color', colours.line);
  map.setPaintProperty(SKETCH_VERTEX_LAYER, 'circle-color', colours.line);
  map.setPaintProperty(SKETCH_VERTEX_LAYER, 'circle-stroke-color', colours.casing);
}
