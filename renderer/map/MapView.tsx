import { useEffect, useRef, useState, type ReactNode } from 'react';
import type { GeoJSONSource, MapMouseEvent } from 'maplibre-gl';
import { Map as MapLibreMap, setWorkerUrl } from 'maplibre-gl/dist/maplibre-gl-csp.js';
import workerUrl from 'maplibre-gl/dist/maplibre-gl-csp-worker.js?url';
import 'maplibre-gl/dist/maplibre-gl.css';
import type { Track } from '../../shared/domain';
import type { LatLon } from '../../shared/geo';
import type { TrackView } from '../tracks/track-store';
import { basemapStyle, loadBasemap } from './basemap';
import { installGlyphProtocol } from './glyphs/glyph-protocol';
import { MapContext } from './map-context';
import { renderedClusters, renderedLabelCount, renderedSelection, renderedSymbols, screenPointOf, type RenderedCluster, type RenderedSymbol } from './rendered-tracks';
import { loadMilsymbol } from './symbols/milsymbol';
import { CLUSTER_LAYER, CLUSTER_MAX_ZOOM } from './track-clusters';
import { drawTracks, type TrackDrawing } from './track-drawing';
import { SELECTION_LAYER, selectionFilter, TRACK_LAYER, TRACK_SOURCE } from './track-layers';
import { useFollowTrack } from './use-follow-track';

setWorkerUrl(workerUrl);
installGlyphProtocol();

/** What the map actually drew, for the end-to-end tests' probes. */
export interface MapHandle {
  /** Tracks drawn in the view, each as its own symbol or as a member of a cluster. */
  renderedTrackCount(): number;
  renderedSymbols(): RenderedSymbol[];
  renderedClusters(): RenderedCluster[];
  renderedLabelCount(): number;
  renderedSelection(): string[];
  /** Where a track is drawn, in client coordinates, or null when the store does not hold it. */
  trackScreenPoint(uid: string): { x: number; y: number } | null;
  /** Where the map is centred now. */
  mapCenter(): { lat: number; lon: number };
  mapZoom(): number;
}

interface MapViewProps {
  readonly store: TrackView;
  /** The analyst's track filter: the map draws only the tracks it lets through. */
  readonly shows: (track: Track) => boolean;
  /** Groups dense tracks into clusters at low zoom. */
  readonly clustered: boolean;
  readonly selectedUid: string | null;
  readonly onSelect: (uid: string | null) => void;
  /**
   * A place to show, such as where an alert happened: the map goes there each time a new one is
   * given. A selection made with it does not move the map again to where the track is now.
   */
  readonly focus?: LatLon | null;
  /** Keeps the selected track in the centre as it moves. */
  readonly following: boolean;
  /** The analyst moved the map by hand, which ends following. */
  readonly onFollowStop: () => void;
  readonly onReady?: (handle: MapHandle) => void;
  readonly onError: (message: string) => void;
  /** The time staleness is judged at: the wall clock live, the moment reviewed in review. */
  readonly now?: () => number;
  /** Drawn over the map once it has loaded; they reach it through useMap(). */
  readonly children?: ReactNode;
}

