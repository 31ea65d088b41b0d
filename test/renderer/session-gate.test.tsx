// @vitest-environment jsdom
import { useContext } from 'react';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { fail, ok } from '../../shared/result';
import type { Client } from '../../renderer/client';
import { MarkedView } from '../../renderer/security/MarkedView';
import { RoleContext } from '../../renderer/security/role-context';
import { SessionGate } from '../../renderer/security/SessionGate';
import { aRootPerTest, byTestId, enter, has, settle } from './support/dom';
import { aLockedSession, aSessionToSetUp, anUnlockedSession, RIGHT_PASSPHRASE, sessionHost } from './support/session-host';

const NOW = Date.UTC(2026, 10, 26, 14, 0, 0);

function ShownRole() {
  return <span data-testid="app-role">{useContext(RoleContext)}</span>;
}

function Gated({ client }: { readonly client: Client }) {
  return (
    <SessionGate client={client}>
      {() => (
        <div className="app" data-testid="app">
          <ShownRole />
        </div>
      )}
    </SessionGate>
  );
}

const input = (testId: string): HTMLInputElement => byTestId(testId) as HTMLInputElement;

describe('Given Outpost starts for the first time on this machine', () => {
  const root = aRootPerTest();
  const open = async () => {
    const host = sessionHost(aSessionToSetUp());
    await settle(() => root.current.render(<Gated client={host.client} />));
    return host;
  };
  const setUp = (passphrase: string, confirmation: string) =>
    settle(() => {
      enter('setup-passphrase', passphrase);
      enter('setup-confirmation', confirmation);
    }).then(() => settle(() => byTestId('setup-submit').click()));

  it('When it opens, Then a dialog asks for a new passphrase, states the length rule, and shows no app', async () => {
    await open();
    const dialog = byTestId('setup-screen');
    expect(dialog.getAttribute('role')).toBe('dialog');
    expect(dialog.textContent).toContain('At least 12 characters');
    expect(dialog.contains(document.activeElement)).toBe(true);
    expect(has('app')).toBe(false);
  });

  it('When the passphrase is too short, Then it says so and nothing is sent', async () => {
    const host = await open();
    await setUp('short one', 'short one');
    expect(byTestId('setup-passphrase-error').textContent).toBe('Use at least 12 characters; this one has 9.');
    expect(host.calls('session.setup')).toEqual([]);
  });

  it('When the two typings differ, Then it says so and nothing is sent', async () => {
    const host = await open();
    await setUp(RIGHT_PASSPHRASE, `${RIGHT_PASSPHRASE}!`);
    expect(byTestId('setup-confirmation-error').textContent).toBe('The two passphrases differ. Type the same passphrase in both fields.');
    expect(host.calls('session.setup')).toEqual([]);
  });

  it('When a long enough passphrase is typed twice, Then the core sets it up and the app opens with the role it grants', async () => {
    const host = await open();
    await setUp(RIGHT_PASSPHRASE, RIGHT_PASSPHRASE);
    expect(host.calls('session.setup')).toEqual([{ passphrase: RIGHT_PASSPHRASE }]);
    expect(has('setup-screen')).toBe(false);
    expect(byTestId('app-role').textContent).toBe('admin');
  });
});

