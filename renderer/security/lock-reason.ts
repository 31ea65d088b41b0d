import type { LockReason } from '../../shared/session';

/** Why the unlock screen is showing, in the analyst's terms. */
export function describeLock(reason: LockReason | null, idleLockMinutes: number): string {
  switch (reason) {
    case 'idle':
      return `Outpost locked itself after ${idleLockMinutes} ${idleLockMinutes === 1 ? 'minute' : 'minutes'} without use. Your data is safe.`;
    case 'manual':
      return 'You locked Outpost.';
    case 'rekey':
      return 'Outpost is encrypting the cache again under a new key.';
    case 'start':
    case null:
      return 'Outpost has started and its cache is locked.';
  }
}

export function describeFailedAttempts(count: number): string {
  return `${count} wrong ${count === 1 ? 'passphrase has' : 'passphrases have'} been entered since Outpost was last unlocked.`;
}
