import type { EventName, EventPayload } from '../../shared/contract';
import type { Track } from '../../shared/domain';

/**
 * One renderer's event stream, with flow control. An event goes out only
 * while fewer than `window` sent events wait for the renderer's
 * acknowledgement (and the transport has room); meanwhile events merge, so
 * what waits is bounded by the number of entities, never by time:
 * track updates keep the latest state per entity, removals accumulate, and
 * every other event is a snapshot (connections, outbox counts) that replaces
 * the one before it. A slow renderer sees
 * fewer, larger batches; nothing is lost and nothing queues without bound.
 */
export interface EventOutbox {
  offer<E extends EventName>(event: E, payload: EventPayload<E>): void;
  /** The renderer has applied every event up to and including `seq`. */
  acknowledge(seq: number): void;
  /** Sends what is pending if the window and the transport allow. */
  drain(): void;
  pendingTracks(): number;
}

export const DEFAULT_ACK_WINDOW = 2;

export function createEventOutbox(options: {
  readonly send: (seq: number, event: EventName, payload: unknown) => void;
  readonly transportCongested?: () => boolean;
  readonly window?: number;
}): EventOutbox {
  const window = options.window ?? DEFAULT_ACK_WINDOW;
  let updates = new Map<string, Track>();
  let removals = new Set<string>();
  const snapshots = new Map<EventName, unknown>();
  let lastSent = 0;
  let lastAcknowledged = 0;

  const blocked = (): boolean => lastSent - lastAcknowledged >= window || (options.transportCongested?.() ?? false);
  const send = (event: EventName, payload: unknown): void => {
    lastSent += 1;
    options.send(lastSent, event, payload);
  };

  const drain = (): void => {
    // Removals first: an entity removed and then seen again is in `updates`, not here.
    if (removals.size > 0 && !blocked()) {
      const uids = [...removals];
      removals = new Set();
      send('tracks.removed', { uids });
    }
    if (updates.size > 0 && !blocked()) {
      const tracks = [...updates.values()];
      updates = new Map();
      send('tracks.updated', { tracks });
    }
    for (const [event, payload] of snapshots) {
      if (blocked()) break;
      snapshots.delete(event);
      send(event, payload);
    }
  };

  return {
    offer(event, payload) {
      if (event === 'tracks.updated') {
        for (const track of (payload as EventPayload<'tracks.updated'>).tracks) {
          removals.delete(track.uid);
          updates.set(track.uid, track);
        }
      } else if (event === 'tracks.removed') {
        for (const uid of (payload as EventPayload<'tracks.removed'>).uids) {
          updates.delete(uid);
          removals.add(uid);
        }
      } else {
        // Re-inserting moves it last, so a snapshot that keeps changing cannot starve the others.
        snapshots.delete(event);
        snapshots.set(event, payload);
      }
      drain();
    },
    acknowledge(seq) {
      if (seq > lastAcknowledged && seq <= lastSent) lastAcknowledged = seq;
      drain();
    },
    drain,
    pendingTracks: () => updates.size,
  };
}
