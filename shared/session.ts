import { z } from 'zod';
import { RoleSchema } from './roles';

/**
 * Where the session stands: `setup` before the first passphrase exists, `locked` while the
 * passphrase is needed (at start, after idle time, or on request), `unlocked` while working.
 */
export const SESSION_PHASES = ['setup', 'locked', 'unlocked'] as const;
export const LOCK_REASONS = ['start', 'idle', 'manual', 'rekey'] as const;
/** How the cache's keys are held at rest: by the operating system's keychain, or by the passphrase alone. */
export const KEY_PROTECTIONS = ['keychain', 'passphrase'] as const;

/** A new passphrase: long enough to resist guessing against a stolen laptop's key file. */
export const MIN_PASSPHRASE_LENGTH = 12;
export const MAX_PASSPHRASE_LENGTH = 1024;

export const PassphraseSchema = z.string().min(1, 'enter the passphrase').max(MAX_PASSPHRASE_LENGTH);
export const NewPassphraseSchema = z
  .string()
  .min(MIN_PASSPHRASE_LENGTH, `a passphrase needs at least ${MIN_PASSPHRASE_LENGTH} characters`)
  .max(MAX_PASSPHRASE_LENGTH);

export const SessionStateSchema = z.object({
  phase: z.enum(SESSION_PHASES),
  lockReason: z.enum(LOCK_REASONS).nullable(),
  /** The role the cache grants; null until the cache is first opened. */
  role: RoleSchema.nullable(),
  /** Wrong passphrases since the last right one. */
  failedAttempts: z.number().int().nonnegative(),
  /** While set and in the future, every unlock is refused without being tried. */
  lockedOutUntil: z.number().int().nonnegative().nullable(),
  idleLockMinutes: z.number().int().positive(),
  keyProtection: z.enum(KEY_PROTECTIONS).nullable(),
  /** Something the analyst must know before unlocking, such as a changed system keychain. */
  notice: z.string().nullable(),
});
export type SessionState = z.output<typeof SessionStateSchema>;
export type SessionPhase = SessionState['phase'];
export type LockReason = NonNullable<SessionState['lockReason']>;
export type KeyProtection = NonNullable<SessionState['keyProtection']>;
