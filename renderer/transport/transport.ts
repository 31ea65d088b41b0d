/**
 * How the renderer reaches the core: the preload bridge in Electron, a
 * WebSocket in web mode. Everything that comes back is `unknown` until the
 * client parses it against the contract.
 */
export interface Transport {
  call(method: string, args: unknown): Promise<unknown>;
  onEvent(listener: (message: unknown) => void): () => void;
  /** Tells the host every event up to `seq` is applied, so it may send more. */
  acknowledge(seq: number): void;
}
