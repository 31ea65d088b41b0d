import type { AppStatus } from '../../shared/domain';

interface StatusBarProps {
  readonly status: AppStatus | null;
  readonly trackCount: number;
  readonly problem: string | null;
}

const numberFormat = new Intl.NumberFormat('en-US');

export function StatusBar({ status, trackCount, problem }: StatusBarProps) {
  const connection = status?.connection;
  return (
    <footer className="status-bar" role="status">
      <span className={`connection connection-${connection?.state ?? 'connecting'}`} data-testid="connection-state">
        <span className="dot" aria-hidden="true" />
        {connection === undefined ? 'connecting to core' : `${connection.source}: ${connection.state}`}
      </span>
      {connection?.reason ? <span className="reason">{connection.reason}</span> : null}
      <span data-testid="record-count">{numberFormat.format(status?.recordCount ?? 0)} records cached</span>
      {status !== null && status.quarantinedCount > 0 ? (
        <span className="warning">{numberFormat.format(status.quarantinedCount)} quarantined</span>
      ) : null}
      <span data-testid="track-count">{numberFormat.format(trackCount)} tracks</span>
      {problem !== null ? <span className="problem">{problem}</span> : null}
      <span className="spacer" />
      <span className="version">Outpost {status?.version ?? ''}</span>
    </footer>
  );
}
