import { describe, expect, it } from 'vitest';
import { createReplay, DRAG_SEEK_MS, PLAY_TICK_MS, STEP_MS } from '../../renderer/review/replay';
import { createSwitchableTrackView } from '../../renderer/review/switchable-track-view';
import { createTrackStore } from '../../renderer/tracks/track-store';
import { manualClock } from '../support/manual-clock';
import { aTrack } from '../builders/track-builder';
import { fakeClient } from './support/fake-client';
import { OSPREY, RAVEN, REVIEW_FROM, REVIEW_TO, reviewAnswers, scriptedPositionAt, type ReviewHostOptions } from './support/review-host';

const WALL_CLOCK = Date.UTC(2026, 10, 26, 12, 0, 0);
const LIVE_TRACK = aTrack({ uid: 'live-1', callsign: 'LIVE 1', time: WALL_CLOCK });

/** Lets the answers the replay awaits arrive. */
const answersArrive = (): Promise<void> => new Promise((resolve) => setTimeout(resolve, 0));

function aReplay(options: ReviewHostOptions = {}) {
  const host = fakeClient(reviewAnswers(options));
  const clock = manualClock(0);
  const live = createTrackStore((run) => run());
  const review = createTrackStore((run) => run());
  const view = createSwitchableTrackView(live, review);
  live.apply([LIVE_TRACK]);
  const replay = createReplay({ client: host.client, store: review, view, clock, wallClock: () => WALL_CLOCK });
  const playFor = async (realMs: number): Promise<void> => {
    for (let elapsed = 0; elapsed < realMs; elapsed += PLAY_TICK_MS) {
      clock.advance(PLAY_TICK_MS);
      await answersArrive();
    }
  };
  return { host, clock, live, view, replay, playFor };
}

const latitudes = (view: { snapshot(): readonly { uid: string; lat: number }[] }): Record<string, number> => Object.fromEntries(view.snapshot().map((track) => [track.uid, track.lat]));

