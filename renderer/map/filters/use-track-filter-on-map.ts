import { useEffect } from 'react';
import type { Map as MapLibreMap } from 'maplibre-gl';
import type { TrackView } from '../../tracks/track-store';
import { isMapRemoved } from '../tools/map-removed';
import { LayerFilterCombiner } from './layer-filter-combiner';
import { needsTrackUids, trackFilterExpression, type TrackFilter } from './track-filter';

/** A filter by topic or type lists uids; rebuilding that list on every frame of a busy feed would cost more than a short delay. */
const UID_LIST_REFRESH_MS = 500;

/** Shows on `layerIds` only the tracks `filter` lets through, on top of each layer's own filter. */
export function useTrackFilterOnMap(map: MapLibreMap, store: TrackView, filter: TrackFilter, layerIds: readonly string[]): void {
  useEffect(() => {
    const layers = new LayerFilterCombiner(map, layerIds);
    const applyFilter = (): void => layers.apply(trackFilterExpression(filter, store.snapshot()));
    applyFilter();
    const reconcile = (): void => layers.reconcile();
    map.on('styledata', reconcile);

    let refreshTimer: number | undefined;
    const refresh = (): void => {
      refreshTimer = undefined;
      applyFilter();
    };
    const unsubscribe = needsTrackUids(filter)
      ? store.subscribe(() => {
          refreshTimer ??= window.setTimeout(refresh, UID_LIST_REFRESH_MS);
        })
      : () => undefined;

    return () => {
      unsubscribe();
      window.clearTimeout(refreshTimer);
      map.off('styledata', reconcile);
      if (!isMapRemoved(map)) layers.restore();
    };
  }, [map, store, filter, layerIds]);
}
