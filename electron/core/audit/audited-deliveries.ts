import type { OutboxMessage } from '../../../shared/outbox';
import type { OutboundDestination, Store } from '../store/store';
import type { AuditTrail } from './audit-trail';

/** The actor of what Outpost does by itself, such as delivering a queued message. */
export const OUTPOST_ACTOR = 'outpost';

/**
 * The store as the outbox sees it, recording each delivered batch in the audit log once the
 * messages are marked sent: the brokers have acknowledged them by then, so they have left the machine.
 * Deliveries to `forwardedTo`, where the log's own copies go, are not recorded: the receiver holds
 * each copy already, and recording one would queue a copy of that event, whose delivery would queue
 * another, without end.
 */
export function auditedDeliveries(store: Store, audit: AuditTrail, forwardedTo: OutboundDestination | null = null): Store {
  const isForwardedLog = (message: OutboxMessage): boolean =>
    forwardedTo !== null && message.profileId === forwardedTo.profileId && message.topic === forwardedTo.topic;
  return {
    ...store,
    transitionOutboundMany(from, changes) {
      const moved = store.transitionOutboundMany(from, changes);
      const delivered = changes.filter(({ id, change }) => change.state === 'sent' && moved.includes(id));
      // A batch goes to one destination, so its first message tells where all of them went.
      const first = delivered[0] === undefined ? null : store.readOutbound(delivered[0].id);
      if (first !== null && !isForwardedLog(first)) {
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
