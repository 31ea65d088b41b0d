import type { Role } from '../../shared/roles';
import type { KeyProtection } from '../../shared/session';

export const ROLE_LABELS: Record<Role, string> = { viewer: 'Viewer', operator: 'Operator', admin: 'Administrator' };

/** What each role may do, in the order of the roles: each may do everything the one before it may. */
export const ROLE_DUTIES: Record<Role, string> = {
  viewer: 'sees the picture, the cache and the alerts, and changes nothing',
  operator: 'also sends messages, works the alert queue and moves data on or off this machine',
  admin: 'also changes connections, rules, retention, basemaps and link budgets',
};

export function describeKeyProtection(protection: KeyProtection | null): string {
  switch (protection) {
    case 'keychain':
      return 'Held by the system keychain, and unlocked with your passphrase.';
    case 'passphrase':
      return 'Held by your passphrase alone: this system has no keychain Outpost can use.';
    case null:
      return 'Not known yet.';
  }
}