describe('Given Outpost is locked', () => {
  const root = aRootPerTest();
  afterEach(() => vi.useRealTimers());

  const open = async (state = aLockedSession()) => {
    const host = sessionHost(state);
    await settle(() => root.current.render(<Gated client={host.client} />));
    return host;
  };
  const unlockWith = (passphrase: string) =>
    settle(() => enter('unlock-passphrase', passphrase)).then(() => settle(() => byTestId('unlock-submit').click()));

  it('When it opens, Then the unlock dialog says why it is locked, has focus in the passphrase field, and the app is not there', async () => {
    await open(aLockedSession({ lockReason: 'idle', idleLockMinutes: 10 }));
    expect(byTestId('lock-reason').textContent).toBe('Outpost locked itself after 10 minutes without use. Your data is safe. Enter the passphrase to open it.');
    expect(document.activeElement).toBe(byTestId('unlock-passphrase'));
    expect(has('app')).toBe(false);
  });

  it('When Tab leaves the last control, Then focus wraps round to the passphrase field, and Escape does not close the dialog', async () => {
    await open();
    byTestId('unlock-submit').focus();
    const tab = new KeyboardEvent('keydown', { key: 'Tab', bubbles: true, cancelable: true });
    expect(byTestId('unlock-submit').dispatchEvent(tab)).toBe(false);
    expect(document.activeElement).toBe(byTestId('unlock-passphrase'));

    const escape = new KeyboardEvent('keydown', { key: 'Escape', bubbles: true, cancelable: true });
    expect(byTestId('unlock-passphrase').dispatchEvent(escape)).toBe(false);
    await settle();
    expect(has('unlock-screen')).toBe(true);
  });

  it('When the core has a notice, Then the unlock dialog shows it', async () => {
    await open(aLockedSession({ notice: 'The system keychain changed since Outpost last ran.' }));
    expect(byTestId('session-notice').textContent).toBe('The system keychain changed since Outpost last ran.');
  });

  it('When a wrong passphrase is entered, Then the core’s sentence shows, the field is emptied, and the app stays closed', async () => {
    const host = await open();
    await unlockWith('not the passphrase');
    expect(host.calls('session.unlock')).toEqual([{ passphrase: 'not the passphrase' }]);
    expect(byTestId('unlock-passphrase-error').textContent).toBe('That passphrase is wrong. 2 tries left before Outpost locks for 5 minutes.');
    expect(input('unlock-passphrase').value).toBe('');
    expect(has('app')).toBe(false);
  });

  it('When the field is empty, Then it asks for the passphrase without trying one', async () => {
    const host = await open();
    await settle(() => byTestId('unlock-submit').click());
    expect(byTestId('unlock-passphrase-error').textContent).toBe('Enter the passphrase.');
    expect(host.calls('session.unlock')).toEqual([]);
  });

  it('When the right passphrase is entered, Then the app opens with the session’s role', async () => {
    await open();
    await unlockWith(RIGHT_PASSPHRASE);
    expect(has('unlock-screen')).toBe(false);
    expect(byTestId('app-role').textContent).toBe('operator');
  });

  it('When too many wrong passphrases lock it out, Then the field waits with a countdown and opens again when the time comes', async () => {
    vi.useFakeTimers({ toFake: ['Date', 'setInterval', 'clearInterval'], now: NOW });
    const host = await open(aLockedSession({ failedAttempts: 2 }));
    expect(byTestId('failed-attempts').textContent).toBe('2 wrong passphrases have been entered since Outpost was last unlocked.');

    await settle(() => host.emit('session.changed', aLockedSession({ failedAttempts: 3, lockedOutUntil: NOW + 5 * 60_000 })));
    expect(input('unlock-passphrase').disabled).toBe(true);
    expect((byTestId('unlock-submit') as HTMLButtonElement).disabled).toBe(true);
    expect(byTestId('lockout-countdown').textContent).toBe('5:00');
    expect(byTestId('lockout').textContent).toContain('at 2026-11-26 14:05:00Z');

    await settle(() => vi.advanceTimersByTime(4 * 60_000 + 59_000));
    expect(byTestId('lockout-countdown').textContent).toBe('0:01');
    expect(input('unlock-passphrase').disabled).toBe(true);

    await settle(() => vi.advanceTimersByTime(1_000));
    expect(has('lockout')).toBe(false);
    expect(input('unlock-passphrase').disabled).toBe(false);
  });

  it('When the core starts rotating the cache key, Then a calm notice replaces the passphrase field until it is done', async () => {
    const host = await open(anUnlockedSession());
    await settle(() => host.emit('session.changed', aLockedSession({ lockReason: 'rekey' })));
    expect(byTestId('rekey-screen').textContent).toContain('opens again by itself when it is done');
    expect(has('unlock-passphrase')).toBe(false);
    expect(has('app')).toBe(false);

    await settle(() => host.emit('session.changed', anUnlockedSession()));
    expect(has('app')).toBe(true);
  });
});

describe('Given Outpost is unlocked', () => {
  const root = aRootPerTest();

  it('When the core locks it, Then the app is taken off the screen at once and comes back after the unlock', async () => {
    const host = sessionHost(anUnlockedSession({ role: 'viewer' }));
    await settle(() => root.current.render(<Gated client={host.client} />));
    expect(byTestId('app-role').textContent).toBe('viewer');

    await settle(() => host.emit('session.changed', aLockedSession({ lockReason: 'idle' })));
    expect(has('app')).toBe(false);
    expect(has('unlock-screen')).toBe(true);

    await settle(() => enter('unlock-passphrase', RIGHT_PASSPHRASE));
    await settle(() => byTestId('unlock-submit').click());
    expect(has('app')).toBe(true);
  });

  it('When the core changes the role, Then the app follows it', async () => {
    const host = sessionHost(anUnlockedSession({ role: 'admin' }));
    await settle(() => root.current.render(<Gated client={host.client} />));
    await settle(() => host.emit('session.changed', anUnlockedSession({ role: 'viewer' })));
    expect(byTestId('app-role').textContent).toBe('viewer');
  });
});

describe('Given a site with a consent notice and a locked session', () => {
  const root = aRootPerTest();

  it('When Outpost starts, Then the notice comes first, and the unlock dialog only once it is acknowledged', async () => {
    const markings = { marking: 'UNCLASSIFIED', consent: 'Authorised use only.' };
    const host = sessionHost(aLockedSession(), { others: (method) => (method === 'app.markings' ? ok(markings) : undefined) });
    await settle(() =>
      root.current.render(
        <MarkedView client={host.client}>
          <Gated client={host.client} />
        </MarkedView>,
      ),
    );
    expect(has('consent-gate')).toBe(true);
    expect(has('unlock-screen')).toBe(false);

    await settle(() => byTestId('consent-acknowledge').click());
    expect(has('unlock-screen')).toBe(true);
    expect(byTestId('classification-banner-top').textContent).toBe('UNCLASSIFIED');
  });
});

describe('Given the session cannot be read', () => {
  const root = aRootPerTest();

  it('When Outpost starts, Then it says so, and trying again reads it', async () => {
    let answers = 0;
    const host = sessionHost(aLockedSession());
    const flaky = {
      ...host.client,
      call: ((method, args) => {
        if (method === 'session.state' && answers++ === 0) return Promise.resolve(fail('failed', 'The core did not answer.'));
        return host.client.call(method, args);
      }) as Client['call'],
    };
    await settle(() => root.current.render(<Gated client={flaky} />));
    expect(byTestId('session-unreadable').textContent).toContain('Outpost could not learn whether its cache is locked: The core did not answer.');

    await settle(() => byTestId('session-retry').click());
    expect(has('unlock-screen')).toBe(true);
  });
});
