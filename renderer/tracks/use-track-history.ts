import { useEffect, useState } from 'react';
import type { TrackHistory } from '../../shared/domain';
import type { Client } from '../client';

/** Often enough that the sparklines keep up with a moving track, rarely enough to cost nothing. */
export const HISTORY_REFRESH_MS = 2_000;

export interface TrackHistoryState {
  readonly history: TrackHistory | null;
  readonly problem: string | null;
}

/** A track's history from the cache, read now and again every two seconds while the uid stays the same. */
export function useTrackHistory(client: Client, uid: string): TrackHistoryState {
  const [state, setState] = useState<TrackHistoryState & { uid: string }>({ uid, history: null, problem: null });

  useEffect(() => {
    let current = true;
    const read = async (): Promise<void> => {
      const result = await client.call('tracks.history', { uid });
      // An answer for a track no longer shown must not overwrite the one that is.
      if (!current) return;
      if (result.ok) setState({ uid, history: result.value, problem: null });
      else setState((previous) => ({ uid, history: previous.uid === uid ? previous.history : null, problem: result.error.message }));
    };
    void read();
    const timer = setInterval(() => void read(), HISTORY_REFRESH_MS);
    return () => {
      current = false;
      clearInterval(timer);
    };
  }, [client, uid]);

  return state.uid === uid ? state : { history: null, problem: null };
}
