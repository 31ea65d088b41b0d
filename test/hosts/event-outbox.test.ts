import { describe, expect, it } from 'vitest';
import { createEventOutbox } from '../../electron/hosting/event-outbox';
import { aProfileStatus } from '../builders/status-builder';
import { aTrack } from '../builders/track-builder';

function recordingOutbox(options: { window?: number; transportCongested?: () => boolean } = {}) {
  const sent: Array<{ seq: number; event: string; payload: unknown }> = [];
  const outbox = createEventOutbox({ ...options, send: (seq, event, payload) => sent.push({ seq, event, payload }) });
  return { outbox, sent };
}

describe('Given a renderer’s event outbox', () => {
  it('When the renderer keeps up, Then events go straight out, numbered in order', () => {
    const { outbox, sent } = recordingOutbox();
    outbox.offer('tracks.updated', { tracks: [aTrack({ uid: 'a' })] });
    outbox.acknowledge(1);
    outbox.offer('tracks.updated', { tracks: [aTrack({ uid: 'b' })] });
    expect(sent.map((s) => [s.seq, s.event])).toEqual([
      [1, 'tracks.updated'],
      [2, 'tracks.updated'],
    ]);
  });

  it('When the renderer has not acknowledged a full window, Then track updates merge per entity until it does', () => {
    const { outbox, sent } = recordingOutbox({ window: 1 });
    outbox.offer('tracks.updated', { tracks: [aTrack({ uid: 'a', lat: 1 })] });
    outbox.offer('tracks.updated', { tracks: [aTrack({ uid: 'a', lat: 2 }), aTrack({ uid: 'b' })] });
    outbox.offer('tracks.updated', { tracks: [aTrack({ uid: 'a', lat: 3 })] });
    expect(sent).toHaveLength(1);
    expect(outbox.pendingTracks()).toBe(2);
    outbox.acknowledge(1);
    expect(sent[1]).toEqual({ seq: 2, event: 'tracks.updated', payload: { tracks: [aTrack({ uid: 'a', lat: 3 }), aTrack({ uid: 'b' })] } });
  });

  it('When a renderer never acknowledges, Then what waits stays bounded by the number of entities', () => {
    const { outbox, sent } = recordingOutbox({ window: 1 });
    for (let i = 0; i < 10_000; i += 1) {
      outbox.offer('tracks.updated', { tracks: [aTrack({ uid: `u${i % 50}`, time: i })] });
      outbox.offer('connections.changed', [aProfileStatus({ rate: i })]);
    }
    expect(sent).toHaveLength(1);
    expect(outbox.pendingTracks()).toBe(50);
  });

  it('When the transport itself is congested, Then nothing is sent until it has room', () => {
    let congested = true;
    const { outbox, sent } = recordingOutbox({ transportCongested: () => congested });
    outbox.offer('tracks.updated', { tracks: [aTrack()] });
    expect(sent).toEqual([]);
    congested = false;
    outbox.drain();
    expect(sent).toHaveLength(1);
  });

  it('When a track is removed after an update that is still waiting, Then only the removal goes out', () => {
    const { outbox, sent } = recordingOutbox({ window: 1 });
    outbox.offer('connections.changed', [aProfileStatus()]);
    outbox.offer('tracks.updated', { tracks: [aTrack({ uid: 'demo-1' }), aTrack({ uid: 'real-1' })] });
    outbox.offer('tracks.removed', { uids: ['demo-1'] });
    outbox.acknowledge(1);
    outbox.acknowledge(2);
    outbox.acknowledge(3);
    expect(sent.slice(1).map((s) => [s.event, s.payload])).toEqual([
      ['tracks.removed', { uids: ['demo-1'] }],
      ['tracks.updated', { tracks: [aTrack({ uid: 'real-1' })] }],
    ]);
  });

  it('When only the latest connections snapshot matters, Then older ones waiting are replaced', () => {
    const { outbox, sent } = recordingOutbox({ window: 1 });
    outbox.offer('tracks.updated', { tracks: [aTrack()] });
    outbox.offer('connections.changed', [aProfileStatus({ state: 'offline' })]);
    outbox.offer('connections.changed', [aProfileStatus({ state: 'connected' })]);
    outbox.acknowledge(1);
    expect(sent[1]).toEqual({ seq: 2, event: 'connections.changed', payload: [aProfileStatus({ state: 'connected' })] });
  });

  it('When connections and outbox counts both wait, Then each keeps only its latest snapshot and both go out', () => {
    const { outbox, sent } = recordingOutbox({ window: 1 });
    const counts = (queued: number) => ({ queued, sending: 0, sent: 0, failed: 0, cancelled: 0 });
    outbox.offer('tracks.updated', { tracks: [aTrack({ uid: 'a' })] });
    outbox.offer('outbox.changed', counts(1));
    outbox.offer('connections.changed', [aProfileStatus()]);
    outbox.offer('outbox.changed', counts(2));
    outbox.acknowledge(1);
    outbox.acknowledge(2);
    expect(sent.map((s) => s.event)).toEqual(['tracks.updated', 'connections.changed', 'outbox.changed']);
    expect(sent.at(-1)?.payload).toEqual(counts(2));
  });

  it('When an acknowledgement names an event never sent, Then it is ignored', () => {
    const { outbox, sent } = recordingOutbox({ window: 1 });
    outbox.offer('tracks.updated', { tracks: [aTrack({ uid: 'a' })] });
    outbox.acknowledge(99);
    outbox.offer('tracks.updated', { tracks: [aTrack({ uid: 'b' })] });
    expect(sent).toHaveLength(1);
  });
});
