import { existsSync } from 'node:fs';
import { mkdir } from 'node:fs/promises';
import { join } from 'node:path';
import { isSessionMethodName, sessionMethods, type MethodResult, type ParsedMethodArgs, type SessionMethodName } from '../../../shared/contract';
import type { OutpostConfig } from '../../../shared/config';
import { fail } from '../../../shared/result';
import type { Role } from '../../../shared/roles';
import type { LockReason, SessionState } from '../../../shared/session';
import type { AuditEvent } from '../audit/audit-trail';
import type { Core } from '../create-core';
import { invokeParsed, type Dispatch } from '../dispatcher';
import { createEventHub, type EventListener } from '../event-hub';
import type { Cancel, Clock, Log, Secrets } from '../ports';
import { createSealedSecrets } from '../secrets/sealed-secrets';
import { findOpeningKey, rekeyDatabase } from '../store/rekey-database';
import { operatorName } from '../operator-name';
import { UserFacingError } from '../user-facing-error';
import { newCacheKeys, type CacheKeys } from '../vault/cache-keys';
import type { HostKeychain } from '../vault/host-keychain';
import { createKeyCustody, type UnwrappedKeys } from './key-custody';
import { createUnlockGuard } from './unlock-guard';

/** What the session needs of the core beyond what the hosts use. */
export interface SessionCore extends Pick<Core, 'dispatch' | 'subscribe' | 'readTile' | 'exportFile' | 'close'> {
  role(): Role;
  setRole(role: Role): void;
  recordAudit(event: AuditEvent): void;
}

export interface SessionOptions {
  readonly dataDir: string;
  readonly config: OutpostConfig;
  readonly clock: Clock;
  readonly log: Log;
  /** The operating system's keychain, when the host has one. */
  readonly keychain: HostKeychain | null;
  /** Opens the core on the cache in dataDir, with the keys the session unwrapped. */
  readonly openCore: (secrets: Secrets) => Promise<SessionCore>;
  readonly cacheFile: string;
  readonly nativeBinding?: string | undefined;
  /** Who the audit trail names for the analyst's own steps; the login name when absent. */
  readonly actor?: string;
  /** scrypt's cost for new wrappings; only tests lower it. */
  readonly passphraseCost?: number;
}

/** What a remote login came to; a refusal carries the sentence and, when locked out, until when. */
export type LoginOutcome = { readonly ok: true } | { readonly ok: false; readonly message: string; readonly lockedOutUntil: number | null };

/** The whole app as the hosts see it: the session in front of the core. */
export interface Session extends Pick<Core, 'dispatch' | 'subscribe' | 'readTile' | 'exportFile' | 'close'> {
  state(): SessionState;
  /**
   * A remote browser's login: the passphrase checked under the same lockout as any unlock,
   * opening the session if it was locked. Only a session that exists can be logged into.
   */
  login(passphrase: string): Promise<LoginOutcome>;
}

const LOCKED_SENTENCE = 'Outpost is locked. Enter the passphrase to unlock it.';

/** What a passphrase was given for, as the audit trail names a refused one. */
type PassphrasePurpose = 'unlock' | 'login' | 'passphrase change' | 'role change' | 'key rotation';

type SessionHandlers = {
  readonly [M in SessionMethodName]: (args: ParsedMethodArgs<M>) => Promise<MethodResult<M>>;
};

/**
 * The gate in front of the core. It holds the cache's keys, opens the core once the passphrase or
 * the keychain has unwrapped them, locks after idle time or on request, refuses every core call
 * while locked, and keeps role changes and re-encryption behind the passphrase. Only the
 * marking and consent notice, and the session's own methods, answer while locked.
 */
