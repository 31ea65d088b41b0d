import { useEffect } from 'react';
import type { Map as MapLibreMap } from 'maplibre-gl';
import type { Track } from '../../shared/domain';
import type { TrackView } from '../tracks/track-store';

/** Short enough to finish well before the next report, so the centre never lags a report behind. */
const FOLLOW_EASE_MS = 300;

/**
 * Keeps the map centred on one track, easing to each new state of it, until
 * the analyst drags the map. While a mouse button or finger is down on the
 * map it holds still: moving the camera then would cancel the drag gesture
 * before MapLibre recognises it, and following would never stop.
 */
export function useFollowTrack(map: MapLibreMap | null, store: TrackView, uid: string | null, onStop: () => void): void {
  useEffect(() => {
    if (map === null || uid === null) return;
    let centredOn: Track | undefined;
    let holding = false;
    let stopped = false;

    const centre = (): void => {
      if (holding || stopped) return;
      const track = store.get(uid);
      // The store tells of every change to any track; only a new state of this one moves the map.
      if (track === undefined || track === centredOn) return;
      centredOn = track;
      map.easeTo({ center: [track.lon, track.lat], duration: FOLLOW_EASE_MS });
    };
    const hold = (): void => {
      holding = true;
    };
    const release = (): void => {
      holding = false;
      centre();
    };
    // Easing the map never starts a drag; only the analyst's hand does.
    const stopOnDrag = (): void => {
      stopped = true;
      onStop();
    };

    centre();
    const stopListening = store.subscribe(centre);
    map.on('mousedown', hold);
    map.on('touchstart', hold);
    window.addEventListener('mouseup', release);
    window.addEventListener('touchend', release);
    map.on('dragstart', stopOnDrag);
    return () => {
      stopListening();
      map.off('mousedown', hold);
      map.off('touchstart', hold);
      window.removeEventListener('mouseup', release);
      window.removeEventListener('touchend', release);
      map.off('dragstart', stopOnDrag);
    };
  }, [map, store, uid, onStop]);
}
