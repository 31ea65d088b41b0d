import { useCallback, useState } from 'react';
import type { Alert } from '../../shared/alerts';
import type { LatLon } from '../../shared/geo';
import type { TrackView } from '../tracks/track-store';

/**
 * Showing an alert: the map goes to where the entity was when it happened (a fresh place each
 * time, so a second click goes there again), and the entity is selected if the map knows it.
 */
export function useShowAlert(store: TrackView, select: (uid: string) => void): [LatLon | null, (alert: Alert) => void] {
  const [focus, setFocus] = useState<LatLon | null>(null);
  const show = useCallback(
    (alert: Alert) => {
      if (alert.lat === null || alert.lon === null) return;
      setFocus({ lat: alert.lat, lon: alert.lon });
      if (store.get(alert.subject) !== undefined) select(alert.subject);
    },
    [store, select],
  );
  return [focus, show];
}
