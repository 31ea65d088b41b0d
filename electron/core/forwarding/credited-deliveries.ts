import type { Store } from '../store/store';
import type { ForwardTables } from '../store/forward-tables';

/**
 * The store as the outbox sees it, crediting each forwarding rule with its positions' share of
 * what their requests cost on the link once the broker has acknowledged them, so a rule's "sent"
 * is a counter of link bytes, not a sum over every position it ever queued.
 */
export function creditedDeliveries(store: Store, tables: Pick<ForwardTables, 'creditSent'>): Store {
  return {
    ...store,
    transitionOutboundMany(from, changes) {
      const moved = new Set(store.transitionOutboundMany(from, changes));
      tables.creditSent(
        changes.filter(({ id, change }) => change.state === 'sent' && moved.has(id)).map(({ id, change }) => ({ id, bytes: change.chargedBytes ?? 0 })),
      );
      return [...moved];
    },
  };
}
