import { describe, expect, it } from 'vitest';
import { createTrackStore } from '../../renderer/tracks/track-store';
import { aTrack } from '../builders/track-builder';

function manualFrames() {
  const queued: Array<() => void> = [];
  return {
    schedule: (run: () => void) => queued.push(run),
    runFrame: () => {
      for (const run of queued.splice(0)) run();
    },
    pending: () => queued.length,
  };
}

describe('Given the renderer track store', () => {
  it('When many batches arrive before a frame, Then listeners hear once, at the frame', () => {
    const frames = manualFrames();
    const store = createTrackStore(frames.schedule);
    let heard = 0;
    store.subscribe(() => (heard += 1));
    for (let i = 0; i < 50; i += 1) store.apply([aTrack({ uid: `t${i % 10}`, time: 1000 + i })]);
    expect(heard).toBe(0);
    expect(frames.pending()).toBe(1);
    frames.runFrame();
    expect(heard).toBe(1);
    expect(store.size).toBe(10);
  });

  it('When nothing changes, Then the snapshot is the same object, so React skips the render', () => {
    const store = createTrackStore(manualFrames().schedule);
    store.apply([aTrack()]);
    const first = store.snapshot();
    expect(store.snapshot()).toBe(first);
    store.apply([aTrack({ uid: 'other' })]);
    expect(store.snapshot()).not.toBe(first);
    expect(store.snapshot()).toHaveLength(2);
  });

  it('When an older state arrives late, Then the newer one is kept', () => {
    const store = createTrackStore(manualFrames().schedule);
    store.apply([aTrack({ time: 2000, lat: 41 })]);
    store.apply([aTrack({ time: 1000, lat: 40 })]);
    expect(store.get('track-1')?.lat).toBe(41);
  });

  it('When everything is replaced, Then tracks not in the new set are gone', () => {
    const store = createTrackStore(manualFrames().schedule);
    store.apply([aTrack({ uid: 'a' }), aTrack({ uid: 'b' })]);
    store.replaceAll([aTrack({ uid: 'c' })]);
    expect(store.snapshot().map((t) => t.uid)).toEqual(['c']);
  });
});

describe('Given tracks the core says to drop', () => {
  it('When they are removed, Then they leave the snapshot and listeners hear of it', () => {
    const frames: Array<() => void> = [];
    const store = createTrackStore((run) => frames.push(run));
    store.apply([aTrack({ uid: 'demo-1' }), aTrack({ uid: 'real-1' })]);
    frames.splice(0).forEach((run) => run());
    let heard = 0;
    store.subscribe(() => (heard += 1));
    store.remove(['demo-1', 'not-there']);
    frames.splice(0).forEach((run) => run());
    expect(store.snapshot().map((t) => t.uid)).toEqual(['real-1']);
    expect(heard).toBe(1);
  });
});
