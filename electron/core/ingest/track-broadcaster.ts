import type { Track } from '../../../shared/domain';
import type { Cancel, Clock } from '../ports';

/**
 * Holds track changes and hands them on at a steady pace, keeping only the
 * latest state of each entity. A burst of ten thousand records becomes one
 * batch, so the renderer never falls behind the feed.
 */
export interface TrackBroadcaster {
  push(tracks: readonly Track[]): void;
  flush(): void;
  stop(): void;
}

export function createTrackBroadcaster(options: {
  readonly clock: Clock;
  readonly intervalMs: number;
  readonly deliver: (tracks: Track[]) => void;
}): TrackBroadcaster {
  let pending = new Map<string, Track>();
  const flush = (): void => {
    if (pending.size === 0) return;
    const batch = [...pending.values()];
    pending = new Map();
    options.deliver(batch);
  };
  const cancel: Cancel = options.clock.every(options.intervalMs, flush);
  return {
    push(tracks) {
      for (const track of tracks) pending.set(track.uid, track);
    },
    flush,
    stop() {
      cancel();
      flush();
    },
  };
}
