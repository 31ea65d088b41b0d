import { useCallback } from 'react';
import type { Replay } from './replay';

/**
 * Shows an entity at a moment from the cache: review stops playing and goes there, and the
 * entity is selected once the picture shows that moment, so the map finds it where it was then.
 */
export function useShowInReview(replay: Replay, select: (uid: string) => void): (time: number, uid: string) => void {
  return useCallback(
    (time: number, uid: string) => {
      replay.pause();
      void replay.seek(time).then((shownThere) => {
        if (shownThere) select(uid);
      });
    },
    [replay, select],
  );
}
