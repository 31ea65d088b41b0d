import type { Client } from '../client';
import { createTrackStore, type FrameScheduler, type TrackStore } from '../tracks/track-store';
import { createReplay, type Replay } from './replay';
import type { ReplayClock } from './replay-clock';
import { createSwitchableTrackView, type SwitchableTrackView } from './switchable-track-view';

/** The live store the feed fills, the view the map shows, and the replay that switches it. */
export interface ReviewableTracks {
  readonly live: TrackStore;
  readonly shown: SwitchableTrackView;
  readonly replay: Replay;
}

export function createReviewableTracks(client: Client, scheduleFrame: FrameScheduler, clock: ReplayClock): ReviewableTracks {
  const live = createTrackStore(scheduleFrame);
  const review = createTrackStore(scheduleFrame);
  const shown = createSwitchableTrackView(live, review);
  return { live, shown, replay: createReplay({ client, store: review, view: shown, clock }) };
}
