import { useEffect, useMemo } from 'react';
import type { Map as MapLibreMap } from 'maplibre-gl';
import type { Alert } from '../../shared/alerts';
import { ALERT_RING_LAYER, alertedUids, alertRingColour, alertRingFilter, alertRingLayer } from './alert-rings';
import { useMap } from './map-context';
import { isMapRemoved } from './tools/map-removed';
import { LABEL_LAYER } from './track-layers';

/** Rings the tracks that have an open alert: red for critical, amber for warning. */
export function AlertRings({ alerts }: { readonly alerts: readonly Alert[] }) {
  const map = useMap();
  return map === null ? null : <RingsOnMap map={map} alerts={alerts} />;
}

function RingsOnMap({ map, alerts }: { readonly map: MapLibreMap; readonly alerts: readonly Alert[] }) {
  const uids = useMemo(() => alertedUids(alerts), [alerts]);

  useEffect(() => {
    // Beneath the callsigns and symbols, so a ring frames a symbol without covering it.
    map.addLayer(alertRingLayer, map.getLayer(LABEL_LAYER) === undefined ? undefined : LABEL_LAYER);
    return () => {
      if (!isMapRemoved(map)) map.removeLayer(ALERT_RING_LAYER);
    };
  }, [map]);

  useEffect(() => {
    map.setFilter(ALERT_RING_LAYER, alertRingFilter(uids));
    map.setPaintProperty(ALERT_RING_LAYER, 'circle-stroke-color', alertRingColour(uids));
  }, [map, uids]);

  return null;
}
