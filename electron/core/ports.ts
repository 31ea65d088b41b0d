/**
 * The services the core needs from its host. Each host (Electron, web, tests)
 * supplies its own, so the core never reaches for globals it cannot control.
 */
export interface Cancel {
  (): void;
}

export interface Clock {
  now(): number;
  every(intervalMs: number, tick: () => void): Cancel;
}

export type LogFields = Readonly<Record<string, unknown>>;

export interface Log {
  info(message: string, fields?: LogFields): void;
  warn(message: string, fields?: LogFields): void;
  error(message: string, fields?: LogFields): void;
}

/** Holds the database key. Hosts wrap it with what they have: safeStorage, a passphrase, a key file. */
export interface Secrets {
  readDatabaseKey(): Promise<string | null>;
  writeDatabaseKey(key: string): Promise<void>;
}

export const systemClock: Clock = {
  now: () => Date.now(),
  every(intervalMs, tick) {
    const timer = setInterval(tick, intervalMs);
    return () => clearInterval(timer);
  },
};
