import { useEffect } from 'react';
import type { GeoJSONSource, Map as MapLibreMap } from 'maplibre-gl';
import type { LatLon } from '../../../shared/geo';
import type { MeasurementColours } from '../../theme/map-palettes';
import { isMapRemoved } from './map-removed';
import { measurementFeatures } from './measurement-features';
import { MEASUREMENT_SOURCE, measurementLayers, paintMeasurement } from './measurement-layers';

/** Draws the measured points (and the leg to the pointer) on the map, above the tracks, in the theme's colours. */
export function useMeasurementLayers(map: MapLibreMap, points: readonly LatLon[], pointer: LatLon | null, colours: MeasurementColours): void {
  useEffect(() => {
    map.addSource(MEASUREMENT_SOURCE, { type: 'geojson', data: measurementFeatures([], null) });
    for (const layer of measurementLayers) map.addLayer(layer);
    return () => {
      if (isMapRemoved(map)) return;
      for (const layer of [...measurementLayers].reverse()) map.removeLayer(layer.id);
      map.removeSource(MEASUREMENT_SOURCE);
    };
  }, [map]);

  useEffect(() => paintMeasurement(map, colours), [map, colours]);

  useEffect(() => {
    (map.getSource(MEASUREMENT_SOURCE) as GeoJSONSource | undefined)?.setData(measurementFeatures(points, pointer));
  }, [map, points, pointer]);
}
