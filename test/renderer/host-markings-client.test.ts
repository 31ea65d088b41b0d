import { describe, expect, it } from 'vitest';
import { hostMarkingsClient } from '../../renderer/security/host-markings-client';

/** A page whose host answers /markings with `body`, or cannot be reached when body is an Error. */
function pageAnswering(body: unknown): { readonly scope: Pick<Window, 'fetch'>; readonly asked: string[] } {
  const asked: string[] = [];
  const scope = {
    fetch: async (path: string) => {
      asked.push(path);
      if (body instanceof Error) throw body;
      return { json: async () => body };
    },
  } as unknown as Pick<Window, 'fetch'>;
  return { scope, asked };
}

describe('Given a page not yet logged in, asking its host for the marking', () => {
  it('When the host answers, Then the marking and notice come back parsed', async () => {
    const page = pageAnswering({ ok: true, value: { marking: 'SECRET', consent: 'Monitored system.' } });
    expect(await hostMarkingsClient(page.scope).call('app.markings', {})).toEqual({ ok: true, value: { marking: 'SECRET', consent: 'Monitored system.' } });
    expect(page.asked).toEqual(['/markings']);
  });

  it('When the host answers something else, Then it is a failure with a sentence, not a marking', async () => {
    const answer = await hostMarkingsClient(pageAnswering({ ok: true, value: { marking: 7 } }).scope).call('app.markings', {});
    expect(answer).toEqual({ ok: false, error: { code: 'failed', message: 'The host’s marking could not be read.' } });
  });

  it('When the host cannot be reached, Then the sentence says what to check', async () => {
    const answer = await hostMarkingsClient(pageAnswering(new Error('offline')).scope).call('app.markings', {});
    expect(answer).toMatchObject({ ok: false, error: { message: /could not reach its host .* Check the address and the network, then reload\./ } });
  });

  it('When anything else is asked, Then it is refused until the login', async () => {
    const page = pageAnswering({});
    expect(await hostMarkingsClient(page.scope).call('tracks.list', {})).toEqual({ ok: false, error: { code: 'failed', message: 'Log in first.' } });
    expect(page.asked).toEqual([]);
  });
});
