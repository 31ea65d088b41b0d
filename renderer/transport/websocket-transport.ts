import { fail } from '../../shared/result';
import { ServerMessageSchema } from '../../shared/wire';
import type { Transport } from './transport';

const RECONNECT_DELAYS_MS = [250, 500, 1000, 2000, 5000];

/**
 * The web host's transport. Calls made while the socket is down wait for it;
 * if the socket closes with calls in flight, they answer with a failure
 * rather than hang.
 */
export function createWebSocketTransport(url: string, options: { readonly onRefused?: () => void } = {}): Transport {
  const listeners = new Set<(message: unknown) => void>();
  const inFlight = new Map<number, (result: unknown) => void>();
  const waiting: Array<() => void> = [];
  let nextId = 1;
  let attempt = 0;
  let socket: WebSocket;

  const connect = (): void => {
    socket = new WebSocket(url);
    let opened = false;
    socket.addEventListener('open', () => {
      opened = true;
      attempt = 0;
      for (const send of waiting.splice(0)) send();
    });
    socket.addEventListener('message', (message) => {
      if (typeof message.data !== 'string') return;
      let json: unknown;
      try {
        json = JSON.parse(message.data);
      } catch {
        return;
      }
      const parsed = ServerMessageSchema.safeParse(json);
      if (!parsed.success) return;
      if (parsed.data.kind === 'response') {
        inFlight.get(parsed.data.id)?.(parsed.data.result);
        inFlight.delete(parsed.data.id);
      } else {
        for (const listener of listeners) listener({ seq: parsed.data.seq, event: parsed.data.event, payload: parsed.data.payload });
      }
    });
    socket.addEventListener('close', () => {
      for (const [id, settle] of inFlight) {
        settle(fail('failed', 'The connection to Outpost’s core was lost. Outpost is reconnecting; try again.'));
        inFlight.delete(id);
      }
      // A browser is not told why an upgrade failed: a host that is down and one that refuses the token look alike.
      if (!opened) options.onRefused?.();
      const delay = RECONNECT_DELAYS_MS[Math.min(attempt, RECONNECT_DELAYS_MS.length - 1)];
      attempt += 1;
      setTimeout(connect, delay);
    });
  };
  connect();

  return {
    call(method, args) {
      const id = nextId++;
      return new Promise((resolve) => {
        inFlight.set(id, resolve);
        const send = (): void => socket.send(JSON.stringify({ kind: 'request', id, method, args }));
        if (socket.readyState === WebSocket.OPEN) send();
        else waiting.push(send);
      });
    },
    onEvent(listener) {
      listeners.add(listener);
      return () => listeners.delete(listener);
    },
    acknowledge(seq) {
      if (socket.readyState === WebSocket.OPEN) socket.send(JSON.stringify({ kind: 'ack', seq }));
    },
  };
}
