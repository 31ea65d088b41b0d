import type { REPLAY_SPEEDS, ReviewRange } from '../../shared/review';
import type { Client } from '../client';
import type { TrackStore } from '../tracks/track-store';
import { PlaybackBuffer } from './playback-buffer';
import type { ReplayClock } from './replay-clock';
import type { SwitchableTrackView, ViewMode } from './switchable-track-view';

export type ReplaySpeed = (typeof REPLAY_SPEEDS)[number];

export interface ReplayState {
  readonly mode: ViewMode;
  /** What the cache holds for review; null until read, or while it holds nothing. */
  readonly range: ReviewRange;
  /** The moment review shows, epoch milliseconds. */
  readonly time: number;
  readonly playing: boolean;
  readonly speed: ReplaySpeed;
  /** A frame has been asked for and the picture does not show `time` yet. */
  readonly seeking: boolean;
  readonly problem: string | null;
}

/** Review of the cache: the moment shown, playing forward from it, and the way back to live. */
export interface Replay {
  state(): ReplayState;
  subscribe(listener: () => void): () => void;
  /** Hears each frame that replaced the whole picture, with its time: the trails start again from it. */
  onFrame(listener: (at: number) => void): () => void;
  /** The time staleness and trails are judged at: the review time in review, the wall clock live. */
  viewTime(): number;
  /** Reads the cached span again, and enters review at `at`, or at the newest fix. */
  enter(at?: number): Promise<void>;
  /** Shows the moment `at`; resolves true once the picture shows it, false when a later seek overtook it. */
  seek(at: number): Promise<boolean>;
  /** Follows a dragged slider: the time shows at once, the frame once the hand rests. */
  drag(at: number): void;
  play(): void;
  pause(): void;
  setSpeed(speed: ReplaySpeed): void;
  /** Moves by one step back or forward. */
  step(direction: -1 | 1): Promise<boolean>;
  jumpToLive(): void;
  dispose(): void;
}

export interface ReplayDeps {
  readonly client: Client;
  /** Where review's picture is kept, apart from the live store. */
  readonly store: TrackStore;
  readonly view: SwitchableTrackView;
  readonly clock: ReplayClock;
  readonly wallClock?: () => number;
}

/** How far a step moves. */
export const STEP_MS = 10_000;
/** A dragged slider asks for a frame once the hand has rested this long. */
export const DRAG_SEEK_MS = 120;
/** How often the replay clock moves while playing. */
export const PLAY_TICK_MS = 100;
/** Playing fetches this much replay time ahead, in real seconds at the current speed. */
const PREFETCH_REAL_MS = 2_000;
/** When a window holds more fixes than one answer carries, playing shows whole frames, no more often than this. */
const DENSE_FRAME_MS = 250;

