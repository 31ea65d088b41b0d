import type { Track } from '../../shared/domain';
import type { TrackView } from '../tracks/track-store';

export type ViewMode = 'live' | 'review';

/** One view over two stores: the live feed keeps filling its own while review shows the other. */
export interface SwitchableTrackView extends TrackView {
  readonly mode: ViewMode;
  show(mode: ViewMode): void;
}

export function createSwitchableTrackView(live: TrackView, review: TrackView): SwitchableTrackView {
  const listeners = new Set<() => void>();
  let mode: ViewMode = 'live';
  const active = (): TrackView => (mode === 'live' ? live : review);
  const tell = (): void => {
    for (const listener of listeners) listener();
  };
  // A change in the store not shown is none of the listeners' business.
  live.subscribe(() => {
    if (mode === 'live') tell();
  });
  review.subscribe(() => {
    if (mode === 'review') tell();
  });
  return {
    get mode() {
      return mode;
    },
    show(next) {
      if (next === mode) return;
      mode = next;
      tell();
    },
    snapshot: (): readonly Track[] => active().snapshot(),
    get: (uid) => active().get(uid),
    get size() {
      return active().size;
    },
    subscribe(listener) {
      listeners.add(listener);
      return () => listeners.delete(listener);
    },
  };
}
