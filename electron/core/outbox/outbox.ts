import { randomUUID } from 'node:crypto';
import type { DestinationStatus, OutboxCounts, OutboxDraft, OutboxMessage, OutboxState, Precedence } from '../../../shared/outbox';
import type { Clock, Log, Secrets } from '../ports';
import type { OutboundBacklog, OutboundDestination, Store } from '../store/store';
import { UserFacingError } from '../user-facing-error';
import { gzippedSize } from './compressed-size';
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
  /** Rewrites a queued message; it keeps its id, its time and its place in the queue. */
  edit(id: string, draft: OutboxDraft): OutboxMessage;
  /** Every destination with something queued or a budget set, with its estimated time to drain. */
  destinations(): DestinationStatus[];
  /** Limits a destination to a byte rate, charged after compression; null lifts the limit. */
  setBudget(destination: OutboundDestination, bytesPerSecond: number | null): DestinationStatus;
  /** Newest first; every state when `states` is null. */
  list(states: readonly OutboxState[] | null, limit: number): OutboxMessage[];
  counts(): OutboxCounts;
  /**
   * Starts sending a destination whose queue another part of the core wrote to itself, in a
   * transaction of its own (the audit log's copies), as enqueue() does for the analyst's messages.
   */
  noticeQueued(destination: OutboundDestination): void;
  /** Queues again what the last run left half-sent, and starts sending everything queued. */
  start(): void;
  stop(): Promise<void>;
}

/**
 * A destination only Outpost writes to (the audit log's copies). Every message to it goes with one
 * record key, so all land in one partition in the order queued; the analyst can neither queue to
 * it nor rewrite what is queued there, as a receiver checks each message against the log.
 */
export interface OwnStream {
  readonly destination: OutboundDestination;
  readonly key: string;
}

export function createOutbox(options: {
  readonly store: Store;
  readonly secrets: Secrets;
  readonly clock: Clock;
  readonly log: Log;
  /** The site's marking, carried by every message the analyst leaves unmarked. */
  readonly siteMarking?: string;
  /** Called after every change of a message's state, reason or precedence. */
  readonly onChange: () => void;
  /** Tests shorten the wait between attempts; the default suits a real link. */
  readonly backoff?: { readonly baseMs: number; readonly capMs: number };
  readonly ownStream?: OwnStream | null;
}): Outbox {
  const { store, clock, log } = options;
  const siteMarking = options.siteMarking ?? null;
  const ownStream = options.ownStream ?? null;
  const isOwnStream = (destination: OutboundDestination): boolean => ownStream !== null && destinationKey(destination) === destinationKey(ownStream.destination);
  const senders = new Map<string, OutboxSender>();
  let started = false;
  let stopped = false;

  const wakeSender = (destination: OutboundDestination): void => {
    if (!started || stopped) return;
    const key = destinationKey(destination);
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
        recordKey: isOwnStream(destination) ? ownStream?.key : undefined,
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

  const requireProfile = (profileId: string): void => {
    if (!store.listProfiles().some((profile) => profile.id === profileId)) {
      throw new UserFacingError(`There is no connection profile with the id ${profileId}; pick one from the Connections tab, then send the message again.`);
    }
  };

  const refuseOwnStream = (draft: OutboxDraft): void => {
    if (isOwnStream(draft)) throw new UserFacingError(`Topic ${draft.topic} of profile ${draft.profileId} carries Outpost's audit log only; send the message to another topic.`);
  };

  const refuseOwnMessage = (message: OutboxMessage): void => {
    if (isOwnStream(message)) throw new UserFacingError("This is Outpost's copy of an audit event; it goes as it was recorded, so it cannot be changed or cancelled.");
  };

  /** Writes a queued message anew with the same id and time, so a receiver still sees one message. */
  const revise = (message: OutboxMessage, draft: OutboxDraft, note: string): OutboxMessage | null => {
    const payload = encodeWireMessage(draft, message.id, message.createdAt, siteMarking);
    return store.reviseOutbound(message.id, { draft, payload, wireBytes: gzippedSize([payload]), at: clock.now(), note });
  };

  const statusOf = (backlog: OutboundBacklog): DestinationStatus => {
    const progress = senders.get(destinationKey(backlog))?.progress();
    const measured = progress?.measuredBytesPerSecond ?? null;
    // A budget just lowered holds before the measurement catches up with it.
    const rate = measured === null ? backlog.budgetBytesPerSecond : Math.min(measured, backlog.budgetBytesPerSecond ?? measured);
    // The queue's cost is summed per message; a batch compresses better, by the ratio last seen.
    const drainSeconds = backlog.queued === 0 ? 0 : rate === null ? null : (backlog.queuedWireBytes * (progress?.batchCompression ?? 1)) / rate;
    return { ...backlog, sentWireBytes: progress?.sentWireBytes ?? 0, measuredBytesPerSecond: measured, drainSeconds, waiting: backlog.queued === 0 ? null : (progress?.waiting ?? null) };
  };

  return {
    enqueue(draft) {
      requireProfile(draft.profileId);
      refuseOwnStream(draft);
      const id = randomUUID();
      const createdAt = clock.now();
      const payload = encodeWireMessage(draft, id, createdAt, siteMarking);
      const message = store.enqueueOutbound({ id, draft, payload, wireBytes: gzippedSize([payload]), createdAt });
      wakeSender(draft);
      return changed(message);
    },

    cancel(id) {
      // A cancelled copy would leave a gap in the log the receiver keeps, which is what forwarding is for.
      refuseOwnMessage(existing(id));
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
      const message = existing(id);
      refuseOwnMessage(message);
      const updated = message.state === 'queued' ? revise(message, { ...draftOf(message), precedence }, `Precedence set to ${precedence.toUpperCase()}.`) : null;
      if (updated === null) throw new UserFacingError(`Only a queued message can change precedence; this one is ${existing(id).state}.`);
      return changed(updated);
    },

    edit(id, draft) {
      requireProfile(draft.profileId);
      refuseOwnStream(draft);
      const message = existing(id);
      refuseOwnMessage(message);
      const updated = message.state === 'queued' ? revise(message, draft, 'Edited by the analyst.') : null;
      if (updated === null) {
        const { state } = existing(id);
        throw new UserFacingError(
          state === 'sending'
            ? 'This message is being sent right now and can no longer be edited; send a correction as a new message.'
            : `Only a queued message can be edited; this one is ${state}.`,
        );
      }
      wakeSender(updated);
      return changed(updated);
    },

    destinations: () => store.outboundBacklogs().map(statusOf),

    setBudget(destination, bytesPerSecond) {
      store.setOutboundBudget(destination, bytesPerSecond);
      const backlog = store.outboundBacklogs().find((candidate) => destinationKey(candidate) === destinationKey(destination));
      return statusOf(backlog ?? { ...destination, queued: 0, queuedWireBytes: 0, budgetBytesPerSecond: null });
    },

    list: (states, limit) => store.listOutbound(states, limit),
    counts: () => store.countOutbound(),

    noticeQueued(destination) {
      wakeSender(destination);
      options.onChange();
    },

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

function destinationKey(destination: OutboundDestination): string {
  return `${destination.profileId}\u0000${destination.topic}`;
}

function draftOf(message: OutboxMessage): OutboxDraft {
  const { profileId, topic, precedence, format, classification, content } = message;
  return { profileId, topic, precedence, format, classification, content };
}
