import { useSyncExternalStore } from 'react';
import type { Replay, ReplayState } from './replay';

/** Replay's state, re-rendering on every change: a few times a second while it plays. */
export function useReplayState(replay: Replay): ReplayState {
  return useSyncExternalStore(replay.subscribe, replay.state);
}
