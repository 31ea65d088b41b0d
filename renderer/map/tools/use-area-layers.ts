import { useEffect } from 'react';
import type { GeoJSONSource, Map as MapLibreMap } from 'maplibre-gl';
import type { LatLon } from '../../../shared/geo';
import type { GeofenceArea } from '../../../shared/rules';
import type { MeasurementColours } from '../../theme/map-palettes';
import { trackLayers } from '../track-layers';
import { AREA_SOURCE, areaLayers, paintArea } from './area-layers';
import { areaFeatures, type AreaSketch } from './area-sketch';
import { isMapRemoved } from './map-removed';

/** Draws a geofence's area and the sketch of one being drawn beneath the tracks, so the units inside stay readable. */
export function useAreaLayers(map: MapLibreMap, area: GeofenceArea | null, sketch: AreaSketch | null, pointer: LatLon | null, colours: MeasurementColours): void {
  useEffect(() => {
    map.addSource(AREA_SOURCE, { type: 'geojson', data: areaFeatures(null, null, null) });
    for (const layer of areaLayers) map.addLayer(layer, trackLayers[0]?.id);
    return () => {
      if (isMapRemoved(map)) return;
      for (const layer of [...areaLayers].reverse()) map.removeLayer(layer.id);
      map.removeSource(AREA_SOURCE);
    };
  }, [map]);

  useEffect(() => paintArea(map, colours), [map, colours]);

  useEffect(() => {
    map.getSource<GeoJSONSource>(AREA_SOURCE)?.setData(areaFeatures(area, sketch, pointer));
  }, [map, area, sketch, pointer]);
}
