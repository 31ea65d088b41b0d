import { isMethodName, type MethodName } from '../../../shared/contract';
import { fail } from '../../../shared/result';
import { METHOD_ROLES, mayCall, type Role } from '../../../shared/roles';
import type { Dispatch } from '../dispatcher';

/** What each area's refused calls would have done, for the sentence the analyst reads. */
const REFUSED_ACTIONS: Partial<Record<string, string>> = {
  profiles: 'change or test connections',
  subscriptions: 'change subscriptions',
  basemaps: 'add or remove basemaps',
  outbox: 'send or change outbound messages',
  rules: 'change rules',
  alerts: 'acknowledge or resolve alerts',
  search: 'save or remove searches',
  export: 'export from the cache',
  import: 'import files',
  jobs: 'cancel jobs',
  cache: 'change the cache’s retention, pins or size',
  forwarding: 'change or pause forwarding rules',
};

export function refusalFor(role: Role, method: MethodName): string {
  const action = REFUSED_ACTIONS[method.slice(0, method.indexOf('.'))] ?? `call ${method}`;
  return `Your role, ${role}, may not ${action}; that needs the ${METHOD_ROLES[method]} role, so ask an administrator.`;
}

/**
 * The one place the core enforces roles, whatever the renderer shows: a call the role may not
 * make is refused before its arguments are parsed or its handler runs.
 */
export function roleCheckedDispatch(dispatch: Dispatch, currentRole: () => Role): Dispatch {
  return async (method, args) => {
    const role = currentRole();
    if (isMethodName(method) && !mayCall(role, method)) return fail('forbidden', refusalFor(role, method));
    return dispatch(method, args);
  };
}
