import { describe, expect, it } from 'vitest';
import { createEventOutbox } from '../../electron/web/event-outbox';
import { aProfileStatus } from '../builders/status-builder';
import { aTrack } from '../builders/track-builder';

describe('Given a client event outbox', () => {
  it('When the socket has room, Then events go straight out', () => {
    const sent: unknown[][] = [];
    const outbox = createEventOutbox({ isCongested: () => false, send: (...args) => sent.push(args) });
    outbox.offer('tracks.updated', { tracks: [aTrack({ uid: 'a' })] });
    expect(sent).toEqual([['tracks.updated', { tracks: [aTrack({ uid: 'a' })] }]]);
  });

  it('When the socket is congested, Then track updates merge per entity and go out as one batch once it drains', () => {
    const sent: unknown[][] = [];
    let congested = true;
    const outbox = createEventOutbox({ isCongested: () => congested, send: (...args) => sent.push(args) });
    outbox.offer('tracks.updated', { tracks: [aTrack({ uid: 'a', lat: 1 }), aTrack({ uid: 'b' })] });
    outbox.offer('tracks.updated', { tracks: [aTrack({ uid: 'a', lat: 2 })] });
    expect(sent).toEqual([]);
    expect(outbox.pendingTracks()).toBe(2);
    congested = false;
    outbox.drain();
    expect(sent).toEqual([['tracks.updated', { tracks: [aTrack({ uid: 'a', lat: 2 }), aTrack({ uid: 'b' })] }]]);
  });

  it('When other events queue behind congestion, Then none is dropped and their order holds', () => {
    const sent: unknown[][] = [];
    let congested = true;
    const outbox = createEventOutbox({ isCongested: () => congested, send: (...args) => sent.push(args) });
    outbox.offer('connections.changed', [aProfileStatus({ state: 'offline' })]);
    outbox.offer('connections.changed', [aProfileStatus({ state: 'connected' })]);
    congested = false;
    outbox.drain();
    expect(sent.map((s) => (s[1] as Array<{ state: string }>)[0]?.state)).toEqual(['offline', 'connected']);
  });
});
