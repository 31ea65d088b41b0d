import type { AlertState } from '../../shared/alerts';
import type { Severity } from '../../shared/rules';

export const SEVERITY_LABELS: Readonly<Record<Severity, string>> = {
  critical: 'Critical',
  warning: 'Warning',
  info: 'Info',
};

/**
 * A shape per severity as well as a colour, so the three tell apart for an analyst who does not
 * see the colours, and on a display washed out by sunlight.
 */
export const SEVERITY_SYMBOLS: Readonly<Record<Severity, string>> = {
  critical: '▲',
  warning: '◆',
  info: '●',
};

export const ALERT_STATE_LABELS: Readonly<Record<AlertState, string>> = {
  new: 'new',
  acknowledged: 'acknowledged',
  resolved: 'resolved',
};
