/**
 * The IPC channels of the Electron relay. Kept free of imports so that the
 * sandboxed preload script can bundle it without pulling in anything else.
 */
export const IPC_CHANNELS = {
  request: 'outpost:request',
  event: 'outpost:event',
  ack: 'outpost:ack',
} as const;
