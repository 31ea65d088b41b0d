import type { AlertCounts } from '../../shared/alerts';
import type { ProfileStatus } from '../../shared/connections';
import type { AppStatus } from '../../shared/domain';
import { describeNewAlerts, newAlertsLevel } from '../alerts/new-alerts';
import { ModePill } from '../review/ModePill';
import type { ViewMode } from '../review/switchable-track-view';

interface StatusBarProps {
  /** Live, or reviewing the cache; omitted where the bar stands alone, as live. */
  readonly mode?: ViewMode;
  readonly status: AppStatus | null;
  readonly connections: readonly ProfileStatus[];
  readonly trackCount: number;
  /** Outbound messages queued or being sent; null until the outbox has been read. */
  readonly outboxQueued: number | null;
  /** Null until the alerts have been counted. */
  readonly alertCounts: AlertCounts | null;
  readonly problem: string | null;
  /** Locks the session at once; omitted where there is no session to lock. */
  readonly onLock?: () => void;
}

const numberFormat = new Intl.NumberFormat('en-US');

export function StatusBar({ mode = 'live', status, connections, trackCount, outboxQueued, alertCounts, problem, onLock }: StatusBarProps) {
  return (
    <footer className="status-bar" role="status">
      <ModePill mode={mode} />
      {connections.length === 0 ? (
        <span className="connection connection-connecting" data-testid="connection-state">
          <span className="dot" aria-hidden="true" />
          connecting to core
        </span>
      ) : (
        connections.map((connection) => (
          <span key={connection.profileId} className={`connection connection-${connection.state}`} data-testid="connection-state" title={connection.reason ?? undefined}>
            <span className="dot" aria-hidden="true" />
            {connection.name}: {connection.state}
            {connection.catchUp === null ? null : (
              <span className="catch-up" data-testid="catch-up">
                {' '}
                catching up: {numberFormat.format(connection.catchUp.done)} of {numberFormat.format(connection.catchUp.total)}
              </span>
            )}
          </span>
        ))
      )}
      <span data-testid="record-count">{numberFormat.format(status?.recordCount ?? 0)} records cached</span>
      {status !== null && status.quarantinedCount > 0 ? (
        <span className="warning" data-testid="quarantined-count">{numberFormat.format(status.quarantinedCount)} quarantined</span>
      ) : null}
      <span data-testid="track-count">{numberFormat.format(trackCount)} tracks</span>
      {outboxQueued === null ? null : <span data-testid="outbox-queued" title="Outbound messages queued or being sent">{numberFormat.format(outboxQueued)} queued</span>}
      {alertCounts === null ? null : (
        <span className={`new-alerts level-${newAlertsLevel(alertCounts)}`} data-testid="alerts-new" data-level={newAlertsLevel(alertCounts)}>
          {describeNewAlerts(alertCounts)}
        </span>
      )}
      {problem !== null ? <span className="problem">{problem}</span> : null}
      <span className="spacer" />
      <span className="version">Outpost {status?.version ?? ''}</span>
      {onLock === undefined ? null : (
        <button type="button" className="lock-button" data-testid="lock" title="Lock Outpost now; the passphrase opens it again" onClick={onLock}>
          Lock
        </button>
      )}
    </footer>
  );
}
