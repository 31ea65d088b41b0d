import { useEffect, useRef } from 'react';
import type { GeoJSONSource, Map as MapLibreMap } from 'maplibre-gl';
import type { TrackView } from '../../tracks/track-store';
import { isMapRemoved } from '../tools/map-removed';
import { trackLayers } from '../track-layers';
import { TrailBuffer, type Trail } from './trail-buffer';
import { trailFeatures, type TrailView } from './trail-features';
import { TRAIL_LAYER, TRAIL_SOURCE, trailLayer } from './trail-layer';

/** Trails change slowly next to the symbols; redrawing them more often would only cost the feed's frames. */
const TRAIL_REDRAW_MS = 1000;
/**
 * Positions nearer each other than this many pixels are merged, and only the trails of tracks
 * within the view and this share of it again on every side are drawn. At 10,000 tracks the full
 * trails cost the page seconds a minute in copying them to MapLibre's worker alone.
 */
const TRAIL_STEP_PX = 1.5;
const VIEW_MARGIN = 0.25;

/** Tells the trails to start again from what is given, when the picture jumps to another moment. */
export interface TrailRestarts {
  subscribe(listener: (trails: readonly Trail[]) => void): () => void;
}

/**
 * Draws each track's positions over the last `maxAgeMs` as a line beneath the track symbols.
 * The positions are gathered from the moment the map loads, one for each new state of a track.
 * Age is judged against `now`, which in review is the moment reviewed.
 */
export function useTrails(map: MapLibreMap, store: TrackView, maxAgeMs: number, now: () => number = Date.now, restarts?: TrailRestarts): void {
  const nowRef = useRef(now);
  useEffect(() => {
    nowRef.current = now;
  }, [now]);
  const maxAge = useRef(maxAgeMs);
  useEffect(() => {
    maxAge.current = maxAgeMs;
  }, [maxAgeMs]);

  useEffect(() => {
    map.addSource(TRAIL_SOURCE, { type: 'geojson', data: trailFeatures([]) });
    map.addLayer(trailLayer, trackLayers[0]?.id);

    const buffer = new TrailBuffer();
    let changed = false;
    const viewMoved = (): void => {
      changed = true;
    };
    map.on('moveend', viewMoved);
    const record = (): void => {
      buffer.record(store.snapshot());
      changed = true;
    };
    record();
    const unsubscribe = store.subscribe(record);
    const stopRestarts = restarts?.subscribe((trails) => {
      buffer.reset();
      buffer.seed(trails);
      record();
    });
    const timer = window.setInterval(() => {
      const before = buffer.pointCount;
      buffer.prune(nowRef.current() - maxAge.current);
      if (!changed && buffer.pointCount === before) return;
      changed = false;
      map.getSource<GeoJSONSource>(TRAIL_SOURCE)?.setData(trailFeatures(buffer.trails(), trailViewOf(map)));
    }, TRAIL_REDRAW_MS);

    return () => {
      window.clearInterval(timer);
      map.off('moveend', viewMoved);
      unsubscribe();
      stopRestarts?.();
      if (isMapRemoved(map)) return;
      map.removeLayer(TRAIL_LAYER);
      map.removeSource(TRAIL_SOURCE);
    };
  }, [map, store, restarts]);
}

export function trailViewOf(map: MapLibreMap): TrailView {
  const bounds = map.getBounds();
  const marginLon = (bounds.getEast() - bounds.getWest()) * VIEW_MARGIN;
  const marginLat = (bounds.getNorth() - bounds.getSouth()) * VIEW_MARGIN;
  return {
    bounds: {
      west: bounds.getWest() - marginLon,
      east: bounds.getEast() + marginLon,
      south: Math.max(-90, bounds.getSouth() - marginLat),
      north: Math.min(90, bounds.getNorth() + marginLat),
    },
    minStepMetres: TRAIL_STEP_PX * metresPerPixel(map.getCenter().lat, map.getZoom()),
  };
}

/** Web Mercator at MapLibre's 512-pixel tiles. */
function metresPerPixel(lat: number, zoom: number): number {
  return (2 * Math.PI * 6_378_137 * Math.cos((lat * Math.PI) / 180)) / (512 * 2 ** zoom);
}
