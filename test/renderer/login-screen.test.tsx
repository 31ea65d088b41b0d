// @vitest-environment jsdom
import { afterEach, describe, expect, it, vi } from 'vitest';
import type { LoginScope } from '../../renderer/security/login-request';
import { LoginScreen } from '../../renderer/security/LoginScreen';
import { aRootPerTest, byTestId, enter, has, settle } from './support/dom';

const NOW = Date.UTC(2026, 10, 26, 14, 0, 0);
const PASSPHRASE = 'correct horse battery staple';

interface Posted {
  readonly url: string;
  readonly init: RequestInit;
}

/** A web host's /login that answers every post with one status and body; it records what was posted and where the page went. */
function webHost(status: number, body: unknown) {
  const posted: Posted[] = [];
  const visited: string[] = [];
  const scope: LoginScope = {
    fetch: async (url, init) => {
      posted.push({ url, init });
      return new Response(JSON.stringify(body), { status, headers: { 'content-type': 'application/json' } });
    },
    location: { replace: (url) => visited.push(url) },
  };
  return { scope, posted, visited };
}

describe('Given the web page is opened from another machine without a token', () => {
  const root = aRootPerTest();
  afterEach(() => vi.useRealTimers());

  const signIn = async (host: ReturnType<typeof webHost>) => {
    await settle(() => root.current.render(<LoginScreen scope={host.scope} />));
    await settle(() => enter('login-passphrase', PASSPHRASE));
    await settle(() => byTestId('login-submit').click());
  };

  it('When it opens, Then a dialog asks for the passphrase with focus in the field', async () => {
    await settle(() => root.current.render(<LoginScreen scope={webHost(200, {}).scope} />));
    expect(byTestId('login-screen').getAttribute('role')).toBe('dialog');
    expect(document.activeElement).toBe(byTestId('login-passphrase'));
  });

  it('When the passphrase is right, Then it is posted as JSON to /login and the page opens again with the token', async () => {
    const host = webHost(200, { token: 'tok/en+1' });
    await signIn(host);
    expect(host.posted.map(({ url, init }) => [url, init.method, init.body])).toEqual([['/login', 'POST', JSON.stringify({ passphrase: PASSPHRASE })]]);
    expect(host.visited).toEqual(['/?token=tok%2Fen%2B1']);
  });

  it('When the passphrase is wrong, Then the host’s sentence shows and the page stays', async () => {
    const host = webHost(401, { message: 'That passphrase is wrong. 2 tries left.' });
    await signIn(host);
    expect(byTestId('login-passphrase-error').textContent).toBe('That passphrase is wrong. 2 tries left.');
    expect((byTestId('login-passphrase') as HTMLInputElement).value).toBe('');
    expect(host.visited).toEqual([]);
  });

  it('When the host has locked logins out, Then its sentence shows and the field waits out the countdown', async () => {
    vi.useFakeTimers({ toFake: ['Date', 'setInterval', 'clearInterval'], now: NOW });
    const host = webHost(429, { message: 'Too many wrong passphrases. Try again in 5 minutes.', lockedOutUntil: NOW + 5 * 60_000 });
    await signIn(host);
    expect(byTestId('login-passphrase-error').textContent).toBe('Too many wrong passphrases. Try again in 5 minutes.');
    expect((byTestId('login-passphrase') as HTMLInputElement).disabled).toBe(true);
    expect(byTestId('lockout-countdown').textContent).toBe('5:00');

    await settle(() => vi.advanceTimersByTime(5 * 60_000));
    expect(has('lockout')).toBe(false);
    expect((byTestId('login-passphrase') as HTMLInputElement).disabled).toBe(false);
  });

  it('When the host cannot be reached, Then it says what to check', async () => {
    const host = webHost(200, {});
    const unreachable: LoginScope = { ...host.scope, fetch: () => Promise.reject(new TypeError('Failed to fetch')) };
    await settle(() => root.current.render(<LoginScreen scope={unreachable} />));
    await settle(() => enter('login-passphrase', PASSPHRASE));
    await settle(() => byTestId('login-submit').click());
    expect(byTestId('login-passphrase-error').textContent).toBe(
      'Outpost did not answer. Check that it is still running and that this machine can reach it, then try again.',
    );
  });
});
