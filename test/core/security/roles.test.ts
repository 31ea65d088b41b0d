import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { methods, type MethodName } from '../../../shared/contract';
import { OutpostConfigSchema } from '../../../shared/config';
import { fail } from '../../../shared/result';
import { METHOD_ROLES, ROLES, type Role } from '../../../shared/roles';
import { createCore, type Core } from '../../../electron/core';
import { createDispatcher, type Dispatch, type Handlers } from '../../../electron/core/dispatcher';
import { refusalFor, roleCheckedDispatch } from '../../../electron/core/security/role-checked-dispatch';
import { anOutboxDraft } from '../../builders/outbox-draft-builder';
import { sourceIngestWorker } from '../../support/ingest-worker';
import { manualClock } from '../../support/manual-clock';
import { memorySecrets } from '../../support/memory-secrets';
import { recordingLog } from '../../support/recording-log';
import { makeTempDir } from '../../support/temp-dir';

const ALL_METHODS = Object.keys(methods) as MethodName[];
const methodsNeeding = (role: Role): MethodName[] => ALL_METHODS.filter((method) => METHOD_ROLES[method] === role);
const aProfile = { id: 'edge', name: 'Edge', brokers: ['broker.example:9092'] };

/** Stand-in handlers that only note which of them ran. */
function standIns(): { handlers: Handlers; called: MethodName[] } {
  const called: MethodName[] = [];
  const handlers = Object.fromEntries(
    ALL_METHODS.map((method) => [
      method,
      () => {
        called.push(method);
        return 'ran';
      },
    ]),
  ) as unknown as Handlers;
  return { handlers, called };
}

function dispatcherFor(role: Role): { dispatch: Dispatch; called: MethodName[] } {
  const { handlers, called } = standIns();
  return { dispatch: roleCheckedDispatch(createDispatcher(handlers, recordingLog()), () => role), called };
}

describe('Given the role map', () => {
  it('When compared with the contract, Then every method has exactly one least role', () => {
    expect(Object.keys(METHOD_ROLES).sort()).toEqual([...ALL_METHODS].sort());
    for (const role of Object.values(METHOD_ROLES)) expect(ROLES).toContain(role);
  });

  it('When a default config is parsed, Then the installation works as an administrator', () => {
    expect(OutpostConfigSchema.parse({}).security.role).toBe('admin');
  });
});

describe('Given a viewer', () => {
  it.each([...methodsNeeding('operator'), ...methodsNeeding('admin')])(
    'When %s is called, Then it is refused as forbidden with a sentence naming the role needed, and its handler never runs',
    async (method) => {
      const { dispatch, called } = dispatcherFor('viewer');
      const result = await dispatch(method, {});
      expect(result).toEqual(fail('forbidden', refusalFor('viewer', method)));
      expect(refusalFor('viewer', method)).toMatch(new RegExp(`^Your role, viewer, may not .+; that needs the ${METHOD_ROLES[method]} role, so ask an administrator\\.$`));
      expect(called).toEqual([]);
    },
  );

  it('When connections are changed, Then the sentence says so', () => {
    expect(refusalFor('viewer', 'profiles.save')).toBe('Your role, viewer, may not change or test connections; that needs the admin role, so ask an administrator.');
  });

  it('When every read is made, Then none is refused', async () => {
    const { dispatch } = dispatcherFor('viewer');
    for (const method of methodsNeeding('viewer')) {
      const result = await dispatch(method, {});
      expect(result.ok || result.error.code, method).not.toBe('forbidden');
    }
  });
});

describe('Given an operator', () => {
  it('When a message is sent, Then its handler runs', async () => {
    const { dispatch, called } = dispatcherFor('operator');
    expect(await dispatch('outbox.enqueue', { draft: anOutboxDraft() })).toEqual({ ok: true, value: 'ran' });
    expect(called).toEqual(['outbox.enqueue']);
  });

  it('When a connection is changed, Then it is refused and its handler never runs', async () => {
    const { dispatch, called } = dispatcherFor('operator');
    expect(await dispatch('profiles.save', { profile: aProfile })).toEqual(
      fail('forbidden', 'Your role, operator, may not change or test connections; that needs the admin role, so ask an administrator.'),
    );
    expect(called).toEqual([]);
  });
});

describe('Given an administrator', () => {
  it('When every method is called, Then none is refused', async () => {
    const { dispatch } = dispatcherFor('admin');
    for (const method of ALL_METHODS) {
      const result = await dispatch(method, {});
      expect(result.ok || result.error.code, method).not.toBe('forbidden');
    }
  });

  it('When a connection is changed, Then its handler runs', async () => {
    const { dispatch, called } = dispatcherFor('admin');
    expect(await dispatch('profiles.save', { profile: aProfile })).toEqual({ ok: true, value: 'ran' });
    expect(called).toEqual(['profiles.save']);
  });
});

describe('Given a core configured for a viewer', () => {
  let dir: ReturnType<typeof makeTempDir>;
  let core: Core;
  let secrets: ReturnType<typeof memorySecrets>;

  /** The same cache, opened by a core whose config names `role`. */
  const openCore = (role: Role): Promise<Core> =>
    createCore({
      dataDir: dir.path,
      config: OutpostConfigSchema.parse({ security: { role } }),
      secrets,
      clock: manualClock(),
      log: recordingLog(),
      ingestWorker: sourceIngestWorker,
    });

  beforeEach(async () => {
    dir = makeTempDir();
    secrets = memorySecrets();
    core = await openCore('viewer');
  });
  afterEach(async () => {
    await core.close();
    dir.remove();
  });

  it('When a profile is saved, Then the core refuses it and keeps only the profiles it had', async () => {
    const before = await core.dispatch('profiles.list', {});
    expect(await core.dispatch('profiles.save', { profile: aProfile })).toEqual(
      fail('forbidden', 'Your role, viewer, may not change or test connections; that needs the admin role, so ask an administrator.'),
    );
    expect(await core.dispatch('profiles.list', {})).toEqual(before);
  });

  it('When the role is read, Then it is the one the config gave the new cache', () => {
    expect(core.role()).toBe('viewer');
  });

  it('When the session changes the role, Then the next call is checked against the new one and a restart keeps it', async () => {
    core.setRole('admin');
    expect(await core.dispatch('profiles.save', { profile: aProfile })).toMatchObject({ ok: true });
    await core.close();
    core = await openCore('viewer');
    expect(core.role()).toBe('admin');
  });

  it('When the config is later edited to say admin, Then the cache keeps the role it started with', async () => {
    await core.close();
    core = await openCore('admin');
    expect(core.role()).toBe('viewer');
    expect(await core.dispatch('profiles.save', { profile: aProfile })).toMatchObject({ ok: false, error: { code: 'forbidden' } });
  });
});
