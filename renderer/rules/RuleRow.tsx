import type { Rule } from '../../shared/rules';
import { SEVERITY_LABELS, SEVERITY_SYMBOLS } from '../alerts/alert-labels';
import type { Client } from '../client';
import { useRoleRefusalTitle } from '../components/RoleNote';
import { useCoreCall } from '../components/use-core-call';
import { ConfirmButton } from '../connections/ConfirmButton';
import { useMayCall } from '../security/role-context';
import { RULE_KIND_LABELS } from './rule-labels';

interface RuleRowProps {
  readonly client: Client;
  readonly rule: Rule;
  /** The editor has this rule open. */
  readonly editing: boolean;
  readonly onChanged: (rule: Rule) => void;
  readonly onRemoved: (id: string) => void;
  readonly onEdit: (rule: Rule) => void;
}

export function RuleRow({ client, rule, editing, onChanged, onRemoved, onEdit }: RuleRowProps) {
  const { busy, problem, run } = useCoreCall();
  // The switch stays in view, disabled, because it is also how the row shows whether the rule is on.
  const switchRefusal = useRoleRefusalTitle('rules.setEnabled', 'switch rules on or off');
  const mayRemove = useMayCall('rules.remove');

  const setEnabled = (enabled: boolean): Promise<void> => run(() => client.call('rules.setEnabled', { id: rule.id, enabled }), onChanged);
  const remove = (): Promise<void> => run(() => client.call('rules.remove', { id: rule.id }), () => onRemoved(rule.id));

  return (
    <li className={`rule-row severity-${rule.severity}${rule.enabled ? '' : ' disabled'}${editing ? ' editing' : ''}`} data-testid="rule-row" data-id={rule.id} data-enabled={rule.enabled}>
      <div className="rule-row-head">
        <span className={`severity-badge severity-${rule.severity}`}>
          <span aria-hidden="true">{SEVERITY_SYMBOLS[rule.severity]}</span> {SEVERITY_LABELS[rule.severity]}
        </span>
        <span className="rule-name" data-testid="rule-row-name">
          {rule.name}
        </span>
        <span className="rule-kind" data-testid="rule-row-kind">
          {RULE_KIND_LABELS[rule.definition.kind]}
        </span>
      </div>
      <p className="rule-filter" title={rule.filter ?? undefined}>
        {rule.definition.kind === 'rate' ? 'Every subscription' : (rule.filter ?? 'Every entity')}
      </p>
      {problem === null ? null : (
        <p className="form-error" role="alert" data-testid="rule-row-problem">
          {problem}
        </p>
      )}
      <div className="rule-actions">
        <label className="switch" title={switchRefusal}>
          <input
            type="checkbox"
            data-testid="rule-row-enabled"
            checked={rule.enabled}
            disabled={busy || switchRefusal !== undefined}
            onChange={(event) => void setEnabled(event.target.checked)}
          />
          Enabled
        </label>
        <button type="button" data-testid="rule-row-edit" aria-pressed={editing} disabled={busy || editing} onClick={() => onEdit(rule)}>
          {editing ? 'Editing…' : 'Edit'}
        </button>
        {mayRemove ? (
          <ConfirmButton
            label="Delete"
            question={`Delete the rule “${rule.name}”? The alerts it raised stay.`}
            confirmLabel="Delete rule"
            testId="rule-row-delete"
            disabled={busy}
            onConfirm={() => void remove()}
          />
        ) : null}
      </div>
    </li>
  );
}
