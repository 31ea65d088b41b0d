import { describe, expect, it } from 'vitest';
import { createClient } from '../../renderer/client';
import type { Transport } from '../../renderer/transport/transport';
import { aTrack } from '../builders/track-builder';

function fakeTransport(answer: (method: string, args: unknown) => unknown) {
  const listeners = new Set<(message: unknown) => void>();
  const acknowledged: number[] = [];
  const transport: Transport = {
    call: async (method, args) => answer(method, args),
    onEvent: (listener) => {
      listeners.add(listener);
      return () => listeners.delete(listener);
    },
    acknowledge: (seq) => acknowledged.push(seq),
  };
  let seq = 0;
  return {
    transport,
    acknowledged,
    emit: (message: object) => listeners.forEach((l) => l({ seq: ++seq, ...message })),
  };
}

describe('Given the renderer client', () => {
  it('When the core answers with a valid result, Then the parsed value is returned', async () => {
    const { transport } = fakeTransport(() => ({ ok: true, value: [aTrack()] }));
    const client = createClient(transport, () => undefined);
    expect(await client.call('tracks.list', {})).toEqual({ ok: true, value: [aTrack()] });
  });

  it('When the core answers with a failure, Then its sentence is passed on unchanged', async () => {
    const error = { code: 'bad-arguments', message: 'tracks.list was called with bad arguments: limit: too small.' } as const;
    const { transport } = fakeTransport(() => ({ ok: false, error }));
    const client = createClient(transport, () => undefined);
    expect(await client.call('tracks.list', { limit: 1 })).toEqual({ ok: false, error });
  });

  it('When the answer does not match the contract, Then the call fails with a sentence instead of passing bad data on', async () => {
    const { transport } = fakeTransport(() => ({ ok: true, value: [{ uid: 'x' }] }));
    const client = createClient(transport, () => undefined);
    const result = await client.call('tracks.list', {});
    expect(result.ok).toBe(false);
    if (!result.ok) expect(result.error.message).toMatch(/^The core's answer to tracks.list was malformed/);
    const garbage = createClient(fakeTransport(() => 'garbage').transport, () => undefined);
    expect(await garbage.call('app.status', {})).toEqual({ ok: false, error: { code: 'failed', message: "The core's answer to app.status was not readable." } });
  });

  it('When a valid event arrives, Then only handlers of that event run', () => {
    const { transport, emit } = fakeTransport(() => null);
    const client = createClient(transport, () => undefined);
    const tracks: unknown[] = [];
    const connections: unknown[] = [];
    client.on('tracks.updated', (batch) => tracks.push(batch));
    client.on('connections.changed', (statuses) => connections.push(statuses));
    emit({ event: 'tracks.updated', payload: { tracks: [aTrack()] } });
    expect(tracks).toEqual([{ tracks: [aTrack()] }]);
    expect(connections).toEqual([]);
  });

  it('When an unknown or malformed event arrives, Then it is reported and no handler runs', () => {
    const { transport, emit } = fakeTransport(() => null);
    const problems: string[] = [];
    const client = createClient(transport, (message) => problems.push(message));
    const tracks: unknown[] = [];
    client.on('tracks.updated', (batch) => tracks.push(batch));
    emit({ event: 'tracks.exploded', payload: {} });
    emit({ event: 'tracks.updated', payload: { tracks: [{ uid: 1 }] } });
    expect(tracks).toEqual([]);
    expect(problems).toHaveLength(2);
    expect(problems[1]).toMatch(/^The core sent a malformed tracks.updated event/);
  });

  it('When events arrive, Then each is acknowledged once applied, even one that could not be used', () => {
    const { transport, emit, acknowledged } = fakeTransport(() => null);
    const order: string[] = [];
    const client = createClient(transport, () => order.push('reported'));
    client.on('tracks.updated', () => order.push(`applied, ${acknowledged.length} acknowledged so far`));
    emit({ event: 'tracks.updated', payload: { tracks: [] } });
    emit({ event: 'tracks.exploded', payload: {} });
    expect(order).toEqual(['applied, 0 acknowledged so far', 'reported']);
    expect(acknowledged).toEqual([1, 2]);
  });

  it('When a handler is removed, Then it hears nothing more', () => {
    const { transport, emit } = fakeTransport(() => null);
    const client = createClient(transport, () => undefined);
    let heard = 0;
    const stop = client.on('tracks.updated', () => (heard += 1));
    stop();
    emit({ event: 'tracks.updated', payload: { tracks: [] } });
    expect(heard).toBe(0);
  });
});
