import { randomUUID } from 'node:crypto';
import type { OutboxCounts, OutboxDraft, OutboxMessage, OutboxState, Precedence } from '../../../shared/outbox';
import type { Clock, Log, Secrets } from '../ports';
import type { OutboundDestination, Store } from '../store/store';
import { UserFacingError } from '../user-facing-error';
import { createOutboxSender, type OutboxSender } from './outbox-sender';
import { encodeWireMessage } from './wire-message';

export const INTERRUPTED_NOTE = 'Outpost stopped while this was being sent; it goes again with the same id, so a receiver can drop the copy.';

/**
 * The analyst's outbound messages: each is committed to the store before enqueue() returns, then
 * sent by its destination's sender when the link allows. Every state change is in the store, so
 * the outbox picks up after a restart where it stopped.
 */
export interface Outbox {
  enqueue(draft: OutboxDraft): OutboxMessage;
  /** A queued or failed message. */
  cancel(id: string): OutboxMessage;
  /** Queues a failed message again. */
  retry(id: string): OutboxMessage;
  /** A queued message only; one being sent is already past the queue. */
  setPrecedence(id: string, precedence: Precedence): OutboxMessage;
  /** Newest first; every state when `states` is null. */
  list(states: readonly OutboxState[] | null, limit: number): OutboxMessage[];
  counts(): OutboxCounts;
  /** Queues again what the last run left half-sent, and starts sending everything queued. */
  start(): void;
  stop(): Promise<void>;
}

export function createOutbox(options: {
  readonly store: Store;
  readonly secrets: Secrets;
  readonly clock: Clock;
  readonly log: Log;
  /** Called after every change of a message's state, reason or precedence. */
  readonly onChange: () => void;
  /** Tests shorten the wait between attempts; the default suits a real link. */
  readonly backoff?: { readonly baseMs: number; readonly capMs: number };
}): Outbox {
  const { store, clock, log } = options;
  const senders = new Map<string, OutboxSender>();
  let started = false;
  let stopped = false;

  const wakeSender = (destination: OutboundDestination): void => {
    if (!started || stopped) return;
    const key = `${destination.profileId}\u0000${destination.topic}`;
    let sender = senders.get(key);
    if (sender === undefined) {
      sender = createOutboxSender({
        destination: { profileId: destination.profileId, topic: destination.topic },
        store,
        secrets: options.secrets,
        clock,
        log,
        onChange: options.onChange,
        backoff: options.backoff,
      });
      senders.set(key, sender);
    }
    sender.wake();
  };

  const existing = (id: string): OutboxMessage => {
    const message = store.readOutbound(id);
    if (message === null) throw new UserFacingError('That message is not in the outbox; it may have been removed. Refresh the outbox list.');
    return message;
  };

  const changed = (message: OutboxMessage): OutboxMessage => {
    options.onChange();
    return message;
  };

  return {
    enqueue(draft) {
      if (!store.listProfiles().some((profile) => profile.id === draft.profileId)) {
        throw new UserFacingError(`There is no connection profile with the id ${draft.profileId}; pick one from the Connections tab, then send the message again.`);
      }
      const id = randomUUID();
      const createdAt = clock.now();
      const message = store.enqueueOutbound({ id, draft, payload: encodeWireMessage(draft, id, createdAt), createdAt });
      wakeSender(draft);
      return changed(message);
    },

    cancel(id) {
      const cancelled = store.transitionOutbound(id, ['queued', 'failed'], { state: 'cancelled', at: clock.now(), note: 'Cancelled by the analyst.' });
      if (cancelled !== null) return changed(cancelled);
      const message = existing(id);
      if (message.state === 'cancelled') return message;
      throw new UserFacingError(
        message.state === 'sent'
          ? 'This message was already sent; a message on Kafka cannot be called back.'
          : 'This message is being sent right now and can no longer be cancelled; if it fails, cancel it then.',
      );
    },

    retry(id) {
      const queued = store.transitionOutbound(id, ['failed'], { state: 'queued', at: clock.now(), reason: null, note: 'Queued again by the analyst.' });
      if (queued === null) throw new UserFacingError(`Only a failed message can be sent again; this one is ${existing(id).state}.`);
      wakeSender(queued);
      return changed(queued);
    },

    setPrecedence(id, precedence) {
      const updated = store.reprioritiseOutbound(id, precedence, clock.now());
      if (updated === null) throw new UserFacingError(`Only a queued message can change precedence; this one is ${existing(id).state}.`);
      return changed(updated);
    },

    list: (states, limit) => store.listOutbound(states, limit),
    counts: () => store.countOutbound(),

    start() {
      if (started || stopped) return;
      started = true;
      const requeued = store.requeueInterruptedOutbound(clock.now(), INTERRUPTED_NOTE);
      if (requeued > 0) {
        log.info(`Outbox: ${requeued} message(s) interrupted mid-send are queued again.`);
        options.onChange();
      }
      for (const destination of store.outboundDestinations()) wakeSender(destination);
    },

    async stop() {
      stopped = true;
      await Promise.all([...senders.values()].map((sender) => sender.stop()));
      senders.clear();
    },
  };
}
