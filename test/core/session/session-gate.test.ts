import { existsSync, readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { OutpostConfigSchema, type OutpostConfigInput } from '../../../shared/config';
import type { EventPayload } from '../../../shared/contract';
import { fail, ok } from '../../../shared/result';
import { openSession, type Session } from '../../../electron/core/session/session-gate';
import type { HostKeychain } from '../../../electron/core/vault/host-keychain';
import { fakeCores, type FakeCores } from '../../support/fake-session-core';
import { manualClock, type ManualClock } from '../../support/manual-clock';
import { recordingLog } from '../../support/recording-log';
import { makeTempDir } from '../../support/temp-dir';

const PASSPHRASE = 'correct horse battery staple';
const WRONG = 'incorrect horse battery staple';
/** The lowest cost the keyring accepts: the tests check behaviour, not the work factor. */
const TEST_COST = 2 ** 10;
const MINUTE = 60_000;

/** A keychain that XORs with a per-backend byte: enough to tell backends apart and to fail on the wrong one. */
function aKeychain(backend: string, refusal: string | null = null): HostKeychain {
  const mask = backend.length;
  const flip = (bytes: Buffer): Buffer => Buffer.from(bytes.map((byte) => byte ^ mask));
  return { backend, refusal, encrypt: (plain) => Buffer.concat([Buffer.from(backend), flip(plain)]), decrypt: (sealed) => {
    if (!sealed.subarray(0, backend.length).equals(Buffer.from(backend))) throw new Error('not this keychain');
    return flip(sealed.subarray(backend.length));
  } };
}

describe('Given a data folder and the session in front of the core', () => {
  let dir: ReturnType<typeof makeTempDir>;
  let clock: ManualClock;
  let cores: FakeCores;
  let sessions: Session[];
  let changes: EventPayload<'session.changed'>[];

  const open = async (options: { keychain?: HostKeychain | null; config?: OutpostConfigInput } = {}): Promise<Session> => {
    const session = await openSession({
      dataDir: dir.path,
      config: OutpostConfigSchema.parse(options.config ?? {}),
      clock,
      log: recordingLog(),
      keychain: options.keychain ?? null,
      cacheFile: join(dir.path, 'cache.db'),
      openCore: (secrets) => cores.open(secrets),
      actor: 'analyst',
      passphraseCost: TEST_COST,
    });
    session.subscribe((event, payload) => {
      if (event === 'session.changed') changes.push(payload as EventPayload<'session.changed'>);
    });
    sessions.push(session);
    return session;
  };
  const setUp = async (options: Parameters<typeof open>[0] = {}): Promise<Session> => {
    const session = await open(options);
    expect(await session.dispatch('session.setup', { passphrase: PASSPHRASE })).toMatchObject({ ok: true });
    return session;
  };
  const restart = async (session: Session, options: Parameters<typeof open>[0] = {}): Promise<Session> => {
    await session.close();
    return open(options);
  };

  beforeEach(() => {
    dir = makeTempDir();
    clock = manualClock();
    cores = fakeCores();
    sessions = [];
    changes = [];
  });
  afterEach(async () => {
    for (const session of sessions) await session.close();
    dir.remove();
  });

  describe('When Outpost starts for the first time', () => {
    it('Then it asks for a passphrase, opens nothing, and refuses core calls as locked', async () => {
      const session = await open();
      expect(session.state()).toMatchObject({ phase: 'setup', role: null, keyProtection: null });
      expect(cores.opened).toEqual([]);
      expect(await session.dispatch('tracks.list', {})).toEqual(fail('locked', 'Outpost is locked. Enter the passphrase to unlock it.'));
    });

    it('Then the marking and consent notice still answer, so the lock screen carries them', async () => {
      const session = await open({ config: { classification: { marking: 'SECRET' } } });
      expect(await session.dispatch('app.markings', {})).toEqual(ok({ marking: 'SECRET', consent: null }));
    });

    it('Then a passphrase shorter than twelve characters is refused with the rule', async () => {
      const session = await open();
      const answer = await session.dispatch('session.setup', { passphrase: 'short' });
      expect(answer).toMatchObject({ ok: false, error: { code: 'bad-arguments' } });
      expect(!answer.ok && answer.error.message).toMatch(/at least 12 characters/);
    });

    it('Then setting the passphrase writes a keyring holding only wrapped keys, opens the core and records it', async () => {
      const session = await setUp();
      expect(session.state()).toMatchObject({ phase: 'unlocked', role: 'admin', keyProtection: 'passphrase' });
      expect(readdirSync(dir.path).sort()).toEqual(['keyring.json']);
      const keyring = readFileSync(join(dir.path, 'keyring.json'), 'utf8');
      const key = cores.opened[0]!.databaseKey!;
      expect(key).toMatch(/^[0-9a-f]{64}$/);
      expect(keyring).not.toContain(key);
      expect(keyring).not.toContain(Buffer.from(key, 'hex').toString('base64'));
      expect(cores.audit.map((event) => event.action)).toEqual(['session.setup']);
    });
  });

  describe('When Outpost restarts with a keyring', () => {
    it('Then it starts locked and opens the same cache key with the passphrase', async () => {
      const key = (await setUp(), cores.opened[0]!.databaseKey);
      const session = await restart(sessions[0]!);
      expect(session.state()).toMatchObject({ phase: 'locked', lockReason: 'start', keyProtection: 'passphrase' });
      expect(await session.dispatch('session.unlock', { passphrase: PASSPHRASE })).toMatchObject({ ok: true, value: { phase: 'unlocked' } });
      expect(cores.opened.at(-1)!.databaseKey).toBe(key);
      expect(await session.dispatch('tracks.list', {})).toEqual(ok('core answered tracks.list'));
    });

    it('Then a wrong passphrase is refused with the tries left, counted, and audited once the cache opens', async () => {
      const session = await restart(await setUp());
      expect(await session.dispatch('session.unlock', { passphrase: WRONG })).toEqual(
        fail('failed', 'That passphrase is wrong. 2 more wrong tries lock Outpost for 5 minutes.'),
      );
      expect(session.state()).toMatchObject({ phase: 'locked', failedAttempts: 1 });
      expect(changes.at(-1)).toMatchObject({ failedAttempts: 1 });
      const attemptedAt = clock.now();
      clock.advance(MINUTE);
      await session.dispatch('session.unlock', { passphrase: PASSPHRASE });
      expect(cores.audit.map((event) => event.action)).toEqual(['session.setup', 'session.unlock-failed', 'session.unlock']);
      expect(cores.audit[1]!.details).toEqual({ for: 'unlock', failedAttempts: 1, attemptedAt });
      expect(session.state().failedAttempts).toBe(0);
    });

    it('Then three wrong passphrases lock out every try, even the right one, until the time has passed', async () => {
      const session = await restart(await setUp());
      for (let i = 0; i < 2; i += 1) await session.dispatch('session.unlock', { passphrase: WRONG });
      expect(await session.dispatch('session.unlock', { passphrase: WRONG })).toEqual(
        fail('failed', 'That passphrase is wrong, 3 times in a row, so Outpost refuses every passphrase for the next 5 minutes.'),
      );
      expect(session.state().lockedOutUntil).toBe(clock.now() + 5 * MINUTE);
      clock.advance(4 * MINUTE);
      expect(await session.dispatch('session.unlock', { passphrase: PASSPHRASE })).toEqual(
        fail('failed', 'Outpost is refusing passphrases after 3 wrong ones in a row. Try again in 1 minute; this try was not counted.'),
      );
      expect(session.state().phase).toBe('locked');
      clock.advance(MINUTE);
      expect(await session.dispatch('session.unlock', { passphrase: PASSPHRASE })).toMatchObject({ ok: true, value: { phase: 'unlocked', lockedOutUntil: null } });
    });

    it('Then a restart during a lockout keeps it', async () => {
      let session = await restart(await setUp());
      for (let i = 0; i < 3; i += 1) await session.dispatch('session.unlock', { passphrase: WRONG });
      session = await restart(session);
      expect(session.state().lockedOutUntil).toBe(clock.now() + 5 * MINUTE);
      expect(await session.dispatch('session.unlock', { passphrase: PASSPHRASE })).toMatchObject({ ok: false });
    });

    it('Then the lockout follows the site’s settings', async () => {
      const config = { security: { lockoutAfterFailures: 5, lockoutMinutes: 30 } };
      const session = await restart(await setUp({ config }), { config });
      for (let i = 0; i < 4; i += 1) await session.dispatch('session.unlock', { passphrase: WRONG });
      expect(await session.dispatch('session.unlock', { passphrase: WRONG })).toEqual(
        fail('failed', 'That passphrase is wrong, 5 times in a row, so Outpost refuses every passphrase for the next 30 minutes.'),
      );
    });

    it('Then a missing keyring beside an existing cache is refused, and nothing is created', async () => {
      writeFileSync(join(dir.path, 'cache.db'), 'an existing cache');
      await expect(open()).rejects.toThrow(/exists but its key file .*keyring\.json is missing\. Restore the key file/);
      expect(existsSync(join(dir.path, 'keyring.json'))).toBe(false);
    });

    it('Then a keyring edited by hand is refused with a sentence, never replaced', async () => {
      await (await setUp()).close();
      const file = join(dir.path, 'keyring.json');
      writeFileSync(file, readFileSync(file, 'utf8').replace('"scrypt"', '"pbkdf2"'));
      await expect(open()).rejects.toThrow(/key file .*keyring\.json is damaged or was edited .* Restore the key file from your backup/);
      expect(readFileSync(file, 'utf8')).toContain('"pbkdf2"');
    });

    it('Then a keyring whose wrapped keys were altered reads as a wrong passphrase and opens nothing', async () => {
      await (await setUp()).close();
      const file = join(dir.path, 'keyring.json');
      const keyring = JSON.parse(readFileSync(file, 'utf8')) as { current: { passphrase: { sealed: string } } };
      const sealed = Buffer.from(keyring.current.passphrase.sealed, 'base64');
      sealed[0] = sealed[0]! ^ 1;
      keyring.current.passphrase.sealed = sealed.toString('base64');
      writeFileSync(file, JSON.stringify(keyring));
      const session = await open();
      expect(await session.dispatch('session.unlock', { passphrase: PASSPHRASE })).toMatchObject({ ok: false, error: { message: /passphrase is wrong/ } });
      expect(cores.opened).toHaveLength(1);
    });
  });

  describe('When the analyst steps away', () => {
    it('Then the session locks after the idle time, refuses core calls, and says why', async () => {
      const session = await setUp();
      clock.advance(15 * MINUTE - 1);
      expect(session.state().phase).toBe('unlocked');
      clock.advance(1);
      expect(session.state()).toMatchObject({ phase: 'locked', lockReason: 'idle' });
      expect(changes.at(-1)).toMatchObject({ phase: 'locked', lockReason: 'idle' });
      expect(await session.dispatch('outbox.list', {})).toMatchObject({ ok: false, error: { code: 'locked' } });
      expect(cores.opened[0]!.closed).toBe(false);
    });

    it('Then nothing the core tells reaches the screens until the session is unlocked again', async () => {
      const session = await setUp();
      const heard: string[] = [];
      session.subscribe((event) => heard.push(event));
      const core = cores.opened[0]!;
      core.emit('tracks.removed', { uids: ['before'] });
      await session.dispatch('session.lock', {});
      core.emit('tracks.removed', { uids: ['while locked'] });
      await session.dispatch('session.unlock', { passphrase: PASSPHRASE });
      core.emit('tracks.removed', { uids: ['after'] });
      expect(heard).toEqual(['tracks.removed', 'session.changed', 'session.changed', 'tracks.removed']);
    });

    it('Then activity holds the lock off, and the idle time is the site’s', async () => {
      const session = await setUp({ config: { security: { idleLockMinutes: 2 } } });
      for (let i = 0; i < 5; i += 1) {
        clock.advance(MINUTE + 30_000);
        expect(await session.dispatch('session.activity', {})).toEqual(ok(null));
      }
      expect(session.state().phase).toBe('unlocked');
      clock.advance(2 * MINUTE);
      expect(session.state().phase).toBe('locked');
    });

    it('Then unlocking after idle takes the passphrase and keeps the same core running', async () => {
      const session = await setUp();
      await session.dispatch('session.lock', {});
      expect(session.state()).toMatchObject({ phase: 'locked', lockReason: 'manual' });
      expect(await session.dispatch('session.activity', {})).toEqual(ok(null));
      expect(session.state().phase).toBe('locked');
      expect(await session.dispatch('session.unlock', { passphrase: PASSPHRASE })).toMatchObject({ ok: true, value: { phase: 'unlocked' } });
      expect(cores.opened).toHaveLength(1);
    });
  });

  describe('When the role or the passphrase changes', () => {
    it('Then the role changes only with the passphrase, is audited, and a wrong one counts toward the lockout', async () => {
      const session = await setUp();
      expect(await session.dispatch('session.setRole', { role: 'viewer', passphrase: WRONG })).toMatchObject({ ok: false });
      expect(session.state()).toMatchObject({ role: 'admin', failedAttempts: 1 });
      expect(await session.dispatch('session.setRole', { role: 'viewer', passphrase: PASSPHRASE })).toMatchObject({ ok: true, value: { role: 'viewer' } });
      expect(cores.audit.at(-1)).toEqual({ actor: 'analyst', action: 'session.role-changed', subject: 'session', details: { from: 'admin', to: 'viewer' } });
    });

    it('Then a role change is refused while locked', async () => {
      const session = await setUp();
      await session.dispatch('session.lock', {});
      expect(await session.dispatch('session.setRole', { role: 'viewer', passphrase: PASSPHRASE })).toEqual(
        fail('failed', 'Outpost is locked. Enter the passphrase to unlock it.'),
      );
    });

    it('Then a new passphrase opens the same keys and the old one no longer does', async () => {
      const session = await setUp();
      const next = 'a new and longer passphrase';
      expect(await session.dispatch('session.changePassphrase', { current: PASSPHRASE, next })).toMatchObject({ ok: true });
      const restarted = await restart(session);
      expect(await restarted.dispatch('session.unlock', { passphrase: PASSPHRASE })).toMatchObject({ ok: false });
      expect(await restarted.dispatch('session.unlock', { passphrase: next })).toMatchObject({ ok: true });
      expect(cores.opened.at(-1)!.databaseKey).toBe(cores.opened[0]!.databaseKey);
    });
  });

  describe('When the host has a system keychain', () => {
    it('Then the keys are wrapped for it too, and a restart opens without the passphrase but the idle lock still asks for it', async () => {
      const keychain = aKeychain('gnome_libsecret');
      await setUp({ keychain });
      expect(sessions[0]!.state().keyProtection).toBe('keychain');
      const session = await restart(sessions[0]!, { keychain });
      expect(session.state()).toMatchObject({ phase: 'unlocked', keyProtection: 'keychain', notice: null });
      expect(cores.opened.at(-1)!.databaseKey).toBe(cores.opened[0]!.databaseKey);
      clock.advance(15 * MINUTE);
      expect(session.state().phase).toBe('locked');
      expect(await session.dispatch('session.unlock', { passphrase: WRONG })).toMatchObject({ ok: false });
    });

    it('Then a changed keychain backend is explained, the passphrase opens, and the keys move to the new backend', async () => {
      await setUp({ keychain: aKeychain('gnome_libsecret') });
      const moved = aKeychain('kwallet5');
      let session = await restart(sessions[0]!, { keychain: moved });
      expect(session.state()).toMatchObject({ phase: 'locked', lockReason: 'start' });
      expect(session.state().notice).toBe(
        'The system keychain changed from gnome_libsecret to kwallet5, so it cannot open Outpost’s keys. Enter the passphrase; Outpost will then hold the keys in kwallet5.',
      );
      expect(await session.dispatch('session.unlock', { passphrase: PASSPHRASE })).toMatchObject({
        ok: true,
        value: { notice: 'Outpost’s keys are now held by the kwallet5 keychain.' },
      });
      session = await restart(session, { keychain: moved });
      expect(session.state().phase).toBe('unlocked');
    });

    it('Then Electron’s basic_text fallback is refused: no keychain slot is written and the passphrase is needed at every start', async () => {
      const refusal = 'no secret service';
      await setUp({ keychain: aKeychain('basic_text', refusal) });
      expect(sessions[0]!.state()).toMatchObject({ keyProtection: 'passphrase', notice: refusal });
      const keyring = JSON.parse(readFileSync(join(dir.path, 'keyring.json'), 'utf8')) as { current: { keychain: unknown } };
      expect(keyring.current.keychain).toBeNull();
      const session = await restart(sessions[0]!, { keychain: aKeychain('basic_text', refusal) });
      expect(session.state()).toMatchObject({ phase: 'locked', notice: refusal });
    });
  });

  describe('When an older Outpost left plain key files', () => {
    it('Then setup wraps those keys, opens the old cache with them, and destroys the files', async () => {
      const databaseKey = 'ab'.repeat(32);
      const sealingKey = 'cd'.repeat(32);
      writeFileSync(join(dir.path, 'cache.key'), `${databaseKey}\n`);
      writeFileSync(join(dir.path, 'secrets.key'), `${sealingKey}\n`);
      writeFileSync(join(dir.path, 'cache.db'), 'the old cache');
      const session = await open();
      expect(session.state()).toMatchObject({ phase: 'setup', notice: expect.stringMatching(/old plain key files will then be removed/) });
      await session.dispatch('session.setup', { passphrase: PASSPHRASE });
      expect(cores.opened[0]!.databaseKey).toBe(databaseKey);
      expect(existsSync(join(dir.path, 'cache.key'))).toBe(false);
      expect(existsSync(join(dir.path, 'secrets.key'))).toBe(false);
      expect(cores.audit[0]).toMatchObject({ action: 'session.setup', details: { importedOldKeyFiles: true } });
    });
  });

  describe('When a remote browser logs in', () => {
    it('Then the passphrase is checked even while the session is open, and the login is audited', async () => {
      const session = await setUp();
      expect(await session.login(WRONG)).toMatchObject({ ok: false, message: /passphrase is wrong/ });
      expect(await session.login(PASSPHRASE)).toEqual({ ok: true });
      expect(cores.audit.map((event) => event.action)).toEqual(['session.setup', 'session.unlock-failed', 'session.login']);
    });

    it('Then a session with no passphrase yet cannot be logged into', async () => {
      const session = await open();
      expect(await session.login(PASSPHRASE)).toEqual({
        ok: false,
        message: 'Outpost has no passphrase yet. Set it up on the machine it runs on, then log in.',
        lockedOutUntil: null,
      });
    });

    it('Then the right passphrase unlocks, and a lockout reports until when', async () => {
      const session = await restart(await setUp());
      expect(await session.login(WRONG)).toEqual({ ok: false, message: 'That passphrase is wrong. 2 more wrong tries lock Outpost for 5 minutes.', lockedOutUntil: null });
      await session.login(WRONG);
      expect(await session.login(WRONG)).toMatchObject({ ok: false, lockedOutUntil: clock.now() + 5 * MINUTE });
      clock.advance(5 * MINUTE);
      expect(await session.login(PASSPHRASE)).toEqual({ ok: true });
      expect(session.state().phase).toBe('unlocked');
    });
  });
});
