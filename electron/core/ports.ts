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
  after(delayMs: number, run: () => void): Cancel;
}

export type LogFields = Readonly<Record<string, unknown>>;

export interface Log {
  info(message: string, fields?: LogFields): void;
  warn(message: string, fields?: LogFields): void;
  error(message: string, fields?: LogFields): void;
}

/**
 * Holds the database key and seals other secrets (broker passwords, private
 * keys) so they are never stored in plaintext. Hosts back it with what they
 * have: safeStorage, a passphrase, a key file.
 */
export interface Secrets {
  readDatabaseKey(): Promise<string | null>;
  writeDatabaseKey(key: string): Promise<void>;
  seal(plaintext: string): Promise<string>;
  unseal(sealed: string): Promise<string>;
}

export const systemClock: Clock = {
  now: () => Date.now(),
  every(intervalMs, tick) {
    const timer = setInterval(tick, intervalMs);
    return () => clearInterval(timer);
  },
  after(delayMs, run) {
    const timer = setTimeout(run, delayMs);
    return () => clearTimeout(timer);
  },
};
