import { z } from 'zod';
import type { MethodName } from './contract';

/** Local roles, each allowed everything the one before it is. */
export const ROLES = ['viewer', 'operator', 'admin'] as const;
export const RoleSchema = z.enum(ROLES);
export type Role = z.output<typeof RoleSchema>;

/**
 * The least role that may call each core method. A viewer only reads; an operator also sends,
 * works the alert queue and moves data on or off the machine; an administrator also changes what
 * every user shares: connections, rules, retention, basemaps and link budgets.
 */
export const METHOD_ROLES = {
  'app.status': 'viewer',
  'tracks.list': 'viewer',
  'tracks.history': 'viewer',
  'quarantine.list': 'viewer',
  'connections.status': 'viewer',
  'profiles.list': 'viewer',
  'profiles.save': 'admin',
  'profiles.remove': 'admin',
  // It reaches out to the brokers with the profile's stored credentials.
  'profiles.test': 'admin',
  'subscriptions.list': 'viewer',
  'subscriptions.add': 'admin',
  'subscriptions.remove': 'admin',
  'basemaps.list': 'viewer',
  'basemaps.add': 'admin',
  'basemaps.remove': 'admin',
  'outbox.enqueue': 'operator',
  'outbox.list': 'viewer',
  'outbox.counts': 'viewer',
  'outbox.cancel': 'operator',
  'outbox.retry': 'operator',
  'outbox.setPrecedence': 'operator',
  'outbox.edit': 'operator',
  'outbox.destinations': 'viewer',
  // A budget shapes a link every sender shares, so it is set like the connection itself.
  'outbox.setBudget': 'admin',
  'rules.list': 'viewer',
  'rules.save': 'admin',
  'rules.remove': 'admin',
  'rules.setEnabled': 'admin',
  // Replays the cache through an unsaved rule: it reads and changes nothing.
  'rules.testAgainstCache': 'viewer',
  'alerts.list': 'viewer',
  'alerts.counts': 'viewer',
  'alerts.acknowledge': 'operator',
  'alerts.resolve': 'operator',
  'review.range': 'viewer',
  'review.frame': 'viewer',
  'review.window': 'viewer',
  'review.trails': 'viewer',
  'review.alertMarks': 'viewer',
  'search.query': 'viewer',
  'search.saved.list': 'viewer',
  'search.saved.save': 'operator',
  'search.saved.remove': 'operator',
  'export.policy': 'viewer',
  // An export takes data off the machine.
  'export.start': 'operator',
  'import.start': 'operator',
  'import.sources': 'viewer',
  'jobs.list': 'viewer',
  'jobs.cancel': 'operator',
  'cache.stats': 'viewer',
  'cache.retention': 'viewer',
  'cache.setRetention': 'admin',
  'cache.pins.list': 'viewer',
  // A pin overrides retention.
  'cache.pins.add': 'admin',
  'cache.pins.remove': 'admin',
  'cache.compact': 'admin',
  'forwarding.list': 'viewer',
  // A rule decides what leaves for the cloud and spends the link, as a connection does.
  'forwarding.save': 'admin',
  'forwarding.remove': 'admin',
  // Holding or releasing a rule's traffic is the operator's call when the link is short.
  'forwarding.setPaused': 'operator',
  // Reads the cache and queues nothing.
  'forwarding.dryRun': 'viewer',
} as const satisfies Record<MethodName, Role>;

export function roleRank(role: Role): number {
  return ROLES.indexOf(role);
}

export function mayCall(role: Role, method: MethodName): boolean {
  return roleRank(role) >= roleRank(METHOD_ROLES[method]);
}
