import type { EventName, EventPayload } from '../../shared/contract';
import type { Track } from '../../shared/domain';

/**
 * Per-client event queue that keeps a slow client from drowning. While the
 * socket is congested, track batches merge into one pending batch (latest
 * state per entity wins); other events queue in order. Nothing is dropped.
 */
export interface EventOutbox {
  offer<E extends EventName>(event: E, payload: EventPayload<E>): void;
  /** Sends what is pending if the socket has room. */
  drain(): void;
  pendingTracks(): number;
}

export function createEventOutbox(options: {
  readonly isCongested: () => boolean;
  readonly send: (event: EventName, payload: unknown) => void;
}): EventOutbox {
  let pendingTracks = new Map<string, Track>();
  const pendingOther: Array<{ event: EventName; payload: unknown }> = [];

  const drain = (): void => {
    while (!options.isCongested() && pendingOther.length > 0) {
      const next = pendingOther.shift();
      if (next !== undefined) options.send(next.event, next.payload);
    }
    if (options.isCongested() || pendingTracks.size === 0) return;
    const tracks = [...pendingTracks.values()];
    pendingTracks = new Map();
    options.send('tracks.updated', { tracks });
  };

  return {
    offer(event, payload) {
      if (event === 'tracks.updated') {
        for (const track of (payload as EventPayload<'tracks.updated'>).tracks) pendingTracks.set(track.uid, track);
      } else {
        pendingOther.push({ event, payload });
      }
      drain();
    },
    drain,
    pendingTracks: () => pendingTracks.size,
  };
}
