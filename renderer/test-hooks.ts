import type { MapHandle } from './map/MapView';
import type { RenderedSymbol } from './map/rendered-tracks';
import type { TrackStore } from './tracks/track-store';

export interface OutpostTestHooks {
  renderedTrackCount(): number;
  /** Each track symbol the map placed, with what its feature says it shows. */
  renderedSymbols(): RenderedSymbol[];
  renderedLabelCount(): number;
  /** The uids the selection halo is drawn around. */
  renderedSelection(): string[];
  trackScreenPoint(uid: string): { x: number; y: number } | null;
  storedTrackCount(): number;
  trackPosition(uid: string): { lat: number; lon: number } | null;
  trackUids(): string[];
  /** Where the map is centred, so a test can tell whether it follows a track. */
  mapCenter(): { lat: number; lon: number };
}

/**
 * Read-only probes for the end-to-end tests, installed only when the page is
 * opened with `?testHooks`. They report what the map actually drew.
 */
export function installTestHooks(scope: Window, store: TrackStore, map: MapHandle): void {
  const hooks: OutpostTestHooks = {
    renderedTrackCount: () => map.renderedTrackCount(),
    renderedSymbols: () => map.renderedSymbols(),
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
  };
  Object.defineProperty(scope, '__outpostTest', { value: Object.freeze(hooks), configurable: true });
}
