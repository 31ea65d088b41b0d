import type { Alert } from '../../shared/alerts';
import { SEVERITY_LABELS } from './alert-labels';

/** What the browser lets the page do, or 'unsupported' where it has no desktop notifications at all. */
export type NotificationAccess = NotificationPermission | 'unsupported';

function notificationApi(): typeof Notification | null {
  return typeof Notification === 'undefined' ? null : Notification;
}

export function notificationAccess(): NotificationAccess {
  return notificationApi()?.permission ?? 'unsupported';
}

/** Asks the browser, which shows its own prompt; only from the analyst's click, as browsers ignore a request on page load. */
export async function requestNotificationAccess(): Promise<NotificationAccess> {
  const api = notificationApi();
  return api === null ? 'unsupported' : api.requestPermission();
}

/** More critical alerts at once than this come as one notification, so a new rule that matches a crowd does not bury the desktop. */
export const MAX_SEPARATE_NOTIFICATIONS = 3;

/**
 * A desktop notification per critical alert, so an analyst looking at another window hears of
 * it; tagged with the alert's id, so the same alert never shows twice. A burst of them comes as
 * one that says how many. A click brings Outpost forward and shows the (first) alert.
 */
export function notifyCriticalAlerts(alerts: readonly Alert[], onClick: (alert: Alert) => void): void {
  const api = notificationApi();
  if (api === null || api.permission !== 'granted') return;
  const notify = (title: string, body: string, shown: Alert): void => {
    const notification = new api(title, { body, tag: shown.id });
    notification.onclick = () => {
      window.focus();
      onClick(shown);
    };
  };
  const critical = alerts.filter((alert) => alert.severity === 'critical');
  const [first] = critical;
  if (first !== undefined && critical.length > MAX_SEPARATE_NOTIFICATIONS) {
    notify(`${critical.length} critical alerts`, `${first.ruleName}: ${first.message} And ${critical.length - 1} more; see the Alerts tab.`, first);
    return;
  }
  for (const alert of critical) notify(`${SEVERITY_LABELS.critical} alert: ${alert.ruleName}`, alert.message, alert);
}
