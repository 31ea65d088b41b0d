import { userInfo } from 'node:os';

/** The login name, for the alerts' history and the audit trail; a machine without one still gets a readable name. */
export function operatorName(): string {
  try {
    return userInfo().username || 'analyst';
  } catch {
    return 'analyst';
  }
}
