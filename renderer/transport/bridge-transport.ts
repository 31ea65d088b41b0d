import type { Transport } from './transport';

/** What preload.ts exposes on `window.outpostBridge`. */
export interface OutpostBridge {
  call(method: string, args: unknown): Promise<unknown>;
  onEvent(listener: (message: unknown) => void): () => void;
  acknowledge(seq: number): void;
}

export function findBridge(scope: object): OutpostBridge | null {
  const candidate: unknown = (scope as { outpostBridge?: unknown }).outpostBridge;
  if (typeof candidate !== 'object' || candidate === null) return null;
  const bridge = candidate as Partial<OutpostBridge>;
  return typeof bridge.call === 'function' && typeof bridge.onEvent === 'function' && typeof bridge.acknowledge === 'function'
    ? (bridge as OutpostBridge)
    : null;
}

export function createBridgeTransport(bridge: OutpostBridge): Transport {
  return {
    call: (method, args) => bridge.call(method, args),
    onEvent: (listener) => bridge.onEvent(listener),
    acknowledge: (seq) => bridge.acknowledge(seq),
  };
}
