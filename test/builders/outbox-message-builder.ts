import type { OutboxDraft, OutboxMessage } from '../../shared/outbox';

/**
 * A message as the outbox lists it: `draft` queued 90 s before `now` and last changed 30 s before,
 * in `state`; a failed one has tried three times and says why.
 */
export function anOutboxMessage(
  draft: OutboxDraft,
  id: string,
  state: OutboxMessage['state'],
  options: { readonly now: number; readonly reason?: string },
): OutboxMessage {
  const reason = state === 'failed' ? (options.reason ?? 'The broker refused the message.') : null;
  return {
    ...draft,
    id,
    state,
    reason,
    bytes: 312,
    wireBytes: 208,
    attempts: state === 'failed' ? 3 : 0,
    createdAt: options.now - 90_000,
    updatedAt: options.now - 30_000,
    partition: null,
    offset: null,
    history: [{ state: 'queued', at: options.now - 90_000, note: null }, ...(state === 'failed' ? [{ state: 'failed' as const, at: options.now - 30_000, note: reason }] : [])],
  };
}
