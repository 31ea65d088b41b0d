import type { MapHandle } from './map/MapView';
import type { TrackStore } from './tracks/track-store';

export interface OutpostTestHooks {
  renderedTrackCount(): number;
  storedTrackCount(): number;
  trackPosition(uid: string): { lat: number; lon: number } | null;
  trackUids(): string[];
}

/**
 * Read-only probes for the end-to-end tests, installed only when the page is
 * opened with `?testHooks`. They report what the map actually drew.
 */
export function installTestHooks(scope: Window, store: TrackStore, map: MapHandle): void {
  const hooks: OutpostTestHooks = {
    renderedTrackCount: () => map.renderedTrackCount(),
    storedTrackCount: () => store.size,
    trackPosition: (uid) => {
      const track = store.get(uid);
      return track === undefined ? null : { lat: track.lat, lon: track.lon };
    },
    trackUids: () => store.snapshot().map((track) => track.uid),
  };
  Object.defineProperty(scope, '__outpostTest', { value: Object.freeze(hooks), configurable: true });
}
