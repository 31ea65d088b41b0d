import { z } from 'zod';
import { LOGIN_PATH } from '../../shared/web-paths';

/** What the login screen needs of the window: tests stand in for both. */
export interface LoginScope {
  readonly fetch: (input: string, init: RequestInit) => Promise<Response>;
  readonly location: { replace(url: string): void };
}

export type LoginAnswer =
  | { readonly kind: 'admitted'; readonly token: string }
  | { readonly kind: 'refused'; readonly message: string; readonly lockedOutUntil: number | null };

const AdmittedSchema = z.object({ token: z.string().min(1) });
const RefusedSchema = z.object({ message: z.string().min(1), lockedOutUntil: z.number().int().nonnegative().nullish() });

const UNREACHABLE = 'Outpost did not answer. Check that it is still running and that this machine can reach it, then try again.';
const UNREADABLE = 'Outpost’s answer could not be read. Reload the page and try again.';

export async function requestLogin(scope: LoginScope, passphrase: string): Promise<LoginAnswer> {
  let response: Response;
  try {
    response = await scope.fetch(LOGIN_PATH, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({ passphrase }),
      credentials: 'same-origin',
    });
  } catch {
    return refused(UNREACHABLE);
  }
  const body: unknown = await response.json().catch(() => null);
  if (response.ok) {
    const admitted = AdmittedSchema.safeParse(body);
    return admitted.success ? { kind: 'admitted', token: admitted.data.token } : refused(UNREADABLE);
  }
  const refusal = RefusedSchema.safeParse(body);
  return refusal.success ? refused(refusal.data.message, refusal.data.lockedOutUntil ?? null) : refused(UNREADABLE);
}

function refused(message: string, lockedOutUntil: number | null = null): LoginAnswer {
  return { kind: 'refused', message, lockedOutUntil };
}

/** The page again with the token, where the usual start moves it out of the address bar. */
export function pageWithToken(token: string): string {
  return `/?token=${encodeURIComponent(token)}`;
}
