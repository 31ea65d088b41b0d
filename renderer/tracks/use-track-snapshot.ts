import { useEffect, useState } from 'react';
import type { Track } from '../../shared/domain';
import type { TrackView } from './track-store';

/**
 * The store's tracks for lists and counts, refreshed at most once per `intervalMs`. A busy feed
 * changes the store every frame; re-sorting and re-rendering thousands of rows that often would
 * take the frames the map needs, while a list that moves once a second reads just as well.
 * The first change after a quiet spell shows at once; later ones wait for the interval.
 */
export function useTrackSnapshot(store: TrackView, intervalMs: number): readonly Track[] {
  const [tracks, setTracks] = useState(() => store.snapshot());
  useEffect(() => {
    let lastShown = 0;
    let timer: number | undefined;
    const show = (): void => {
      timer = undefined;
      lastShown = Date.now();
      setTracks(store.snapshot());
    };
    const onChange = (): void => {
      if (timer !== undefined) return;
      const wait = lastShown + intervalMs - Date.now();
      if (wait <= 0) show();
      else timer = window.setTimeout(show, wait);
    };
    onChange();
    const unsubscribe = store.subscribe(onChange);
    return () => {
      unsubscribe();
      window.clearTimeout(timer);
    };
  }, [store, intervalMs]);
  return tracks;
}
