import type { Alert, AlertStep } from '../../shared/alerts';
import { formatUtcDateTime, formatUtcTime } from '../connections/figures';

/** When the alert was raised, and who moved it on, when, and what they noted. */
export function AlertHistory({ alert }: { readonly alert: Alert }) {
  return (
    <details className="alert-history">
      <summary>History</summary>
      <ol data-testid="alert-history">
        <li>
          <StepTime at={alert.raisedAt} /> raised
        </li>
        {alert.acknowledged === null ? null : <StepEntry what="acknowledged" step={alert.acknowledged} />}
        {alert.resolved === null ? null : <StepEntry what="resolved" step={alert.resolved} />}
      </ol>
    </details>
  );
}

function StepEntry({ what, step }: { readonly what: string; readonly step: AlertStep }) {
  return (
    <li data-testid={`alert-history-${what}`}>
      <StepTime at={step.at} /> {what} by <span className="alert-history-by">{step.by}</span>
      {step.note === null ? null : <span className="alert-history-note">: {step.note}</span>}
    </li>
  );
}

function StepTime({ at }: { readonly at: number }) {
  return (
    <time dateTime={new Date(at).toISOString()} title={formatUtcDateTime(at)}>
      {formatUtcTime(at)}
    </time>
  );
}
