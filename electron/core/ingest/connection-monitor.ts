import type { ConnectionState, ConnectionStatus } from '../../../shared/domain';
import type { Clock } from '../ports';

/** Keeps a source's connection state and announces each change once. */
export interface ConnectionMonitor {
  current(): ConnectionStatus;
  set(state: ConnectionState, reason: string | null): void;
}

export function createConnectionMonitor(options: {
  readonly clock: Clock;
  readonly kind: ConnectionStatus['kind'];
  readonly source: string;
  readonly onChange: (status: ConnectionStatus) => void;
}): ConnectionMonitor {
  let status: ConnectionStatus = {
    source: options.source,
    kind: options.kind,
    state: 'connecting',
    reason: null,
    since: options.clock.now(),
  };
  return {
    current: () => status,
    set(state, reason) {
      if (state === status.state && reason === status.reason) return;
      status = { ...status, state, reason, since: options.clock.now() };
      options.onChange(status);
    },
  };
}
