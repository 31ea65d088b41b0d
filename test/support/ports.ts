import { createServer } from 'node:net';

/**
 * Asks the OS for a TCP port on 127.0.0.1 that is free right now.
 * Another process may grab it before the caller binds, so callers should bind soon.
 */
export function findFreePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const server = createServer();
    server.unref();
    server.once('error', reject);
    server.listen(0, '127.0.0.1', () => {
      const address = server.address();
      if (address === null || typeof address === 'string') {
        server.close();
        reject(new Error('The OS did not report a TCP port for the probe socket.'));
        return;
      }
      server.close(() => resolve(address.port));
    });
  });
}
