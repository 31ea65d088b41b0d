import type { Store } from '../store/store';
import type { AuditTrail } from './audit-trail';

/** The actor of what Outpost does by itself, such as delivering a queued message. */
export const OUTPOST_ACTOR = 'outpost';

/**
 * The store as the outbox sees it, recording each delivered batch in the audit log once the
 * messages are marked sent: the brokers have acknowledged them by then, so they have left the machine.
 */
export function auditedDeliveries(store: Store, audit: AuditTrail): Store {
  return {
    ...store,
    transitionOutboundMany(from, changes) {
      const moved = store.transitionOutboundMany(from, changes);
      const delivered = changes.filter(({ id, change }) => change.state === 'sent' && moved.includes(id));
      const first = delivered[0] === undefined ? null : store.readOutbound(delivered[0].id);
      if (first !== null) {
        audit.record({
          actor: OUTPOST_ACTOR,
          action: 'outbox.delivered',
          subject: `${first.profileId}/${first.topic}`,
          details: { messages: delivered.map(({ id, change }) => ({ id, partition: change.partition ?? null, offset: change.offset ?? null })) },
        });
      }
      return moved;
    },
  };
}