export function createReplay({ client, store, view, clock, wallClock = Date.now }: ReplayDeps): Replay {
  const listeners = new Set<() => void>();
  const frameListeners = new Set<(at: number) => void>();
  const buffer = new PlaybackBuffer();
  let current: ReplayState = { mode: 'live', range: null, time: 0, playing: false, speed: 1, seeking: false, problem: null };
  /** Unrounded, so slow speeds do not lose time to rounding at every tick. */
  let exactTime = 0;
  let wanted: number | null = null;
  let frameInFlight = false;
  let waiters: { at: number; resolve: (shown: boolean) => void }[] = [];
  /** Bumped by every seek and by leaving review, so an answer to an older request is dropped. */
  let generation = 0;
  let windowInFlight = false;
  let dense = false;
  let denseFrameInFlight = false;
  let lastDenseFrame = -Infinity;
  let lastTick = 0;
  let stopTicking: (() => void) | null = null;
  let cancelDrag: (() => void) | null = null;

  const set = (change: Partial<ReplayState>): void => {
    current = { ...current, ...change };
    for (const listener of listeners) listener();
  };
  const setTime = (time: number, change: Partial<ReplayState> = {}): void => {
    exactTime = time;
    set({ ...change, time: Math.round(time) });
  };
  const clamped = (at: number): number => {
    const range = current.range;
    const time = Math.max(0, Math.round(at));
    return range === null ? time : Math.min(range.to, Math.max(range.from, time));
  };

  const settleWaiters = (shownAt: number | null): void => {
    for (const waiter of waiters) waiter.resolve(waiter.at === shownAt);
    waiters = [];
  };

  const fetchFrames = async (): Promise<void> => {
    if (frameInFlight) return;
    frameInFlight = true;
    let shownAt: number | null = null;
    while (wanted !== null) {
      const at = wanted;
      wanted = null;
      const answer = await client.call('review.frame', { at });
      // A newer position supersedes this answer: the last position asked for wins.
      if (wanted !== null || current.mode !== 'review') continue;
      if (!answer.ok) {
        set({ problem: answer.error.message });
        continue;
      }
      store.replaceAll(answer.value.tracks);
      buffer.restart(at);
      dense = false;
      shownAt = at;
      lastTick = clock.now();
      for (const listener of frameListeners) listener(at);
    }
    frameInFlight = false;
    if (current.mode === 'review') set({ seeking: false, problem: shownAt === null ? current.problem : null });
    settleWaiters(shownAt);
  };

  const seek = (at: number): Promise<boolean> => {
    cancelDrag?.();
    cancelDrag = null;
    const target = clamped(at);
    generation += 1;
    buffer.restart(null);
    wanted = target;
    view.show('review');
    setTime(target, { mode: 'review', seeking: true });
    const shown = new Promise<boolean>((resolve) => waiters.push({ at: target, resolve }));
    // Review entered by a seek, as from a search result, still needs the span for its slider.
    if (current.range === null) void readRange();
    void fetchFrames();
    return shown;
  };

  const prefetch = (): void => {
    const through = buffer.fetchedThrough;
    const end = current.range?.to;
    if (windowInFlight || dense || through === null || end === undefined || through >= end) return;
    const span = PREFETCH_REAL_MS * current.speed;
    if (through - exactTime > span / 2) return;
    const to = Math.min(end, through + span);
    const asked = generation;
    windowInFlight = true;
    void client.call('review.window', { from: through, to }).then((answer) => {
      windowInFlight = false;
      if (asked !== generation) return;
      if (!answer.ok) set({ problem: answer.error.message });
      else if (answer.value.truncated) dense = true;
      else buffer.append(answer.value.fixes, to);
    });
  };

  const showDenseFrame = (): void => {
    const now = clock.now();
    if (denseFrameInFlight || now - lastDenseFrame < DENSE_FRAME_MS) return;
    lastDenseFrame = now;
    denseFrameInFlight = true;
    const asked = generation;
    void client.call('review.frame', { at: current.time }).then((answer) => {
      denseFrameInFlight = false;
      if (asked !== generation || !answer.ok) return;
      store.apply(answer.value.tracks);
    });
  };

  const stopPlaying = (): void => {
    stopTicking?.();
    stopTicking = null;
  };

  const tick = (): void => {
    const now = clock.now();
    const elapsed = now - lastTick;
    lastTick = now;
    if (current.seeking) return;
    const end = current.range?.to ?? Infinity;
    const next = Math.min(end, exactTime + elapsed * current.speed);
    const atEnd = next >= end;
    if (atEnd) stopPlaying();
    setTime(next, atEnd ? { playing: false } : {});
    if (dense) showDenseFrame();
    else store.apply(buffer.takeUntil(exactTime));
    prefetch();
  };

  const readRange = async (): Promise<ReviewRange> => {
    const answer = await client.call('review.range', {});
    if (!answer.ok) {
      set({ problem: answer.error.message });
      return null;
    }
    set({ range: answer.value });
    return answer.value;
  };

  return {
    state: () => current,
    subscribe(listener) {
      listeners.add(listener);
      return () => listeners.delete(listener);
    },
    onFrame(listener) {
      frameListeners.add(listener);
      return () => frameListeners.delete(listener);
    },
    viewTime: () => (current.mode === 'review' ? current.time : wallClock()),
    async enter(at) {
      const range = await readRange();
      if (range === null) {
        set({ problem: current.problem ?? 'The cache holds no positions to review yet. Review opens once a feed has brought some in.' });
        return;
      }
      await seek(at ?? range.to);
    },
    seek,
    drag(at) {
      if (current.mode !== 'review') return;
      const target = clamped(at);
      setTime(target);
      cancelDrag?.();
      cancelDrag = clock.after(DRAG_SEEK_MS, () => {
        cancelDrag = null;
        void seek(target);
      });
    },
    play() {
      if (current.mode !== 'review' || stopTicking !== null) return;
      lastTick = clock.now();
      stopTicking = clock.every(PLAY_TICK_MS, tick);
      set({ playing: true });
      prefetch();
    },
    pause() {
      stopPlaying();
      set({ playing: false });
    },
    setSpeed(speed) {
      set({ speed });
    },
    step: (direction) => seek(exactTime + direction * STEP_MS),
    jumpToLive() {
      stopPlaying();
      cancelDrag?.();
      cancelDrag = null;
      generation += 1;
      wanted = null;
      buffer.restart(null);
      view.show('live');
      store.replaceAll([]);
      set({ mode: 'live', playing: false, seeking: false, problem: null });
    },
    dispose() {
      stopPlaying();
      cancelDrag?.();
      listeners.clear();
      frameListeners.clear();
    },
  };
}
