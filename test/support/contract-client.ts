import { WebSocket } from 'ws';

export interface ContractClient {
  call(method: string, args?: unknown): Promise<{ ok: boolean; value?: unknown; error?: { code: string; message: string } }>;
  close(): void;
}

/** Talks to a running web host the way the page does: token from its URL, its own origin. */
export async function connectContract(pageUrl: string): Promise<ContractClient> {
  const url = new URL(pageUrl);
  const socket = new WebSocket(`ws://${url.host}/contract?token=${url.searchParams.get('token') ?? ''}`, { origin: `http://${url.host}` });
  await new Promise<void>((resolve, reject) => {
    socket.once('open', () => resolve());
    socket.once('error', reject);
  });
  const waiting = new Map<number, (result: never) => void>();
  socket.on('message', (data: Buffer) => {
    const message = JSON.parse(data.toString()) as { kind: string; id?: number; result?: never };
    if (message.kind === 'response' && message.id !== undefined) {
      waiting.get(message.id)?.(message.result as never);
      waiting.delete(message.id);
    }
  });
  let nextId = 1;
  return {
    call(method, args = {}) {
      const id = nextId++;
      return new Promise((resolve) => {
        waiting.set(id, resolve);
        socket.send(JSON.stringify({ kind: 'request', id, method, args }));
      });
    },
    close: () => socket.close(),
  };
}
