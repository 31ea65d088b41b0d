import type { ForwardRule } from '../../shared/forwarding';
import type { Client } from '../client';
import { useCoreCall } from '../components/use-core-call';
import { ConfirmButton } from '../connections/ConfirmButton';
import { describeRate } from '../outbox/budget-input';
import { PRECEDENCE_LABELS } from '../outbox/outbox-labels';
import { useMayCall } from '../security/role-context';
import {
  describeBytes,
  describeDecimation,
  describeDestination,
  describeDroppedFields,
  describeFilter,
  describeQueue,
  describeRecords,
  describeSource,
} from './forward-figures';

interface ForwardRuleRowProps {
  readonly client: Client;
  readonly rule: ForwardRule;
  /** Profile names by id; a profile missing here has been deleted. */
  readonly profileNames: ReadonlyMap<string, string>;
  /** The form has this rule open. */
  readonly editing: boolean;
  readonly onChanged: (rule: ForwardRule) => void;
  readonly onRemoved: (id: string) => void;
  readonly onEdit: (rule: ForwardRule) => void;
}

export function ForwardRuleRow({ client, rule, profileNames, editing, onChanged, onRemoved, onEdit }: ForwardRuleRowProps) {
  const { busy, problem, run } = useCoreCall();
  const mayPause = useMayCall('forwarding.setPaused');
  const mayRemove = useMayCall('forwarding.remove');
  const { stats } = rule;

  const setPaused = (paused: boolean): Promise<void> => run(() => client.call('forwarding.setPaused', { id: rule.id, paused }), onChanged);
  const remove = (): Promise<void> => run(() => client.call('forwarding.remove', { id: rule.id }), () => onRemoved(rule.id));

  const source = describeSource(rule.source, profileNames.get(rule.source.profileId) ?? null);
  const destination = describeDestination(rule.destination, profileNames.get(rule.destination.profileId) ?? null);
  return (
    <li
      className={`forward-rule-row${rule.paused ? ' paused' : ''}${editing ? ' editing' : ''}`}
      data-testid="forward-rule-row"
      data-id={rule.id}
      data-paused={rule.paused}
    >
      <div className="forward-rule-head">
        <span className={`precedence precedence-${rule.precedence}`} data-testid="forward-precedence">
          {PRECEDENCE_LABELS[rule.precedence]}
        </span>
        <span className="forward-rule-name" data-testid="forward-rule-name">
          {rule.name}
        </span>
        <span className="forward-state" data-testid="forward-state">
          {rule.paused ? 'Paused' : 'Forwarding'}
        </span>
      </div>
      <p className="forward-route" data-testid="forward-route" title={`${source} → ${destination}`}>
        {source} → {destination}
      </p>
      <p className="forward-filter" data-testid="forward-filter" title={rule.filter ?? undefined}>
        {describeFilter(rule.filter)}
      </p>
      <div className="forward-meta">
        <span data-testid="forward-decimation">{describeDecimation(rule.decimationSeconds)}</span>
        <span data-testid="forward-dropped">{describeDroppedFields(rule.dropFields)}</span>
        <span data-testid="forward-budget">{rule.budgetBytesPerSecond === null ? 'no limit' : `budget ${describeRate(rule.budgetBytesPerSecond)}`}</span>
      </div>
      <div className="forward-figures">
        <span data-testid="forward-seen">{describeRecords(stats)}</span>
        <span data-testid="forward-sent-summary" title="Bytes on the wire, compressed, against the raw bytes of the records the rule looked at">
          {describeBytes(stats)}
        </span>
        <span data-testid="forward-queue">{describeQueue(stats)}</span>
      </div>
      {problem === null ? null : (
        <p className="form-error" role="alert" data-testid="forward-row-problem">
          {problem}
        </p>
      )}
      <div className="forward-actions">
        {!mayPause ? null : rule.paused ? (
          <button type="button" data-testid="forward-resume" disabled={busy} onClick={() => void setPaused(false)}>
            Resume
          </button>
        ) : (
          <button type="button" data-testid="forward-pause" disabled={busy} onClick={() => void setPaused(true)}>
            Pause
          </button>
        )}
        <button type="button" data-testid="forward-edit" aria-pressed={editing} disabled={busy || editing} onClick={() => onEdit(rule)}>
          {editing ? 'Editing…' : 'Edit'}
        </button>
        {mayRemove ? (
          <ConfirmButton
            label="Remove"
            question={`Remove the rule “${rule.name}”? What it queued and has not sent is cancelled.`}
            confirmLabel="Remove rule"
            testId="forward-remove"
            disabled={busy}
            onConfirm={() => void remove()}
          />
        ) : null}
      </div>
    </li>
  );
}
