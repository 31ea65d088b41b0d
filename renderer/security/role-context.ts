import { createContext, useContext } from 'react';
import type { MethodName } from '../../shared/contract';
import { mayCall, type Role } from '../../shared/roles';

/**
 * The role the session grants, provided at the app's root so each control can hide itself when
 * the core would refuse it. The core checks every call whatever is shown; hiding only spares the
 * analyst a refusal. Alone, as in a component test, a control shows as for an administrator.
 */
export const RoleContext = createContext<Role>('admin');

export function useMayCall(method: MethodName): boolean {
  return mayCall(useContext(RoleContext), method);
}