describe('Given review of a cache where two entities move on a script', () => {
  it('When review seeks to a moment, Then the map shows exactly that frame’s tracks, and staleness is judged at that moment', async () => {
    const { replay, view, host } = aReplay();
    const moment = REVIEW_FROM + 600_000;

    await replay.enter(moment);

    expect(host.calls('review.frame')).toEqual([{ at: moment }]);
    expect(replay.state()).toMatchObject({ mode: 'review', time: moment, seeking: false, range: { from: REVIEW_FROM, to: REVIEW_TO } });
    expect(view.mode).toBe('review');
    expect(latitudes(view)).toEqual({ [RAVEN.uid]: scriptedPositionAt(RAVEN, moment), [OSPREY.uid]: scriptedPositionAt(OSPREY, moment) });
    expect(replay.viewTime()).toBe(moment);
  });

  it('When seeks come faster than frames, Then one frame is asked for at a time and the last position wins', async () => {
    const { replay, view, host } = aReplay();
    await replay.enter(REVIEW_FROM);

    const first = replay.seek(REVIEW_FROM + 1_000);
    const second = replay.seek(REVIEW_FROM + 2_000);
    const last = replay.seek(REVIEW_FROM + 3_000);
    const outcomes = await Promise.all([first, second, last]);

    expect(host.calls('review.frame')).toEqual([{ at: REVIEW_FROM }, { at: REVIEW_FROM + 1_000 }, { at: REVIEW_FROM + 3_000 }]);
    expect(outcomes).toEqual([false, false, true]);
    expect(view.get(RAVEN.uid)?.time).toBe(REVIEW_FROM + 3_000);
  });

  it('When the slider is dragged, Then the time follows the hand at once and one frame is asked for once it rests', async () => {
    const { replay, host, clock } = aReplay();
    await replay.enter(REVIEW_FROM);

    for (const offset of [10_000, 20_000, 30_000]) {
      replay.drag(REVIEW_FROM + offset);
      clock.advance(DRAG_SEEK_MS / 2);
    }
    expect(replay.state().time).toBe(REVIEW_FROM + 30_000);
    expect(host.calls('review.frame')).toHaveLength(1);
    clock.advance(DRAG_SEEK_MS);
    await answersArrive();

    expect(host.calls('review.frame').at(-1)).toEqual({ at: REVIEW_FROM + 30_000 });
    expect(host.calls('review.frame')).toHaveLength(2);
  });

  it('When a seek asks for a moment outside the cache, Then it goes to the nearest end instead', async () => {
    const { replay } = aReplay();
    await replay.enter(REVIEW_FROM);
    await replay.seek(REVIEW_TO + 3_600_000);
    expect(replay.state().time).toBe(REVIEW_TO);
  });

  it('When it plays at 10× for 2 s, Then review time advances 20 s and the entities move as scripted', async () => {
    const { replay, view, playFor, host } = aReplay();
    const start = REVIEW_FROM + 60_000;
    await replay.enter(start);
    replay.setSpeed(10);

    replay.play();
    await playFor(2_000);

    expect(replay.state()).toMatchObject({ playing: true, time: start + 20_000 });
    expect(host.calls('review.window')[0]).toEqual({ from: start, to: start + 20_000 });
    expect(latitudes(view)).toEqual({ [RAVEN.uid]: scriptedPositionAt(RAVEN, start + 20_000), [OSPREY.uid]: scriptedPositionAt(OSPREY, start + 20_000) });
    replay.pause();
    await playFor(1_000);
    expect(replay.state()).toMatchObject({ playing: false, time: start + 20_000 });
  });

  it('When it plays into the end of the cache, Then it stops there', async () => {
    const { replay, playFor } = aReplay();
    await replay.enter(REVIEW_TO - 5_000);
    replay.setSpeed(60);
    replay.play();
    await playFor(1_000);
    expect(replay.state()).toMatchObject({ playing: false, time: REVIEW_TO });
  });

  it('When a window holds more fixes than one answer carries, Then playing shows whole frames instead', async () => {
    const { replay, host, playFor, view } = aReplay({ truncateWindows: true });
    await replay.enter(REVIEW_FROM);
    replay.setSpeed(5);
    replay.play();
    await playFor(1_000);

    expect(host.calls('review.frame').length).toBeGreaterThan(1);
    expect(view.get(RAVEN.uid)?.time).toBeGreaterThan(REVIEW_FROM);
  });

  it('When a step is taken back and forward, Then review moves by a step each way', async () => {
    const { replay } = aReplay();
    await replay.enter(REVIEW_FROM + 60_000);
    await replay.step(-1);
    expect(replay.state().time).toBe(REVIEW_FROM + 60_000 - STEP_MS);
    await replay.step(1);
    await replay.step(1);
    expect(replay.state().time).toBe(REVIEW_FROM + 60_000 + STEP_MS);
  });

  it('When the analyst jumps to live, Then the live tracks show at once, with what the feed brought meanwhile', async () => {
    const { replay, view, live, host } = aReplay();
    await replay.enter(REVIEW_FROM);
    live.apply([aTrack({ ...LIVE_TRACK, lat: 42, time: WALL_CLOCK + 1_000 }), aTrack({ uid: 'live-2', time: WALL_CLOCK })]);
    const framesBefore = host.sent.length;

    replay.jumpToLive();

    expect(host.sent).toHaveLength(framesBefore);
    expect(replay.state().mode).toBe('live');
    expect(view.mode).toBe('live');
    expect(latitudes(view)).toEqual({ 'live-1': 42, 'live-2': LIVE_TRACK.lat });
    expect(replay.viewTime()).toBe(WALL_CLOCK);
  });

  it('When review is asked of an empty cache, Then it stays live and says why', async () => {
    const host = fakeClient((method) => (method === 'review.range' ? { ok: true, value: null } : undefined));
    const live = createTrackStore((run) => run());
    const view = createSwitchableTrackView(live, createTrackStore((run) => run()));
    const replay = createReplay({ client: host.client, store: createTrackStore((run) => run()), view, clock: manualClock(0) });

    await replay.enter();

    expect(replay.state().mode).toBe('live');
    expect(replay.state().problem).toMatch(/holds no positions to review yet/);
  });
});
