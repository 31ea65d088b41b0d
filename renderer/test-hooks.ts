import type { MapHandle } from './map/MapView';
import { enableMapTimings, mapTimingsReport, type MapTimingsReport } from './map/map-timings';
import type { RenderedCluster, RenderedSymbol } from './map/rendered-tracks';
import type { TrackStore } from './tracks/track-store';

export interface OutpostTestHooks {
  renderedTrackCount(): number;
  /** Each track symbol the map placed, with what its feature says it shows. */
  renderedSymbols(): RenderedSymbol[];
  /** Each cluster drawn at low zoom, with its members counted by affiliation. */
  renderedClusters(): RenderedCluster[];
  renderedLabelCount(): number;
  /** The uids the selection halo is drawn around. */
  renderedSelection(): string[];
  trackScreenPoint(uid: string): { x: number; y: number } | null;
  storedTrackCount(): number;
  trackPosition(uid: string): { lat: number; lon: number } | null;
  trackUids(): string[];
  /** Where the map is centred, so a test can tell whether it follows a track. */
  mapCenter(): { lat: number; lon: number };
  mapZoom(): number;
  /** For `npm run bench:map`: what each track batch cost the main thread and how long records took to reach the map. */
  mapTimings(): MapTimingsReport;
}

/**
 * Read-only probes for the end-to-end tests, installed only when the page is
 * opened with `?testHooks`. They report what the map actually drew.
 */
export function installTestHooks(scope: Window, store: TrackStore, map: MapHandle): void {
  enableMapTimings();
  const hooks: OutpostTestHooks = {
    renderedTrackCount: () => map.renderedTrackCount(),
    renderedSymbols: () => map.renderedSymbols(),
    renderedClusters: () => map.renderedClusters(),
    renderedLabelCount: () => map.renderedLabelCount(),
    renderedSelection: () => map.renderedSelection(),
    trackScreenPoint: (uid) => map.trackScreenPoint(uid),
    storedTrackCount: () => store.size,
    trackPosition: (uid) => {
      const track = store.get(uid);
      return track === undefined ? null : { lat: track.lat, lon: track.lon };
    },
    trackUids: () => store.snapshot().map((track) => track.uid),
    mapCenter: () => map.mapCenter(),
    mapZoom: () => map.mapZoom(),
    mapTimings: () => mapTimingsReport(),
  };
  Object.defineProperty(scope, '__outpostTest', { value: Object.freeze(hooks), configurable: true });
}