export async function openSession(options: SessionOptions): Promise<Session> {
  const { clock, log, config } = options;
  await mkdir(options.dataDir, { recursive: true, mode: 0o700 });
  const custody = createKeyCustody({ dataDir: options.dataDir, keychain: options.keychain, passphraseCost: options.passphraseCost });
  const guard = await createUnlockGuard(options.dataDir, config.security, clock);
  const hub = createEventHub((error) => log.error('A session listener failed.', { error: String(error) }));
  const idleMs = config.security.idleLockMinutes * 60_000;
  const actor = options.actor ?? operatorName();

  let core: SessionCore | null = null;
  let phase: SessionState['phase'] = 'locked';
  let lockReason: LockReason | null = 'start';
  let notice: string | null = null;
  let stopForwarding: (() => void) | null = null;
  let cancelIdleLock: Cancel | null = null;
  // Set before the cache is open, recorded once it is: the trail lives in the cache.
  const pendingAudit: AuditEvent[] = [];
  // One step at a time: two unlocks at once must not open the core twice.
  let queue: Promise<unknown> = Promise.resolve();
  const serialized = <T>(step: () => Promise<T>): Promise<T> => {
    const run = queue.then(step, step);
    queue = run.catch(() => undefined);
    return run;
  };

  const state = (): SessionState => ({
    phase,
    lockReason: phase === 'locked' ? lockReason : null,
    role: core?.role() ?? null,
    failedAttempts: guard.attempts().failures,
    lockedOutUntil: guard.attempts().lockedOutUntil,
    idleLockMinutes: config.security.idleLockMinutes,
    keyProtection: custody.protection(),
    notice,
  });
  const announce = (): SessionState => {
    const now = state();
    hub.emit('session.changed', now);
    return now;
  };
  const audit = (action: string, details: Readonly<Record<string, unknown>> = {}): void => {
    if (core !== null) {
      core.recordAudit({ actor, action, subject: 'session', details });
      return;
    }
    // Held until the cache opens, so the row's own time would be the unlock's: the attempt keeps its time.
    pendingAudit.push({ actor, action, subject: 'session', details: { ...details, attemptedAt: clock.now() } });
    log.warn('A passphrase was refused before the cache was open; it is recorded in the audit log once the cache opens.', { action });
  };

  const armIdleLock = (): void => {
    cancelIdleLock?.();
    cancelIdleLock = clock.after(idleMs, () => {
      cancelIdleLock = null;
      if (phase !== 'unlocked') return;
      lock('idle');
      announce();
    });
  };
  const lock = (reason: LockReason): void => {
    cancelIdleLock?.();
    cancelIdleLock = null;
    phase = 'locked';
    lockReason = reason;
    audit('session.lock', { reason });
  };
  const unlocked = (): void => {
    phase = 'unlocked';
    lockReason = null;
    armIdleLock();
  };

  const startCore = async (opened: CacheKeys): Promise<void> => {
    core = await options.openCore(createSealedSecrets(opened));
    // Locked means nothing from the cache reaches any screen, a remote browser's included.
    stopForwarding = core.subscribe((event, payload) => {
      if (phase === 'unlocked') hub.emit(event, payload);
    });
    for (const event of pendingAudit.splice(0)) core.recordAudit(event);
  };
  const stopCore = async (): Promise<void> => {
    stopForwarding?.();
    stopForwarding = null;
    const closing = core;
    core = null;
    await closing?.close();
  };

  /** Opens the cache with whichever key set it is under, after a re-encryption that may have stopped part-way. */
  const openCache = async (unwrapped: UnwrappedKeys): Promise<CacheKeys> => {
    let chosen = unwrapped.current;
    if (unwrapped.next !== null && existsSync(options.cacheFile)) {
      const key = findOpeningKey({ file: options.cacheFile, nativeBinding: options.nativeBinding }, [unwrapped.current.databaseKey, unwrapped.next.databaseKey]);
      if (key === null) {
        // Both keys stay in the keyring: dropping either could lose the only one that fits a restored file.
        throw new UserFacingError(
          `Neither the cache key nor the new one from an unfinished key rotation opens ${options.cacheFile}: the file is damaged or belongs to another key file. ` +
            'Restore the data folder from your backup; Outpost keeps both keys and will not replace the cache.',
        );
      }
      const kept = key === unwrapped.next.databaseKey ? 'next' : 'current';
      chosen = kept === 'next' ? unwrapped.next : unwrapped.current;
      await custody.settle(kept);
      log.info('After a key rotation, Outpost kept the key the cache opens with.', { kept });
    }
    await startCore(chosen);
    return chosen;
  };

  /** The passphrase checked under the lockout, for `purpose`; a sentence when it is refused. */
  const verify = async (passphrase: string, purpose: PassphrasePurpose): Promise<UnwrappedKeys> => {
    const checked = await guard.check(() => custody.unwrap(passphrase));
    if (checked.ok) return checked.value;
    const lockedOut = guard.attempts().lockedOutUntil !== null;
    audit(lockedOut ? 'session.unlock-refused' : 'session.unlock-failed', { for: purpose, failedAttempts: guard.attempts().failures });
    announce();
    throw new UserFacingError(checked.sentence);
  };

  /** Every unlock checks the passphrase, even of a session already open: a remote login must prove it either way. */
  const unlockWith = async (passphrase: string, how: 'unlock' | 'login'): Promise<SessionState> => {
    if (phase === 'setup') throw new UserFacingError('Outpost has no passphrase yet. Set it up on the machine it runs on, then log in.');
    const unwrapped = await verify(passphrase, how);
    if (core === null) {
      const opened = await openCache(unwrapped);
      // A keychain that could not open the keys, or has changed, holds them again from now on.
      if (custody.keychainNotice() !== null && options.keychain?.refusal === null) {
        await custody.rewrap(opened, passphrase);
        notice = `Outpost’s keys are now held by the ${options.keychain.backend} keychain.`;
      } else {
        notice = custody.keychainNotice();
      }
    }
    audit(how === 'login' ? 'session.login' : 'session.unlock');
    unlocked();
    return announce();
  };

  const handlers: SessionHandlers = {
    'session.state': async () => state(),
    'app.markings': async () => ({ marking: config.classification.marking, consent: config.consent.text }),
    'session.setup': ({ passphrase }) =>
      serialized(async () => {
        if (phase !== 'setup') throw new UserFacingError('Outpost already has a passphrase. Unlock with it, or change it once unlocked.');
        const legacy = setupLegacyKeys;
        const keys = legacy ?? newCacheKeys();
        await custody.create(passphrase, keys);
        if (legacy !== null) await custody.removeLegacyKeyFiles();
        await startCore(keys);
        notice = options.keychain?.refusal ?? null;
        audit('session.setup', { keyProtection: custody.protection(), importedOldKeyFiles: legacy !== null });
        unlocked();
        return announce();
      }),
    'session.unlock': ({ passphrase }) => serialized(() => unlockWith(passphrase, 'unlock')),
    'session.lock': () =>
      serialized(async () => {
        if (phase === 'unlocked') lock('manual');
        return announce();
      }),
    'session.activity': async () => {
      if (phase === 'unlocked') armIdleLock();
      return null;
    },
    'session.changePassphrase': ({ current, next }) =>
      serialized(async () => {
        requireUnlocked();
        const unwrapped = await verify(current, 'passphrase change');
        await custody.rewrap(unwrapped.current, next);
        audit('session.passphrase-changed');
        return announce();
      }),
    'session.setRole': ({ role, passphrase }) =>
      serialized(async () => {
        const open = requireUnlocked();
        await verify(passphrase, 'role change');
        const from = open.role();
        open.setRole(role);
        audit('session.role-changed', { from, to: role });
        return announce();
      }),
    'session.rekey': ({ passphrase }) => serialized(() => rekey(passphrase)),
  };

  const requireUnlocked = (): SessionCore => {
    if (phase !== 'unlocked' || core === null) throw new UserFacingError(LOCKED_SENTENCE);
    return core;
  };

  const rekey = async (passphrase: string): Promise<SessionState> => {
    requireUnlocked();
    const unwrapped = await verify(passphrase, 'key rotation');
    const next = await custody.stageNext(unwrapped.current, passphrase);
    lock('rekey');
    announce();
    await stopCore();
    try {
      rekeyDatabase({ file: options.cacheFile, key: unwrapped.current.databaseKey, nextKey: next.databaseKey, nativeBinding: options.nativeBinding });
    } catch (error) {
      // SQLite rolled the file back; opening it below finds the old key still fits, and keeps it.
      log.error('Re-encrypting the cache failed.', { error: String(error) });
    }
    let opened: CacheKeys;
    try {
      opened = await openCache({ current: unwrapped.current, next });
    } catch (error) {
      // The cache did not open again: the unlock screen asks once more, and says why if it fails again.
      lockReason = 'start';
      announce();
      throw error;
    }
    unlocked();
    if (opened !== next) {
      announce();
      throw new UserFacingError('Outpost could not re-encrypt the cache, so it kept the old key. The details are in the log; try again, and if it fails again keep the data folder for recovery.');
    }
    audit('session.rekey');
    return announce();
  };

  let setupLegacyKeys: CacheKeys | null = null;
  const start = await custody.atStart();
  if (start.kind === 'none') {
    if (start.legacy === null && existsSync(options.cacheFile)) {
      throw new UserFacingError(
        `The offline cache ${options.cacheFile} exists but its key file ${join(options.dataDir, 'keyring.json')} is missing. Restore the key file that belongs to this cache, ` +
          'or start Outpost with another data folder. Outpost will not create a new cache over the old one.',
      );
    }
    setupLegacyKeys = start.legacy;
    phase = 'setup';
    lockReason = null;
    notice = start.legacy === null ? custody.keychainNotice() : 'Outpost now wraps its keys with a passphrase. Choose one; the old plain key files will then be removed.';
  } else if (start.kind === 'opened') {
    await openCache(start.keys);
    audit('session.unlock', { by: 'keychain' });
    lockReason = null;
    // The idle lock still asks for the passphrase: the keychain only spares the analyst it at start.
    unlocked();
  } else {
    notice = start.notice;
  }

  const dispatch: Dispatch = async (method, args) => {
    if (isSessionMethodName(method)) {
      return invokeParsed(method, sessionMethods[method].args, args, handlers[method] as (args: unknown) => unknown, log);
    }
    if (phase !== 'unlocked' || core === null) return fail('locked', LOCKED_SENTENCE);
    return core.dispatch(method, args);
  };

  return {
    dispatch,
    subscribe: (listener: EventListener) => hub.subscribe(listener),
    state,
    async readTile(basemapId, z, x, y) {
      return requireUnlocked().readTile(basemapId, z, x, y);
    },
    async exportFile(name) {
      return phase === 'unlocked' && core !== null ? core.exportFile(name) : null;
    },
    login: (passphrase) =>
      serialized(async (): Promise<LoginOutcome> => {
        try {
          await unlockWith(passphrase, 'login');
          return { ok: true };
        } catch (error) {
          if (!(error instanceof UserFacingError)) throw error;
          const until = guard.attempts().lockedOutUntil;
          return { ok: false, message: error.message, lockedOutUntil: until !== null && until > clock.now() ? until : null };
        }
      }),
    async close() {
      cancelIdleLock?.();
      await serialized(stopCore);
    },
  };
}
