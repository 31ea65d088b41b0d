import type { Track } from '../../shared/domain';

/** What the map, the list and the probes read: the tracks shown now, live or in review. */
export interface TrackView {
  /** Stable until the next change, so React can compare by identity. */
  snapshot(): readonly Track[];
  get(uid: string): Track | undefined;
  readonly size: number;
  subscribe(listener: () => void): () => void;
}

/**
 * The renderer's copy of the latest track states. Batches may arrive faster
 * than the screen refreshes; they are applied at once but listeners hear of
 * them at most once per frame, so rendering never queues up behind the feed.
 */
export interface TrackStore extends TrackView {
  replaceAll(tracks: readonly Track[]): void;
  apply(tracks: readonly Track[]): void;
  remove(uids: readonly string[]): void;
}

export type FrameScheduler = (run: () => void) => void;

export function createTrackStore(scheduleFrame: FrameScheduler): TrackStore {
  const tracks = new Map<string, Track>();
  const listeners = new Set<() => void>();
  let cached: readonly Track[] | null = [];
  let frameRequested = false;

  const changed = (): void => {
    cached = null;
    if (frameRequested) return;
    frameRequested = true;
    scheduleFrame(() => {
      frameRequested = false;
      for (const listener of listeners) listener();
    });
  };

  const store: TrackStore = {
    replaceAll(next) {
      tracks.clear();
      for (const track of next) tracks.set(track.uid, track);
      changed();
    },
    apply(batch) {
      if (batch.length === 0) return;
      for (const track of batch) {
        const known = tracks.get(track.uid);
        if (known === undefined || known.time <= track.time) tracks.set(track.uid, track);
      }
      changed();
    },
    remove(uids) {
      let removed = false;
      for (const uid of uids) removed = tracks.delete(uid) || removed;
      if (removed) changed();
    },
    snapshot() {
      cached ??= [...tracks.values()];
      return cached;
    },
    get: (uid) => tracks.get(uid),
    get size() {
      return tracks.size;
    },
    subscribe(listener) {
      listeners.add(listener);
      return () => listeners.delete(listener);
    },
  };
  return store;
}
