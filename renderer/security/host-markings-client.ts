import { callableMethods } from '../../shared/contract';
import { fail } from '../../shared/result';
import { MARKINGS_PATH } from '../../shared/web-paths';
import { ResultSchema } from '../../shared/wire';
import type { Client } from '../client';

/**
 * The one thing a page not yet logged in may ask the host: its marking and consent notice, so the
 * login screen is marked and the notice is acknowledged before the passphrase is asked for.
 */
export function hostMarkingsClient(scope: Pick<Window, 'fetch'>): Client {
  return {
    async call(method) {
      if (method !== 'app.markings') return fail('failed', 'Log in first.');
      try {
        const raw = ResultSchema.safeParse(await (await scope.fetch(MARKINGS_PATH, { cache: 'no-store' })).json());
        if (!raw.success) return fail('failed', 'The host’s marking could not be read.');
        if (!raw.data.ok) return raw.data;
        const markings = callableMethods['app.markings'].result.safeParse(raw.data.value);
        return markings.success ? { ok: true, value: markings.data } : fail('failed', 'The host’s marking could not be read.');
      } catch {
        return fail('failed', 'Outpost could not reach its host to read the site’s marking. Check the address and the network, then reload.');
      }
    },
    on: () => () => undefined,
  } as Client;
}
