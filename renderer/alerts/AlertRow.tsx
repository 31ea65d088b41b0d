import { useState } from 'react';
import type { Alert } from '../../shared/alerts';
import type { Profile } from '../../shared/connections';
import type { Client } from '../client';
import { useMayCall } from '../security/role-context';
import { formatUtcDateTime } from '../connections/figures';
import { formatAge } from '../format/age';
import { formatLatLon } from '../map/tools/coordinates';
import { ALERT_STATE_LABELS, SEVERITY_LABELS, SEVERITY_SYMBOLS } from './alert-labels';
import { AlertHistory } from './AlertHistory';
import { AlertStepForm, type StepAction } from './AlertStepForm';
import { ForwardAlertForm } from './ForwardAlertForm';

/** The one inline form a row may have open. */
export type AlertRowForm = StepAction | 'forward';

interface AlertRowProps {
  readonly client: Client;
  readonly alert: Alert;
  readonly now: number;
  /** For forwarding; null until profiles.list has answered. */
  readonly profiles: readonly Profile[] | null;
  /** The form open on this row, if any: only one is open in the whole list. */
  readonly openForm: AlertRowForm | null;
  readonly onOpenForm: (form: AlertRowForm | null) => void;
  readonly onChanged: (alert: Alert) => void;
  /** Flies the map to where it happened; offered only for an alert with a place. */
  readonly onShow: (alert: Alert) => void;
}

export function AlertRow({ client, alert, now, profiles, openForm, onOpenForm, onChanged, onShow }: AlertRowProps) {
  const [busy, setBusy] = useState(false);
  const [problem, setProblem] = useState<string | null>(null);
  const [forwarded, setForwarded] = useState(false);
  const mayAcknowledge = useMayCall('alerts.acknowledge');
  const mayResolve = useMayCall('alerts.resolve');
  const mayForward = useMayCall('outbox.enqueue');
  const who = alert.callsign ?? alert.subject;
  const place = alert.lat === null || alert.lon === null ? null : { lat: alert.lat, lon: alert.lon };

  const takeStep = async (step: StepAction, note: string | null): Promise<void> => {
    setBusy(true);
    setProblem(null);
    const result = await client.call(step === 'acknowledge' ? 'alerts.acknowledge' : 'alerts.resolve', { id: alert.id, note });
    setBusy(false);
    if (!result.ok) {
      setProblem(result.error.message);
      return;
    }
    onOpenForm(null);
    onChanged(result.value);
  };

  const open = (form: AlertRowForm): void => {
    setProblem(null);
    setForwarded(false);
    onOpenForm(form);
  };

  const summary = (
    <>
      <span className="alert-who" data-testid="alert-who">
        {who}
      </span>
      <span className="alert-message" data-testid="alert-message">
        {alert.message}
      </span>
    </>
  );

  return (
    <li
      className={`alert-row severity-${alert.severity} state-${alert.state}`}
      data-testid="alert-row"
      data-id={alert.id}
      data-state={alert.state}
      data-severity={alert.severity}
    >
      <div className="alert-row-head">
        <span className={`severity-badge severity-${alert.severity}`} data-testid="alert-severity">
          <span aria-hidden="true">{SEVERITY_SYMBOLS[alert.severity]}</span> {SEVERITY_LABELS[alert.severity]}
        </span>
        <span className="alert-rule" title={alert.ruleName}>
          {alert.ruleName}
        </span>
        <span className="alert-state" data-testid="alert-state">
          {ALERT_STATE_LABELS[alert.state]}
        </span>
      </div>
      {place === null ? (
        <p className="alert-summary">{summary}</p>
      ) : (
        <button type="button" className="alert-summary alert-show" data-testid="alert-show" title={`Show ${who} on the map where this happened`} onClick={() => onShow(alert)}>
          {summary}
        </button>
      )}
      <div className="alert-meta">
        <time dateTime={new Date(alert.time).toISOString()} title={formatUtcDateTime(alert.time)} data-testid="alert-age">
          {formatAge(now - alert.time)} ago
        </time>
        {place === null ? null : <span data-testid="alert-location">{formatLatLon(place)}</span>}
      </div>
      {problem === null ? null : (
        <p className="form-error" role="alert" data-testid="alert-row-problem">
          {problem}
        </p>
      )}
      {openForm === null && (mayAcknowledge || mayResolve || mayForward) ? (
        <div className="alert-actions">
          {alert.state === 'new' && mayAcknowledge ? (
            <button type="button" data-testid="alert-acknowledge" onClick={() => open('acknowledge')}>
              Acknowledge
            </button>
          ) : null}
          {alert.state === 'resolved' || !mayResolve ? null : (
            <button type="button" data-testid="alert-resolve" onClick={() => open('resolve')}>
              Resolve
            </button>
          )}
          {mayForward ? (
            <button type="button" data-testid="alert-forward" onClick={() => open('forward')}>
              Forward
            </button>
          ) : null}
          {forwarded ? (
            <span className="alert-forwarded" role="status" data-testid="alert-forwarded">
              Queued in the outbox.
            </span>
          ) : null}
        </div>
      ) : null}
      {openForm === 'acknowledge' || openForm === 'resolve' ? (
        <AlertStepForm step={openForm} busy={busy} onSubmit={(note) => void takeStep(openForm, note)} onCancel={() => onOpenForm(null)} />
      ) : null}
      {openForm === 'forward' ? (
        <ForwardAlertForm
          client={client}
          alert={alert}
          profiles={profiles}
          onQueued={() => {
            setForwarded(true);
            onOpenForm(null);
          }}
          onClose={() => onOpenForm(null)}
        />
      ) : null}
      <AlertHistory alert={alert} />
    </li>
  );
}
