import type { Secrets } from '../../electron/core/ports';

/** Secrets held in memory; sealing is reversible and marked, so tests can tell sealed text from plain. */
export function memorySecrets(initial: string | null = null): Secrets & { key(): string | null } {
  let stored = initial;
  return {
    key: () => stored,
    readDatabaseKey: async () => stored,
    writeDatabaseKey: async (key) => {
      stored = key;
    },
    seal: async (plaintext) => `sealed:${Buffer.from(plaintext).toString('base64')}`,
    unseal: async (sealed) => Buffer.from(sealed.replace(/^sealed:/, ''), 'base64').toString('utf8'),
  };
}
