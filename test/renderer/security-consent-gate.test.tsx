// @vitest-environment jsdom
import { describe, expect, it } from 'vitest';
import type { Markings } from '../../shared/marking';
import { fail, ok } from '../../shared/result';
import type { Client } from '../../renderer/client';
import { MarkedView } from '../../renderer/security/MarkedView';
import { aRootPerTest, byTestId, has, settle } from './support/dom';
import { fakeClient } from './support/fake-client';

const NOTICE = 'You are accessing an information system provided for authorised use only.\n\nBy using it you consent to monitoring.';

function markingsHost(markings: Markings) {
  return fakeClient((method) => (method === 'app.markings' ? ok(markings) : undefined));
}

function View({ client }: { readonly client: Client }) {
  return (
    <MarkedView client={client}>
      <div className="app">
        <button type="button" data-testid="app-button">
          Map
        </button>
      </div>
    </MarkedView>
  );
}

/** Presses a key where focus is, as a keyboard would; true when nothing cancelled it. */
function press(key: string, options: { readonly shiftKey?: boolean } = {}): boolean {
  const target = document.activeElement ?? document.body;
  return target.dispatchEvent(new KeyboardEvent('keydown', { key, shiftKey: options.shiftKey ?? false, bubbles: true, cancelable: true }));
}

describe('Given a site with a consent notice', () => {
  const root = aRootPerTest();
  const open = () => settle(() => root.current.render(<View client={markingsHost({ marking: 'UNCLASSIFIED', consent: NOTICE }).client} />));

  it('When Outpost starts, Then a modal dialog shows the notice with focus inside it, and the app behind it is inert', async () => {
    await open();
    const dialog = byTestId('consent-gate');
    expect([dialog.getAttribute('role'), dialog.getAttribute('aria-modal')]).toEqual(['dialog', 'true']);
    expect(document.getElementById(dialog.getAttribute('aria-labelledby') ?? '')?.textContent).toBe('Notice and consent');
    expect(byTestId('consent-text').textContent).toBe(NOTICE);
    expect(dialog.contains(document.activeElement)).toBe(true);
    expect(byTestId('consent-gated').hasAttribute('inert')).toBe(true);
  });

  it('When Escape is pressed, Then the notice stays and the key goes no further', async () => {
    await open();
    let reachedWindow = false;
    const listener = (): void => {
      reachedWindow = true;
    };
    window.addEventListener('keydown', listener);
    const notCancelled = press('Escape');
    window.removeEventListener('keydown', listener);
    await settle();

    expect(notCancelled).toBe(false);
    expect(reachedWindow).toBe(false);
    expect(has('consent-gate')).toBe(true);
  });

  it('When Tab and Shift+Tab reach the ends of the dialog, Then focus wraps round inside it', async () => {
    await open();
    byTestId('consent-acknowledge').focus();
    expect(press('Tab')).toBe(false);
    expect(document.activeElement).toBe(byTestId('consent-text'));
    expect(press('Tab', { shiftKey: true })).toBe(false);
    expect(document.activeElement).toBe(byTestId('consent-acknowledge'));
  });

  it('When focus lands on the app behind the notice, Then it is taken back to the dialog', async () => {
    await open();
    await settle(() => byTestId('app-button').focus());
    expect(byTestId('consent-gate').contains(document.activeElement)).toBe(true);
  });

  it('When the notice is acknowledged, Then it closes and the app becomes usable', async () => {
    await open();
    await settle(() => byTestId('consent-acknowledge').click());
    expect(has('consent-gate')).toBe(false);
    expect(byTestId('consent-gated').hasAttribute('inert')).toBe(false);
  });

  it('When Outpost starts again after an acknowledgement, Then the notice is asked for again and nothing was stored', async () => {
    await open();
    await settle(() => byTestId('consent-acknowledge').click());
    await settle(() => root.current.render(<div />));
    await open();
    expect(has('consent-gate')).toBe(true);
    expect([localStorage.length, sessionStorage.length]).toEqual([0, 0]);
  });
});

describe('Given a site with no consent notice', () => {
  const root = aRootPerTest();

  it('When Outpost starts, Then no dialog is shown and the app is usable at once', async () => {
    await settle(() => root.current.render(<View client={markingsHost({ marking: 'UNCLASSIFIED', consent: null }).client} />));
    expect(has('consent-gate')).toBe(false);
    expect(byTestId('consent-gated').hasAttribute('inert')).toBe(false);
  });
});

describe('Given the markings cannot be read', () => {
  const root = aRootPerTest();

  it('When Outpost starts, Then it stays locked and says what went wrong and what to do', async () => {
    const host = fakeClient((method) => (method === 'app.markings' ? fail('failed', 'The core did not answer.') : undefined));
    await settle(() => root.current.render(<View client={host.client} />));

    const dialog = byTestId('markings-unreadable');
    expect(dialog.getAttribute('role')).toBe('dialog');
    expect(dialog.textContent).toContain('could not read this site’s classification marking and consent notice, so it stays locked: The core did not answer. Restart Outpost');
    expect(byTestId('consent-gated').hasAttribute('inert')).toBe(true);
    expect(press('Escape')).toBe(false);
    expect(has('markings-unreadable')).toBe(true);
  });
});
