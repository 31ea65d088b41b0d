import { useEffect, useMemo } from 'react';
import type { Map as MapLibreMap } from 'maplibre-gl';
import type { Alert } from '../../shared/alerts';
import { ALERT_RING_LAYER, alertedUids, alertRingColour, alertRingFilter } from './alert-rings';
import { useMap } from './map-context';

/** Rings the tracks that have an open alert: red for critical, amber for warning. */
export function AlertRings({ alerts }: { readonly alerts: readonly Alert[] }) {
  const map = useMap();
  return map === null ? null : <RingsOnMap map={map} alerts={alerts} />;
}

function RingsOnMap({ map, alerts }: { readonly map: MapLibreMap; readonly alerts: readonly Alert[] }) {
  const uids = useMemo(() => alertedUids(alerts), [alerts]);
  // The list is read again on every change of any alert, but the rings change only when the
  // alerted tracks do; a filter change makes MapLibre reload the track source, so an unchanged
  // filter is left alone.
  useEffect(() => {
    if (map.getLayer(ALERT_RING_LAYER) === undefined) return;
    const filter = alertRingFilter(uids);
    if (JSON.stringify(map.getFilter(ALERT_RING_LAYER) ?? null) === JSON.stringify(filter)) return;
    map.setFilter(ALERT_RING_LAYER, filter);
    map.setPaintProperty(ALERT_RING_LAYER, 'circle-stroke-color', alertRingColour(uids));
  }, [map, uids]);

  return null;
}
