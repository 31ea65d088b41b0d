import { useEffect, useRef, useState, type ReactNode } from 'react';
import { Map as MapLibreMap, setWorkerUrl } from 'maplibre-gl/dist/maplibre-gl-csp.js';
import workerUrl from 'maplibre-gl/dist/maplibre-gl-csp-worker.js?url';
import 'maplibre-gl/dist/maplibre-gl.css';
import type { TrackStore } from '../tracks/track-store';
import { basemapStyle, loadBasemap } from './basemap';
import { installGlyphProtocol } from './glyphs/glyph-protocol';
import { MapContext } from './map-context';
import { renderedLabelCount, renderedSelection, renderedSymbols, screenPointOf, type RenderedSymbol } from './rendered-tracks';
import { loadMilsymbol } from './symbols/milsymbol';
import { drawTracks } from './track-drawing';
import { SELECTION_LAYER, selectionFilter, TRACK_LAYER } from './track-layers';
import { useFollowTrack } from './use-follow-track';

setWorkerUrl(workerUrl);
installGlyphProtocol();

/** What the map actually drew, for the end-to-end tests' probes. */
export interface MapHandle {
  renderedTrackCount(): number;
  renderedSymbols(): RenderedSymbol[];
  renderedLabelCount(): number;
  renderedSelection(): string[];
  /** Where a track is drawn, in client coordinates, or null when the store does not hold it. */
  trackScreenPoint(uid: string): { x: number; y: number } | null;
  /** Where the map is centred now. */
  mapCenter(): { lat: number; lon: number };
}

interface MapViewProps {
  readonly store: TrackStore;
  readonly selectedUid: string | null;
  readonly onSelect: (uid: string | null) => void;
  /** Keeps the selected track in the centre as it moves. */
  readonly following: boolean;
  /** The analyst moved the map by hand, which ends following. */
  readonly onFollowStop: () => void;
  readonly onReady?: (handle: MapHandle) => void;
  readonly onError: (message: string) => void;
  /** Drawn over the map once it has loaded; they reach it through useMap(). */
  readonly children?: ReactNode;
}

export function MapView({ store, selectedUid, onSelect, following, onFollowStop, onReady, onError, children }: MapViewProps) {
  const container = useRef<HTMLDivElement>(null);
  const mapRef = useRef<MapLibreMap | null>(null);
  const [loadedMap, setLoadedMap] = useState<MapLibreMap | null>(null);

  useEffect(() => {
    const element = container.current;
    if (element === null) return;
    let disposed = false;
    let stopDrawing = (): void => undefined;

    void Promise.all([loadBasemap(), loadMilsymbol()])
      .then(([basemap, milsymbol]) => {
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
          stopDrawing = drawTracks(map, store, milsymbol);
          map.on('click', TRACK_LAYER, (event) => onSelect(String(event.features?.[0]?.properties['uid'] ?? '') || null));
          map.on('mouseenter', TRACK_LAYER, () => (map.getCanvas().style.cursor = 'pointer'));
          map.on('mouseleave', TRACK_LAYER, () => (map.getCanvas().style.cursor = ''));
          onReady?.({
            renderedTrackCount: () => renderedSymbols(map).length,
            renderedSymbols: () => renderedSymbols(map),
            renderedLabelCount: () => renderedLabelCount(map),
            renderedSelection: () => renderedSelection(map),
            trackScreenPoint: (uid) => {
              const track = store.get(uid);
              return track === undefined ? null : screenPointOf(map, track.lon, track.lat);
            },
            mapCenter: () => {
              const center = map.getCenter();
              return { lat: center.lat, lon: center.lng };
            },
          });
          setLoadedMap(map);
        });
      })
      .catch((error: unknown) => onError(error instanceof Error ? error.message : String(error)));

    return () => {
      disposed = true;
      stopDrawing();
      setLoadedMap(null);
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

  useFollowTrack(loadedMap, store, following ? selectedUid : null, onFollowStop);

  return (
    <div ref={container} className="map" data-testid="map">
      <MapContext.Provider value={loadedMap}>{loadedMap === null ? null : children}</MapContext.Provider>
    </div>
  );
}
