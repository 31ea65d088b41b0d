import type { Secrets } from '../../electron/core/ports';

export function memorySecrets(initial: string | null = null): Secrets & { key(): string | null } {
  let stored = initial;
  return {
    key: () => stored,
    readDatabaseKey: async () => stored,
    writeDatabaseKey: async (key) => {
      stored = key;
    },
  };
}
