import { useEffect, useRef } from 'react';
import { Map as MapLibreMap, setWorkerUrl, type GeoJSONSource } from 'maplibre-gl/dist/maplibre-gl-csp.js';
import workerUrl from 'maplibre-gl/dist/maplibre-gl-csp-worker.js?url';
import 'maplibre-gl/dist/maplibre-gl.css';
import type { TrackStore } from '../tracks/track-store';
import { basemapStyle, loadBasemap } from './basemap';
import { trackBounds, trackFeatures } from './track-features';
import { SELECTION_LAYER, selectionFilter, TRACK_LAYER, TRACK_SOURCE, trackLayers } from './track-layers';

setWorkerUrl(workerUrl);

export interface MapHandle {
  renderedTrackCount(): number;
}

interface MapViewProps {
  readonly store: TrackStore;
  readonly selectedUid: string | null;
  readonly onSelect: (uid: string | null) => void;
  readonly onReady?: (handle: MapHandle) => void;
  readonly onError: (message: string) => void;
}

export function MapView({ store, selectedUid, onSelect, onReady, onError }: MapViewProps) {
  const container = useRef<HTMLDivElement>(null);
  const mapRef = useRef<MapLibreMap | null>(null);

  useEffect(() => {
    const element = container.current;
    if (element === null) return;
    let disposed = false;
    let unsubscribe = (): void => undefined;

    void loadBasemap()
      .then((basemap) => {
        if (disposed) return;
        const map = new MapLibreMap({
          container: element,
          style: basemapStyle(basemap),
          center: [9.0, 40.0],
          zoom: 6,
          attributionControl: false,
          maxPitch: 0,
        });
        mapRef.current = map;
        map.on('error', (event) => onError(`The map could not draw: ${event.error.message}`));
        map.on('load', () => {
          map.addSource(TRACK_SOURCE, { type: 'geojson', data: trackFeatures(store.snapshot()) });
          for (const layer of trackLayers) map.addLayer(layer);
          let framed = false;
          const redraw = (): void => {
            const tracks = store.snapshot();
            (map.getSource(TRACK_SOURCE) as GeoJSONSource | undefined)?.setData(trackFeatures(tracks));
            const bounds = framed ? null : trackBounds(tracks);
            if (bounds !== null) {
              map.fitBounds(bounds, { padding: 40, animate: false });
              framed = true;
            }
          };
          redraw();
          unsubscribe = store.subscribe(redraw);
          map.on('click', TRACK_LAYER, (event) => onSelect(String(event.features?.[0]?.properties['uid'] ?? '') || null));
          map.on('mouseenter', TRACK_LAYER, () => (map.getCanvas().style.cursor = 'pointer'));
          map.on('mouseleave', TRACK_LAYER, () => (map.getCanvas().style.cursor = ''));
          onReady?.({ renderedTrackCount: () => map.queryRenderedFeatures({ layers: [TRACK_LAYER] }).length });
        });
      })
      .catch((error: unknown) => onError(error instanceof Error ? error.message : String(error)));

    return () => {
      disposed = true;
      unsubscribe();
      mapRef.current?.remove();
      mapRef.current = null;
    };
    // The map is built once; its callbacks read the latest store through closures.
    // eslint-disable-next-line react-hooks/exhaustive-deps
  }, []);

  useEffect(() => {
    const map = mapRef.current;
    if (map === null || !map.getLayer(SELECTION_LAYER)) return;
    map.setFilter(SELECTION_LAYER, selectionFilter(selectedUid));
    const track = selectedUid === null ? undefined : store.get(selectedUid);
    if (track !== undefined) map.easeTo({ center: [track.lon, track.lat], duration: 600 });
  }, [selectedUid, store]);

  return <div ref={container} className="map" data-testid="map" />;
}
