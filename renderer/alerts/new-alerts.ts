import type { AlertCounts } from '../../shared/alerts';
import { formatCount } from '../connections/figures';

/** "3 new alerts, 1 critical": what the badge and the status bar say in words. */
export function describeNewAlerts(counts: AlertCounts): string {
  const alerts = `${formatCount(counts.new)} new ${counts.new === 1 ? 'alert' : 'alerts'}`;
  return counts.newCritical === 0 ? alerts : `${alerts}, ${formatCount(counts.newCritical)} critical`;
}

export type NewAlertsLevel = 'critical' | 'some' | 'none';

/** How loud the new alerts are: critical when any is, so the badge turns red for one critical among many. */
export function newAlertsLevel(counts: AlertCounts): NewAlertsLevel {
  if (counts.newCritical > 0) return 'critical';
  return counts.new > 0 ? 'some' : 'none';
}
