import type { SessionState } from '../../../shared/session';
import { fail, ok, type Result } from '../../../shared/result';
import { fakeClient, type FakeClient } from './fake-client';

export const RIGHT_PASSPHRASE = 'correct horse battery staple';

export function aLockedSession(overrides: Partial<SessionState> = {}): SessionState {
  return {
    phase: 'locked',
    lockReason: 'start',
    role: 'operator',
    failedAttempts: 0,
    lockedOutUntil: null,
    idleLockMinutes: 15,
    keyProtection: 'keychain',
    notice: null,
    ...overrides,
  };
}

export function anUnlockedSession(overrides: Partial<SessionState> = {}): SessionState {
  return aLockedSession({ phase: 'unlocked', lockReason: null, ...overrides });
}

export function aSessionToSetUp(): SessionState {
  return aLockedSession({ phase: 'setup', lockReason: null, role: null, keyProtection: null });
}

export interface SessionHost extends FakeClient {
  /** The session as the core holds it; calls change it as the core would. */
  state: SessionState;
}

/**
 * A core's session over the fake client: the right passphrase unlocks, any other is refused with
 * `refusal`. `others` answers whatever else the view asks, such as the markings.
 */
export function sessionHost(
  initial: SessionState,
  options: { readonly refusal?: string; readonly others?: (method: string, args: unknown) => Result<unknown> | undefined } = {},
): SessionHost {
  const refusal = options.refusal ?? 'That passphrase is wrong. 2 tries left before Outpost locks for 5 minutes.';
  const host: SessionHost = Object.assign(
    fakeClient((method, args) => {
      const passphrase = (args as { passphrase?: string; current?: string }).passphrase ?? (args as { current?: string }).current;
      const change = (next: Partial<SessionState>): Result<SessionState> => {
        host.state = { ...host.state, ...next };
        return ok(host.state);
      };
      switch (method) {
        case 'session.state':
          return ok(host.state);
        case 'session.activity':
          return ok(null);
        case 'session.setup':
          return change({ phase: 'unlocked', lockReason: null, role: 'admin', keyProtection: 'keychain' });
        case 'session.lock':
          return change({ phase: 'locked', lockReason: 'manual' });
        case 'session.unlock':
        case 'session.changePassphrase':
        case 'session.setRole':
        case 'session.rekey':
          if (passphrase !== RIGHT_PASSPHRASE) return fail('failed', refusal);
          if (method === 'session.setRole') return change({ role: (args as { role: SessionState['role'] }).role });
          return change({ phase: 'unlocked', lockReason: null, failedAttempts: 0 });
        default:
          return options.others?.(method, args);
      }
    }),
    { state: initial },
  );
  return host;
}
