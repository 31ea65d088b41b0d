// @vitest-environment jsdom
import { act } from 'react';
import { createRoot, type Root } from 'react-dom/client';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import type { Profile } from '../../shared/connections';
import { createClient } from '../../renderer/client';
import { ProfileForm } from '../../renderer/connections/ProfileForm';

// Tells React this is a test, so it applies updates inside act() without warning.
(globalThis as { IS_REACT_ACT_ENVIRONMENT?: boolean }).IS_REACT_ACT_ENVIRONMENT = true;

interface SentCall {
  readonly method: string;
  readonly args: unknown;
}

const savedProfile: Profile = {
  id: 'edge',
  name: 'Edge broker',
  brokers: ['localhost:9092'],
  clientId: 'outpost',
  groupId: null,
  tls: null,
  sasl: { mechanism: 'plain', username: 'analyst', hasPassword: true },
  enabled: true,
};

/** A real client over a fake transport, so answers are parsed against the contract as in the app. */
function clientAnswering(answer: unknown) {
  const sent: SentCall[] = [];
  const client = createClient(
    {
      call: async (method, args) => {
        sent.push({ method, args });
        return answer;
      },
      onEvent: () => () => undefined,
      acknowledge: () => undefined,
    },
    () => undefined,
  );
  return { client, sent };
}

function typeInto(testId: string, value: string): void {
  const element = byTestId(testId) as HTMLInputElement | HTMLTextAreaElement;
  const prototype = element instanceof HTMLTextAreaElement ? HTMLTextAreaElement.prototype : HTMLInputElement.prototype;
  act(() => {
    Object.getOwnPropertyDescriptor(prototype, 'value')?.set?.call(element, value);
    element.dispatchEvent(new Event('input', { bubbles: true }));
  });
}

function byTestId(testId: string): HTMLElement {
  const element = document.querySelector<HTMLElement>(`[data-testid="${testId}"]`);
  if (element === null) throw new Error(`Nothing on the page has data-testid="${testId}".`);
  return element;
}

async function clickAndSettle(testId: string): Promise<void> {
  await act(async () => {
    byTestId(testId).click();
    await new Promise((resolve) => setTimeout(resolve, 0));
  });
}

describe('Given the profile form on the page', () => {
  let root: Root;
  let saved: Profile[];

  beforeEach(() => {
    const container = document.createElement('div');
    document.body.append(container);
    root = createRoot(container);
    saved = [];
  });

  afterEach(() => {
    act(() => root.unmount());
    document.body.innerHTML = '';
  });

  it('When a new profile with a login is saved, Then the core gets the password once and the form keeps no copy of it', async () => {
    const { client, sent } = clientAnswering({ ok: true, value: savedProfile });
    act(() => root.render(<ProfileForm client={client} editing={null} onSaved={(profile) => saved.push(profile)} onCancel={() => undefined} />));
    typeInto('profile-id', 'edge');
    typeInto('profile-name', 'Edge broker');
    typeInto('profile-brokers', 'localhost:9092');
    act(() => byTestId('profile-use-sasl').click());
    typeInto('profile-sasl-username', 'analyst');
    typeInto('profile-sasl-password', 'correct horse');

    await clickAndSettle('save-profile');

    expect(sent).toEqual([{ method: 'profiles.save', args: { profile: expect.objectContaining({ sasl: { mechanism: 'plain', username: 'analyst', password: 'correct horse' } }) } }]);
    expect(saved).toEqual([savedProfile]);
    expect((byTestId('profile-sasl-password') as HTMLInputElement).value).toBe('');
  });

  it('When required fields are missing, Then each says what to enter and nothing is sent', async () => {
    const { client, sent } = clientAnswering({ ok: true, value: savedProfile });
    act(() => root.render(<ProfileForm client={client} editing={null} onSaved={(profile) => saved.push(profile)} onCancel={() => undefined} />));
    typeInto('profile-id', 'Edge');

    await clickAndSettle('save-profile');

    expect(byTestId('profile-id-error').textContent).toBe('A profile id is 1–40 lowercase letters, digits or dashes.');
    expect(byTestId('profile-name-error').textContent).toBe('Enter a name.');
    expect(byTestId('profile-brokers-error').textContent).toBe('Name at least one broker.');
    expect(byTestId('profile-name').getAttribute('aria-invalid')).toBe('true');
    expect(sent).toEqual([]);
  });

  it('When the core refuses the save, Then its sentence is shown as it is and the form stays open', async () => {
    const message = 'The profile could not be saved because the cache is read-only; free some disk space and try again.';
    const { client } = clientAnswering({ ok: false, error: { code: 'failed', message } });
    act(() => root.render(<ProfileForm client={client} editing={savedProfile} onSaved={(profile) => saved.push(profile)} onCancel={() => undefined} />));

    await clickAndSettle('save-profile');

    expect(byTestId('profile-form-error').textContent).toBe(message);
    expect(saved).toEqual([]);
  });

  it('When a profile with a stored password is edited and the password left blank, Then the form says it is kept and sends none', async () => {
    const { client, sent } = clientAnswering({ ok: true, value: savedProfile });
    act(() => root.render(<ProfileForm client={client} editing={savedProfile} onSaved={(profile) => saved.push(profile)} onCancel={() => undefined} />));
    expect(document.querySelector('[data-testid="profile-id"]')).toBeNull();
    expect(document.getElementById('profile-sasl-password-hint')?.textContent).toBe('A password is stored; leave blank to keep it.');

    await clickAndSettle('save-profile');

    expect(sent).toEqual([{ method: 'profiles.save', args: { profile: expect.objectContaining({ id: 'edge', sasl: { mechanism: 'plain', username: 'analyst', password: undefined } }) } }]);
  });
});
