// @vitest-environment jsdom
import { describe, expect, it } from 'vitest';
import type { Client } from '../../renderer/client';
import { StatusBar } from '../../renderer/components/StatusBar';
import { SecurityPanel } from '../../renderer/security/SecurityPanel';
import { SessionGate } from '../../renderer/security/SessionGate';
import type { SessionState } from '../../shared/session';
import { aLockedSession, anUnlockedSession, RIGHT_PASSPHRASE, sessionHost } from './support/session-host';
import { aRootPerTest, byTestId, enter, has, settle } from './support/dom';

const NEW_PASSPHRASE = 'a brand new passphrase';
const REFUSAL = 'That passphrase is wrong. Nothing was changed.';

function Unlocked({ client }: { readonly client: Client }) {
  return (
    <SessionGate client={client}>
      {(session) => (
        <div className="app" data-testid="app">
          <SecurityPanel client={client} session={session} />
          <StatusBar status={null} connections={[]} trackCount={0} outboxQueued={null} alertCounts={null} problem={null} onLock={() => void session.lock()} />
        </div>
      )}
    </SessionGate>
  );
}

const typed = (fields: Record<string, string>) =>
  settle(() => {
    for (const [testId, value] of Object.entries(fields)) enter(testId, value);
  });
const click = (testId: string) => settle(() => byTestId(testId).click());
const valueOf = (testId: string): string => (byTestId(testId) as HTMLInputElement).value;

describe('Given the Security tab of an unlocked session', () => {
  const root = aRootPerTest();
  const open = async (state: SessionState = anUnlockedSession()) => {
    const host = sessionHost(state, { refusal: REFUSAL });
    await settle(() => root.current.render(<Unlocked client={host.client} />));
    return host;
  };

  it('When it opens, Then it shows the role and who holds the cache’s keys', async () => {
    await open(anUnlockedSession({ role: 'operator', keyProtection: 'keychain' }));
    expect(byTestId('security-role').textContent).toBe('Operator');
    expect(byTestId('security-key-protection').textContent).toBe('Held by the system keychain, and unlocked with your passphrase.');
  });

  it('When the keys are held by the passphrase alone, Then it says so', async () => {
    await open(anUnlockedSession({ keyProtection: 'passphrase' }));
    expect(byTestId('security-key-protection').textContent).toContain('Held by your passphrase alone');
  });

  it('When a new passphrase is too short or typed differently twice, Then it says which and sends nothing', async () => {
    const host = await open();
    await typed({ 'passphrase-current': RIGHT_PASSPHRASE, 'passphrase-next': 'too short', 'passphrase-confirmation': 'too short' });
    await click('passphrase-change');
    expect(byTestId('passphrase-next-error').textContent).toBe('Use at least 12 characters; this one has 9.');

    await typed({ 'passphrase-next': NEW_PASSPHRASE, 'passphrase-confirmation': `${NEW_PASSPHRASE}.` });
    await click('passphrase-change');
    expect(byTestId('passphrase-confirmation-error').textContent).toBe('The two passphrases differ. Type the same passphrase in both fields.');
    expect(host.calls('session.changePassphrase')).toEqual([]);
  });

  it('When the current passphrase is wrong, Then the core’s sentence shows', async () => {
    const host = await open();
    await typed({ 'passphrase-current': 'a guess', 'passphrase-next': NEW_PASSPHRASE, 'passphrase-confirmation': NEW_PASSPHRASE });
    await click('passphrase-change');
    expect(host.calls('session.changePassphrase')).toEqual([{ current: 'a guess', next: NEW_PASSPHRASE }]);
    expect(byTestId('passphrase-outcome').textContent).toBe(REFUSAL);
  });

  it('When the passphrase is changed, Then the core gets the current and the new one, and the fields are emptied', async () => {
    const host = await open();
    await typed({ 'passphrase-current': RIGHT_PASSPHRASE, 'passphrase-next': NEW_PASSPHRASE, 'passphrase-confirmation': NEW_PASSPHRASE });
    await click('passphrase-change');
    expect(host.calls('session.changePassphrase')).toEqual([{ current: RIGHT_PASSPHRASE, next: NEW_PASSPHRASE }]);
    expect(byTestId('passphrase-outcome').textContent).toBe('The passphrase is changed. Use the new one from now on.');
    expect(['passphrase-current', 'passphrase-next', 'passphrase-confirmation'].map(valueOf)).toEqual(['', '', '']);
  });

  it('When the role is changed with the passphrase, Then the core gets the role and the passphrase, and the tab shows the new role', async () => {
    const host = await open(anUnlockedSession({ role: 'admin' }));
    expect(byTestId('role-panel-explanation').textContent).toContain('checks it on every request');
    await typed({ 'role-choice': 'viewer', 'role-passphrase': RIGHT_PASSPHRASE });
    await click('role-change');
    expect(host.calls('session.setRole')).toEqual([{ role: 'viewer', passphrase: RIGHT_PASSPHRASE }]);
    expect(byTestId('role-outcome').textContent).toBe('This installation now works as Viewer.');
    expect(byTestId('security-role').textContent).toBe('Viewer');
  });

  it('When the role change is refused, Then the core’s sentence shows and the role stays', async () => {
    await open(anUnlockedSession({ role: 'admin' }));
    await typed({ 'role-choice': 'operator', 'role-passphrase': 'a guess' });
    await click('role-change');
    expect(byTestId('role-outcome').textContent).toBe(REFUSAL);
    expect(byTestId('security-role').textContent).toBe('Administrator');
  });

  it('When the cache key is rotated, Then it asks to confirm first, then the core gets the passphrase and the outcome shows once Outpost is open again', async () => {
    const host = sessionHost(anUnlockedSession());
    // The core locks for the rotation before it answers, which closes the app and this tab with it.
    const lockingFirst: Client = {
      ...host.client,
      call: ((method, args) => {
        if (method === 'session.rekey') host.emit('session.changed', aLockedSession({ lockReason: 'rekey' }));
        return host.client.call(method, args);
      }) as Client['call'],
    };
    await settle(() => root.current.render(<Unlocked client={lockingFirst} />));
    await typed({ 'rekey-passphrase': RIGHT_PASSPHRASE });
    await click('rekey');
    expect(host.calls('session.rekey')).toEqual([]);

    await click('rekey-confirm');
    expect(host.calls('session.rekey')).toEqual([{ passphrase: RIGHT_PASSPHRASE }]);
    expect(byTestId('rekey-outcome').textContent).toBe('The cache is now encrypted under a new key.');
  });

  it('When rotating the cache key is refused, Then the core’s sentence shows', async () => {
    await open();
    await typed({ 'rekey-passphrase': 'a guess' });
    await click('rekey');
    await click('rekey-confirm');
    expect(byTestId('rekey-outcome').textContent).toBe(REFUSAL);
  });

  it('When Lock is pressed in the status bar, Then the core locks and the app gives way to the unlock dialog', async () => {
    const host = await open();
    await click('lock');
    expect(host.calls('session.lock')).toEqual([{}]);
    expect(has('app')).toBe(false);
    expect(byTestId('lock-reason').textContent).toContain('You locked Outpost.');
    expect(host.state).toEqual(aLockedSession({ lockReason: 'manual' }));
  });
});
