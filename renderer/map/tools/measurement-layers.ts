import type { LayerSpecification, Map as MapLibreMap } from 'maplibre-gl';
import type { MeasurementColours } from '../../theme/map-palettes';

export const MEASUREMENT_SOURCE = 'measurement';
export const MEASUREMENT_CASING_LAYER = 'measurement-casing';
export const MEASUREMENT_PATH_LAYER = 'measurement-path';
export const MEASUREMENT_PREVIEW_LAYER = 'measurement-preview';
export const MEASUREMENT_VERTEX_LAYER = 'measurement-vertices';

/**
 * A solid line with a contrasting casing for the measured legs, a dashed one to the pointer, and
 * a dot at each vertex. Colours come from the theme (see paintMeasurement), not from here.
 */
export const measurementLayers: LayerSpecification[] = [
  {
    id: MEASUREMENT_CASING_LAYER,
    type: 'line',
    source: MEASUREMENT_SOURCE,
    filter: ['==', ['get', 'kind'], 'path'],
    layout: { 'line-join': 'round', 'line-cap': 'round' },
    paint: { 'line-width': 5 },
  },
  {
    id: MEASUREMENT_PATH_LAYER,
    type: 'line',
    source: MEASUREMENT_SOURCE,
    filter: ['==', ['get', 'kind'], 'path'],
    layout: { 'line-join': 'round', 'line-cap': 'round' },
    paint: { 'line-width': 2 },
  },
  {
    id: MEASUREMENT_PREVIEW_LAYER,
    type: 'line',
    source: MEASUREMENT_SOURCE,
    filter: ['==', ['get', 'kind'], 'preview'],
    paint: { 'line-width': 1.5, 'line-dasharray': [3, 3] },
  },
  {
    id: MEASUREMENT_VERTEX_LAYER,
    type: 'circle',
    source: MEASUREMENT_SOURCE,
    filter: ['==', ['get', 'kind'], 'vertex'],
    paint: { 'circle-radius': 4, 'circle-stroke-width': 2 },
  },
];

export function paintMeasurement(map: MapLibreMap, colours: MeasurementColours): void {
  map.setPaintProperty(MEASUREMENT_CASING_LAYER, 'line-color', colours.casing);
  map.setPaintProperty(MEASUREMENT_PATH_LAYER, 'line-color', colours.line);
  map.setPaintProperty(MEASUREMENT_PREVIEW_LAYER, 'line-color', colours.line);
  map.setPaintProperty(MEASUREMENT_VERTEX_LAYER, 'circle-color', colours.line);
  map.setPaintProperty(MEASUREMENT_VERTEX_LAYER, 'circle-stroke-color', colours.casing);
}
