import type { ConnectionState } from '../../shared/domain';

interface ConnectionStateBadgeProps {
  /** Null until the core has reported on a profile just saved. */
  readonly state: ConnectionState | null;
  readonly testId: string;
}

export function ConnectionStateBadge({ state, testId }: ConnectionStateBadgeProps) {
  return (
    <span className={`state-badge state-${state ?? 'unknown'}`} data-testid={testId}>
      <span className="state-dot" aria-hidden="true" />
      {state ?? 'waiting for status'}
    </span>
  );
}