export function MapView({ store, shows, clustered, selectedUid, onSelect, focus = null, following, onFollowStop, onReady, onError, now = Date.now, children }: MapViewProps) {
  const container = useRef<HTMLDivElement>(null);
  const mapRef = useRef<MapLibreMap | null>(null);
  const [loadedMap, setLoadedMap] = useState<MapLibreMap | null>(null);
  const [drawing, setDrawing] = useState<TrackDrawing | null>(null);
  const nowRef = useRef(now);
  useEffect(() => {
    nowRef.current = now;
  }, [now]);

  useEffect(() => {
    const element = container.current;
    if (element === null) return;
    let disposed = false;
    let drawn: TrackDrawing | null = null;

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
          // Symbols and callsigns cross-fade for this long after every placement. A live feed places
          // them again several times a second, so any fade keeps the map redrawing every frame.
          fadeDuration: 0,
        });
        mapRef.current = map;
        map.on('error', (event) => onError(`The map could not draw: ${event.error.message}`));
        map.on('load', () => {
          drawn = drawTracks(map, store, milsymbol, () => nowRef.current());
          map.on('click', TRACK_LAYER, (event) => onSelect(String(event.features?.[0]?.properties['uid'] ?? '') || null));
          map.on('click', CLUSTER_LAYER, (event) => zoomIntoCluster(map, event));
          for (const layer of [TRACK_LAYER, CLUSTER_LAYER]) {
            map.on('mouseenter', layer, () => (map.getCanvas().style.cursor = 'pointer'));
            map.on('mouseleave', layer, () => (map.getCanvas().style.cursor = ''));
          }
          onReady?.({
            renderedTrackCount: () => renderedSymbols(map).length + renderedClusters(map).reduce((sum, cluster) => sum + cluster.count, 0),
            renderedSymbols: () => renderedSymbols(map),
            renderedClusters: () => renderedClusters(map),
            renderedLabelCount: () => renderedLabelCount(map),
            renderedSelection: () => renderedSelection(map),
            trackScreenPoint: (uid) => {
              const track = store.get(uid);
              return track === undefined ? null : screenPointOf(map, track.lon, track.lat);
            },
            mapZoom: () => map.getZoom(),
            mapCenter: () => {
              const center = map.getCenter();
              return { lat: center.lat, lon: center.lng };
            },
          });
          setDrawing(drawn);
          setLoadedMap(map);
        });
      })
      .catch((error: unknown) => onError(error instanceof Error ? error.message : String(error)));

    return () => {
      disposed = true;
      drawn?.stop();
      setDrawing(null);
      setLoadedMap(null);
      mapRef.current?.remove();
      mapRef.current = null;
    };
    // The map is built once; its callbacks read the latest store through closures.
    // eslint-disable-next-line react-hooks/exhaustive-deps
  }, []);

  const clusteredNow = useRef(clustered);
  useEffect(() => drawing?.show(shows), [drawing, shows]);
  useEffect(() => {
    clusteredNow.current = clustered;
    drawing?.setClustered(clustered);
  }, [drawing, clustered]);

  const shownSelection = useRef<string | null>(null);
  const shownFocus = useRef<LatLon | null>(null);
  useEffect(() => {
    const map = mapRef.current;
    if (map === null || !map.getLayer(SELECTION_LAYER)) return;
    map.setFilter(SELECTION_LAYER, selectionFilter(selectedUid));
    const newSelection = selectedUid !== shownSelection.current;
    const newFocus = focus !== shownFocus.current;
    shownSelection.current = selectedUid;
    shownFocus.current = focus;
    const track = selectedUid === null ? undefined : store.get(selectedUid);
    const place = newFocus ? focus : newSelection ? (track ?? null) : null;
    if (place === null) return;
    // A selected track inside a cluster would be out of sight: close in far enough to draw it alone.
    const zoom = clusteredNow.current ? Math.max(map.getZoom(), CLUSTER_MAX_ZOOM + 1) : map.getZoom();
    map.easeTo({ center: [place.lon, place.lat], zoom, duration: 600 });
  }, [selectedUid, focus, store]);

  useFollowTrack(loadedMap, store, following ? selectedUid : null, onFollowStop);

  return (
    <div ref={container} className="map" data-testid="map">
      <MapContext.Provider value={loadedMap}>{loadedMap === null ? null : children}</MapContext.Provider>
    </div>
  );
}

/** Zoom levels a click on a cluster closes in by when its own expansion zoom cannot be had. */
const CLUSTER_CLICK_ZOOM_STEP = 2;

/** A click on a cluster closes in until it splits into its members. */
function zoomIntoCluster(map: MapLibreMap, event: MapMouseEvent & { features?: GeoJSON.Feature[] }): void {
  const cluster = event.features?.[0];
  const clusterId = Number(cluster?.properties?.['cluster_id']);
  if (cluster?.geometry.type !== 'Point') return;
  const [lon = 0, lat = 0] = cluster.geometry.coordinates;
  const closeIn = (zoom: number): void => {
    map.easeTo({ center: [lon, lat], zoom, duration: 500 });
  };
  const source = map.getSource<GeoJSONSource>(TRACK_SOURCE);
  // A live feed regroups the tracks several times a second, so the cluster clicked may be gone by
  // the time its expansion zoom is asked for; closing in a fixed step still shows what was in it.
  const stepIn = (): void => closeIn(Math.min(map.getMaxZoom(), map.getZoom() + CLUSTER_CLICK_ZOOM_STEP));
  if (source === undefined || !Number.isInteger(clusterId)) {
    stepIn();
    return;
  }
  source.getClusterExpansionZoom(clusterId).then(closeIn, stepIn);
}
