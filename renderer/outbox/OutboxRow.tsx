import { useState } from 'react';
import { PRECEDENCES, type OutboxMessage, type Precedence } from '../../shared/outbox';
import type { Result } from '../../shared/result';
import type { Client } from '../client';
import { formatUtcDateTime, formatUtcTime } from '../connections/figures';
import { ConfirmButton } from '../connections/ConfirmButton';
import { formatAge } from '../format/age';
import { useMayCall } from '../security/role-context';
import { formatSize } from './byte-units';
import { isComposedMessage, type ComposedMessage } from './compose-form-model';
import { summariseContent } from './message-summary';
import { PRECEDENCE_LABELS, STATE_LABELS } from './outbox-labels';

interface OutboxRowProps {
  readonly client: Client;
  readonly message: OutboxMessage;
  /** The destination profile's name, or null when it has been deleted. */
  readonly profileName: string | null;
  readonly now: number;
  /** The compose form is editing this message. */
  readonly editing: boolean;
  readonly onChanged: (message: OutboxMessage) => void;
  /** Offered for a queued message the compose form wrote; a forwarded alert keeps the alert's own words. */
  readonly onEdit: (message: ComposedMessage) => void;
}

export function OutboxRow({ client, message, profileName, now, editing, onChanged, onEdit }: OutboxRowProps) {
  const [busy, setBusy] = useState(false);
  const [problem, setProblem] = useState<string | null>(null);

  const act = async (request: Promise<Result<OutboxMessage>>): Promise<void> => {
    setBusy(true);
    setProblem(null);
    const result = await request;
    setBusy(false);
    if (result.ok) onChanged(result.value);
    else setProblem(result.error.message);
  };
  const cancel = (): void => void act(client.call('outbox.cancel', { id: message.id }));
  const retry = (): void => void act(client.call('outbox.retry', { id: message.id }));
  const setPrecedence = (precedence: Precedence): void => void act(client.call('outbox.setPrecedence', { id: message.id, precedence }));

  const mayEdit = useMayCall('outbox.edit');
  const maySetPrecedence = useMayCall('outbox.setPrecedence');
  const mayRetry = useMayCall('outbox.retry');
  const mayCancel = useMayCall('outbox.cancel');

  const canEdit = mayEdit && message.state === 'queued' && isComposedMessage(message);
  const canSetPrecedence = maySetPrecedence && message.state === 'queued';
  const canRetry = mayRetry && message.state === 'failed';
  const canCancel = mayCancel && (message.state === 'queued' || message.state === 'failed');
  // A queued or sending message with a reason is being retried after an attempt that did not go.
  const shownReason = message.state === 'sent' || message.state === 'cancelled' ? null : message.reason;

  return (
    <li className={`outbox-row state-${message.state}${editing ? ' editing' : ''}`} data-testid="outbox-row" data-state={message.state} data-id={message.id}>
      <div className="outbox-row-head">
        <span className={`precedence precedence-${message.precedence}`} data-testid="outbox-precedence-badge">
          {PRECEDENCE_LABELS[message.precedence]}
        </span>
        <span className="outbox-destination" title={`${profileName ?? message.profileId} / ${message.topic}`}>
          {profileName ?? message.profileId} / {message.topic}
        </span>
        <span className="outbox-state" data-testid="outbox-state">
          {STATE_LABELS[message.state]}
        </span>
      </div>
      <p className="outbox-summary" data-testid="outbox-summary">
        {summariseContent(message.content)}
      </p>
      <div className="outbox-meta">
        <time dateTime={new Date(message.createdAt).toISOString()} title={`Queued ${formatUtcDateTime(message.createdAt)}`}>
          {formatAge(now - message.createdAt)} ago
        </time>
        <span data-testid="outbox-size" title="Its size as written, and what it costs against the destination’s budget once compressed">
          {formatSize(message.bytes)} ({formatSize(message.wireBytes)} compressed)
        </span>
        {message.attempts > 0 ? <span>{message.attempts === 1 ? '1 attempt' : `${message.attempts} attempts`}</span> : null}
        {message.classification === null ? null : <span className="tag">{message.classification}</span>}
        {message.partition === null ? null : (
          <span title="partition @ offset">
            {message.partition}@{message.offset ?? '?'}
          </span>
        )}
      </div>
      {shownReason === null ? null : (
        <p className={message.state === 'failed' ? 'outbox-reason failed' : 'outbox-reason'} data-testid="outbox-reason">
          {message.state === 'failed' ? shownReason : `Retrying. Last attempt: ${shownReason}`}
        </p>
      )}
      {problem === null ? null : (
        <p className="form-error" role="alert" data-testid="outbox-row-problem">
          {problem}
        </p>
      )}
      {canEdit || canSetPrecedence || canRetry || canCancel ? (
        <div className="outbox-actions">
          {canEdit ? (
            <button type="button" data-testid="outbox-edit" aria-pressed={editing} disabled={busy || editing} onClick={() => onEdit(message)}>
              {editing ? 'Editing…' : 'Edit'}
            </button>
          ) : null}
          {canSetPrecedence ? (
            <select aria-label="Precedence" data-testid="outbox-precedence" value={message.precedence} disabled={busy} onChange={(event) => setPrecedence(toPrecedence(event.target.value))}>
              {PRECEDENCES.map((precedence) => (
                <option key={precedence} value={precedence}>
                  {PRECEDENCE_LABELS[precedence]}
                </option>
              ))}
            </select>
          ) : null}
          {canRetry ? (
            <button type="button" data-testid="outbox-retry" disabled={busy} onClick={retry}>
              Retry
            </button>
          ) : null}
          {canCancel ? (
            <ConfirmButton
              label="Cancel"
              question="Cancel this message? It will never be sent."
              confirmLabel="Cancel message"
              dismissLabel="Keep it"
              testId="outbox-cancel"
              disabled={busy}
              onConfirm={cancel}
            />
          ) : null}
        </div>
      ) : null}
      <details className="outbox-history">
        <summary>History</summary>
        <ol>
          {message.history.map((entry, index) => (
            <li key={index}>
              <time dateTime={new Date(entry.at).toISOString()} title={formatUtcDateTime(entry.at)}>
                {formatUtcTime(entry.at)}
              </time>{' '}
              <span className="outbox-history-state">{STATE_LABELS[entry.state]}</span>
              {entry.note === null ? null : <span className="outbox-history-note"> {entry.note}</span>}
            </li>
          ))}
        </ol>
      </details>
    </li>
  );
}

function toPrecedence(value: string): Precedence {
  return PRECEDENCES.find((precedence) => precedence === value) ?? 'routine';
}
