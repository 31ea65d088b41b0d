// @vitest-environment jsdom
import { act } from 'react';
import { createRoot, type Root } from 'react-dom/client';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import type { Track } from '../../shared/domain';
import { createTrackStore, type TrackStore } from '../../renderer/tracks/track-store';
import { useTrackSnapshot } from '../../renderer/tracks/use-track-snapshot';
import { aTrack } from '../builders/track-builder';

// Tells React this is a test, so it applies updates inside act() without warning.
(globalThis as { IS_REACT_ACT_ENVIRONMENT?: boolean }).IS_REACT_ACT_ENVIRONMENT = true;

const INTERVAL_MS = 1_000;

describe('Given a list that reads the tracks through a once-a-second snapshot', () => {
  let root: Root;
  let store: TrackStore;
  let shown: Array<readonly Track[]>;

  function TrackCount() {
    const tracks = useTrackSnapshot(store, INTERVAL_MS);
    shown.push(tracks);
    return <p>{tracks.length}</p>;
  }

  beforeEach(() => {
    vi.useFakeTimers();
    // The store tells its listeners once a frame; here a frame is the next turn of the fake clock.
    store = createTrackStore((run) => setTimeout(run, 0));
    shown = [];
    root = createRoot(document.createElement('div'));
    act(() => root.render(<TrackCount />));
  });
  afterEach(() => {
    act(() => root.unmount());
    vi.useRealTimers();
  });

  const arrive = (uid: string): void => {
    act(() => {
      store.apply([aTrack({ uid })]);
      vi.advanceTimersByTime(1);
    });
  };

  it('When the first track arrives after a quiet spell, Then the list shows it at once', () => {
    act(() => vi.advanceTimersByTime(INTERVAL_MS));
    arrive('a');
    expect(shown.at(-1)?.map((track) => track.uid)).toEqual(['a']);
  });

  it('When tracks keep arriving every frame, Then the list changes at most once a second, and ends up with all of them', () => {
    arrive('a');
    const rendersAfterFirst = shown.length;
    for (const uid of ['b', 'c', 'd', 'e']) arrive(uid);
    expect(shown.length).toBe(rendersAfterFirst);
    act(() => vi.advanceTimersByTime(INTERVAL_MS));
    expect(shown.length).toBe(rendersAfterFirst + 1);
    expect(shown.at(-1)?.map((track) => track.uid)).toEqual(['a', 'b', 'c', 'd', 'e']);
  });
});
