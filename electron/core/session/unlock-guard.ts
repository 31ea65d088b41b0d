import { readFile } from 'node:fs/promises';
import { join } from 'node:path';
import { z } from 'zod';
import { writeFileAtomically } from '../files/write-file-atomically';
import type { Clock } from '../ports';

const ATTEMPTS_FILE_NAME = 'unlock-attempts.json';

const AttemptsSchema = z.object({ failures: z.number().int().nonnegative(), lockedOutUntil: z.number().int().nonnegative().nullable() }).strict();
export type UnlockAttempts = z.output<typeof AttemptsSchema>;

export interface UnlockGuardSettings {
  readonly lockoutAfterFailures: number;
  readonly lockoutMinutes: number;
}

/** The verdict on one passphrase check, as the sentence the analyst reads when it failed. */
export type GuardedCheck<T> = { readonly ok: true; readonly value: T } | { readonly ok: false; readonly sentence: string };

export interface UnlockGuard {
  attempts(): UnlockAttempts;
  /** Runs the check unless locked out; counts a failure, and locks out after too many in a row. */
  check<T>(verify: () => Promise<T | null>): Promise<GuardedCheck<T>>;
}

/**
 * Counts wrong passphrases in a row and refuses every check for a while after too many. The count
 * is kept in the data folder, so quitting and restarting does not reset it. Editing that file
 * gains nothing an attacker with the key file lacks: scrypt, not this count, guards the key file.
 */
export async function createUnlockGuard(dataDir: string, settings: UnlockGuardSettings, clock: Pick<Clock, 'now'>): Promise<UnlockGuard> {
  const file = join(dataDir, ATTEMPTS_FILE_NAME);
  let attempts = await readAttempts(file);
  const lockoutMs = settings.lockoutMinutes * 60_000;

  const remember = async (next: UnlockAttempts): Promise<void> => {
    attempts = next;
    await writeFileAtomically(file, `${JSON.stringify(next)}\n`);
  };

  return {
    attempts: () => attempts,
    async check(verify) {
      const now = clock.now();
      if (attempts.lockedOutUntil !== null && now < attempts.lockedOutUntil) {
        return { ok: false, sentence: lockedOutSentence(settings, attempts.lockedOutUntil - now) };
      }
      const value = await verify();
      if (value !== null) {
        if (attempts.failures > 0 || attempts.lockedOutUntil !== null) await remember({ failures: 0, lockedOutUntil: null });
        return { ok: true, value };
      }
      const failures = attempts.failures + 1;
      if (failures >= settings.lockoutAfterFailures) {
        await remember({ failures: 0, lockedOutUntil: clock.now() + lockoutMs });
        return {
          ok: false,
          sentence: `That passphrase is wrong, ${settings.lockoutAfterFailures} times in a row, so Outpost refuses every passphrase for the next ${minutes(settings.lockoutMinutes)}.`,
        };
      }
      await remember({ failures, lockedOutUntil: null });
      const left = settings.lockoutAfterFailures - failures;
      return {
        ok: false,
        sentence: `That passphrase is wrong. ${left} more wrong ${left === 1 ? 'try locks' : 'tries lock'} Outpost for ${minutes(settings.lockoutMinutes)}.`,
      };
    },
  };
}

function lockedOutSentence(settings: UnlockGuardSettings, remainingMs: number): string {
  const remainingMinutes = Math.max(1, Math.ceil(remainingMs / 60_000));
  return (
    `Outpost is refusing passphrases after ${settings.lockoutAfterFailures} wrong ones in a row. ` +
    `Try again in ${minutes(remainingMinutes)}; this try was not counted.`
  );
}

function minutes(count: number): string {
  return count === 1 ? '1 minute' : `${count} minutes`;
}

/** A missing or garbled count starts clean; as said above, the count is not what guards the key file. */
async function readAttempts(file: string): Promise<UnlockAttempts> {
  const clean = { failures: 0, lockedOutUntil: null };
  try {
    const parsed = AttemptsSchema.safeParse(JSON.parse(await readFile(file, 'utf8')));
    return parsed.success ? parsed.data : clean;
  } catch {
    return clean;
  }
}
