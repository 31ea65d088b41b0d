import type { AlertCounts } from '../../shared/alerts';
import { formatCount } from '../connections/figures';
import { describeNewAlerts, newAlertsLevel } from './new-alerts';

/** The unread count on the Alerts tab: hidden while nothing is new, red while anything new is critical. */
export function AlertBadge({ counts }: { readonly counts: AlertCounts | null }) {
  if (counts === null || counts.new === 0) return null;
  const level = newAlertsLevel(counts);
  return (
    <span className={`tab-badge level-${level}`} data-testid="alerts-badge" data-level={level} title={describeNewAlerts(counts)}>
      <span aria-hidden="true">{formatCount(counts.new)}</span>
      {/* Read after the tab's own name, as "Alerts: 3 new alerts, 1 critical". */}
      <span className="visually-hidden">: {describeNewAlerts(counts)}</span>
    </span>
  );
}
