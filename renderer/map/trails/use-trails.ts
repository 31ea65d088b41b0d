import { useEffect, useRef } from 'react';
import type { GeoJSONSource, Map as MapLibreMap } from 'maplibre-gl';
import type { TrackStore } from '../../tracks/track-store';
import { isMapRemoved } from '../tools/map-removed';
import { trackLayers } from '../track-layers';
import { TrailBuffer } from './trail-buffer';
import { trailFeatures } from './trail-features';
import { TRAIL_LAYER, TRAIL_SOURCE, trailLayer } from './trail-layer';

/** Trails change slowly next to the symbols; redrawing them more often would only cost the feed's frames. */
const TRAIL_REDRAW_MS = 1000;

/**
 * Draws each track's positions over the last `maxAgeMs` as a line beneath the track symbols.
 * The positions are gathered from the moment the map loads, one for each new state of a track.
 */
export function useTrails(map: MapLibreMap, store: TrackStore, maxAgeMs: number): void {
  const maxAge = useRef(maxAgeMs);
  useEffect(() => {
    maxAge.current = maxAgeMs;
  }, [maxAgeMs]);

  useEffect(() => {
    map.addSource(TRAIL_SOURCE, { type: 'geojson', data: trailFeatures([]) });
    map.addLayer(trailLayer, trackLayers[0]?.id);

    const buffer = new TrailBuffer();
    let changed = false;
    const record = (): void => {
      buffer.record(store.snapshot());
      changed = true;
    };
    record();
    const unsubscribe = store.subscribe(record);
    const timer = window.setInterval(() => {
      const before = buffer.pointCount;
      buffer.prune(Date.now() - maxAge.current);
      if (!changed && buffer.pointCount === before) return;
      changed = false;
      map.getSource<GeoJSONSource>(TRAIL_SOURCE)?.setData(trailFeatures(buffer.trails()));
    }, TRAIL_REDRAW_MS);

    return () => {
      window.clearInterval(timer);
      unsubscribe();
      if (isMapRemoved(map)) return;
      map.removeLayer(TRAIL_LAYER);
      map.removeSource(TRAIL_SOURCE);
    };
  }, [map, store]);
}
