import { useContext } from 'react';
import type { MethodName } from '../../shared/contract';
import { mayCall, METHOD_ROLES } from '../../shared/roles';
import { RoleContext } from '../security/role-context';

interface RoleNoteProps {
  /** What the role may not do, as it reads after "may not": "send messages". */
  readonly action: string;
}

/** Said where a form the role may not use would be, so its absence reads as the role and not a fault. */
export function RoleNote({ action }: RoleNoteProps) {
  const role = useContext(RoleContext);
  return (
    <p className="role-note" data-testid="role-note">
      Your role, {role}, may not {action}.
    </p>
  );
}

/**
 * The title for a control left in view but disabled because the role may not call `method`, such
 * as a switch whose state is worth seeing; undefined when the role may call it.
 */
export function useRoleRefusalTitle(method: MethodName, action: string): string | undefined {
  const role = useContext(RoleContext);
  return mayCall(role, method) ? undefined : `Your role, ${role}, may not ${action}; that needs the ${METHOD_ROLES[method]} role.`;
}
