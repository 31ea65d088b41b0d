import type { EventName, EventPayload } from '../../shared/contract';
import { ok } from '../../shared/result';
import type { Role } from '../../shared/roles';
import type { AuditEvent } from '../../electron/core/audit/audit-trail';
import { createEventHub } from '../../electron/core/event-hub';
import type { Secrets } from '../../electron/core/ports';
import type { SessionCore } from '../../electron/core/session/session-gate';

/**
 * A stand-in for the core behind the session, for tests of the session alone: it answers every
 * call with the method's name, and keeps the role, the audit events and the keys it was opened with.
 */
export interface OpenedFake {
  readonly databaseKey: string | null;
  closed: boolean;
  /** What the core would tell its listeners. */
  emit<E extends EventName>(event: E, payload: EventPayload<E>): void;
}

export interface FakeCores {
  open(secrets: Secrets): Promise<SessionCore>;
  readonly opened: OpenedFake[];
  readonly audit: AuditEvent[];
  role: Role;
}

export function fakeCores(initialRole: Role = 'admin'): FakeCores {
  const cores: FakeCores = {
    opened: [],
    audit: [],
    role: initialRole,
    async open(secrets) {
      const hub = createEventHub(() => undefined);
      const record: OpenedFake = { databaseKey: await secrets.readDatabaseKey(), closed: false, emit: (event, payload) => hub.emit(event, payload) };
      cores.opened.push(record);
      return {
        dispatch: async (method) => ok(`core answered ${String(method)}`),
        subscribe: (listener) => hub.subscribe(listener),
        readTile: async () => null,
        exportFile: async () => null,
        role: () => cores.role,
        setRole: (role) => {
          cores.role = role;
        },
        recordAudit: (event) => {
          cores.audit.push(event);
        },
        close: async () => {
          record.closed = true;
        },
      };
    },
  };
  return cores;
}
