import { useCallback, useEffect, useRef, useState } from 'react';
import type { Alert } from '../../shared/alerts';
import type { Profile } from '../../shared/connections';
import type { Client } from '../client';
import { RoleNote } from '../components/RoleNote';
import { useMayCall } from '../security/role-context';
import { useCoalescedCall } from '../outbox/use-coalesced-call';
import { alertListArgs, DEFAULT_ALERT_FILTER, type AlertFilter } from './alert-filter';
import { AlertFilters } from './AlertFilters';
import { AlertRow, type AlertRowForm } from './AlertRow';
import { NotificationSettings } from './NotificationSettings';

interface AlertsViewProps {
  readonly client: Client;
  /** The view is showing: only then is the list read. */
  readonly active: boolean;
  readonly now: number;
  readonly onShowAlert: (alert: Alert) => void;
  readonly sound: boolean;
  readonly onSoundChange: (on: boolean) => void;
}

/** The list is for working through what is open; older alerts stay in the core's store. */
const LIST_LIMIT = 200;
/** A batch of records can raise many alerts at once; the list follows at most four times a second. */
const REFRESH_DELAY_MS = 250;

interface OpenForm {
  readonly alertId: string;
  readonly form: AlertRowForm;
}

/** The alerts, newest first, filtered by state and severity, each with what can be done about it. */
export function AlertsView({ client, active, now, onShowAlert, sound, onSoundChange }: AlertsViewProps) {
  const [filter, setFilter] = useState<AlertFilter>(DEFAULT_ALERT_FILTER);
  const [alerts, setAlerts] = useState<readonly Alert[] | null>(null);
  const [profiles, setProfiles] = useState<readonly Profile[] | null>(null);
  const [problem, setProblem] = useState<string | null>(null);
  const [openForm, setOpenForm] = useState<OpenForm | null>(null);
  const latestRead = useRef(0);
  const mayAcknowledge = useMayCall('alerts.acknowledge');

  const readList = useCallback((): void => {
    // Reads can overlap; only the one started last may replace the list.
    latestRead.current += 1;
    const read = latestRead.current;
    const args = alertListArgs(filter, LIST_LIMIT);
    // With no severity ticked there is nothing to read, and the view says so instead of a list.
    if (args === null) return;
    void client.call('alerts.list', args).then((result) => {
      if (read !== latestRead.current) return;
      setProblem(result.ok ? null : result.error.message);
      if (result.ok) setAlerts(result.value);
    });
  }, [client, filter]);
  const requestRead = useCoalescedCall(readList, REFRESH_DELAY_MS);

  useEffect(() => {
    if (!active) return;
    readList();
    return client.on('alerts.changed', requestRead);
  }, [active, client, readList, requestRead]);

  useEffect(() => {
    if (!active) return;
    // Profiles are edited in the Connections tab, so coming back here is when they may have changed.
    void client.call('profiles.list', {}).then((result) => {
      if (result.ok) setProfiles(result.value);
    });
  }, [active, client]);

  const replace = useCallback((changed: Alert) => {
    setAlerts((previous) => previous?.map((alert) => (alert.id === changed.id ? changed : alert)) ?? null);
  }, []);

  return (
    <div className="alerts-view" data-testid="alerts-view">
      <NotificationSettings sound={sound} onSoundChange={onSoundChange} />
      <AlertFilters filter={filter} onChange={setFilter} />
      {mayAcknowledge ? null : <RoleNote action="acknowledge or resolve alerts" />}
      {problem === null ? null : (
        <p className="form-error" role="alert" data-testid="alerts-problem">
          {problem}
        </p>
      )}
      {filter.severities.length === 0 ? (
        <p className="field-hint">Tick at least one severity to see alerts.</p>
      ) : alerts === null ? (
        <p className="field-hint">Reading the alerts…</p>
      ) : alerts.length === 0 ? (
        <p className="field-hint" data-testid="alerts-empty">
          No alerts match. Rules raise them; see Rules above.
        </p>
      ) : (
        <>
          <ol className="alert-list" aria-label="Alerts, newest first">
            {alerts.map((alert) => (
              <AlertRow
                key={alert.id}
                client={client}
                alert={alert}
                now={now}
                profiles={profiles}
                openForm={openForm?.alertId === alert.id ? openForm.form : null}
                onOpenForm={(form) => setOpenForm(form === null ? null : { alertId: alert.id, form })}
                onChanged={replace}
                onShow={onShowAlert}
              />
            ))}
          </ol>
          {alerts.length === LIST_LIMIT ? <p className="field-hint">Showing the newest {LIST_LIMIT} alerts.</p> : null}
        </>
      )}
    </div>
  );
}
