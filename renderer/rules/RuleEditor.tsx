import { useCallback, useEffect, useState, type FormEvent } from 'react';
import { RULE_KINDS, SEVERITIES, type Rule, type RuleInput } from '../../shared/rules';
import { SEVERITY_LABELS } from '../alerts/alert-labels';
import type { Client } from '../client';
import { RoleNote } from '../components/RoleNote';
import { FormField } from '../connections/FormField';
import { oneOf } from '../outbox/one-of';
import { useMayCall } from '../security/role-context';
import { ExpressionHelp } from './ExpressionHelp';
import { ExpressionInput } from './ExpressionInput';
import { GeofenceFields } from './GeofenceFields';
import { KindFields } from './KindFields';
import { blankRuleForm, ruleFormFromRule, validateRuleForm, withName, type RuleFormErrors, type RuleFormFields } from './rule-form-model';
import { RULE_KIND_HINTS, RULE_KIND_LABELS } from './rule-labels';
import { RuleTestPanel } from './RuleTestPanel';
import type { AreaDrawing } from './use-area-drawing';

interface RuleEditorProps {
  readonly client: Client;
  /** The saved rule being edited, or null for a new one. */
  readonly rule: Rule | null;
  /** Ids other rules have, so a new rule never quietly replaces one of them. */
  readonly takenIds: readonly string[];
  readonly areaDrawing: AreaDrawing;
  readonly onSaved: (rule: Rule) => void;
  readonly onCancel: () => void;
}

export function RuleEditor({ client, rule, takenIds, areaDrawing, onSaved, onCancel }: RuleEditorProps) {
  const [fields, setFields] = useState<RuleFormFields>(() => (rule === null ? blankRuleForm() : ruleFormFromRule(rule)));
  const [errors, setErrors] = useState<RuleFormErrors>({});
  const [saving, setSaving] = useState(false);
  // A role that may not save can still write a rule and test it against the cache.
  const maySave = useMayCall('rules.save');
  const { show: showArea, cancel: cancelDrawing } = areaDrawing;

  useEffect(() => showArea(fields.kind === 'geofence' ? fields.area : null), [showArea, fields.kind, fields.area]);
  useEffect(
    () => () => {
      showArea(null);
      cancelDrawing();
    },
    [showArea, cancelDrawing],
  );

  const set = useCallback(<F extends keyof RuleFormFields>(field: F, value: RuleFormFields[F]): void => {
    setFields((previous) => {
      if (field === 'name') return withName(previous, value as string);
      // An id typed away to nothing follows the name again, as a new rule's does.
      if (field === 'id') return { ...previous, id: value as string, idTyped: value !== '' };
      return { ...previous, [field]: value };
    });
    setErrors((previous) => ({ ...previous, [field]: undefined, form: undefined, ...(field === 'name' ? { id: undefined } : {}) }));
  }, []);

  /** The rule as typed, or null after marking what is wrong with it. */
  const checkedRule = (): RuleInput | null => {
    const outcome = validateRuleForm(fields);
    if (!outcome.ok) {
      setErrors(outcome.errors);
      return null;
    }
    setErrors({});
    return outcome.rule;
  };

  const save = async (event: FormEvent<HTMLFormElement>): Promise<void> => {
    event.preventDefault();
    const checked = checkedRule();
    if (checked === null) return;
    if (rule === null && takenIds.includes(checked.id)) {
      setErrors({ id: `A rule with the id “${checked.id}” already exists. Choose another id, or edit that rule instead.` });
      return;
    }
    setSaving(true);
    const result = await client.call('rules.save', { rule: checked });
    setSaving(false);
    if (result.ok) onSaved(result.value);
    else setErrors({ form: result.error.message });
  };

  return (
    <div className="rule-editor" data-testid="rule-editor">
      <form className="rule-form" noValidate aria-labelledby="rule-editor-title" onSubmit={(event) => void save(event)}>
        <h3 id="rule-editor-title">{rule === null ? 'New rule' : `Edit rule “${rule.name}”`}</h3>
        <div className="form-row">
          <FormField id="rule-name" label="Name" error={errors.name}>
            {(control) => <input {...control} data-testid="rule-name" autoComplete="off" value={fields.name} onChange={(event) => set('name', event.target.value)} />}
          </FormField>
          <FormField id="rule-severity" label="Severity" hint="Critical alerts also notify the desktop.">
            {(control) => (
              <select {...control} data-testid="rule-severity" value={fields.severity} onChange={(event) => set('severity', oneOf(SEVERITIES, event.target.value, 'warning'))}>
                {SEVERITIES.map((severity) => (
                  <option key={severity} value={severity}>
                    {SEVERITY_LABELS[severity]}
                  </option>
                ))}
              </select>
            )}
          </FormField>
        </div>
        <div className="form-row">
          <FormField id="rule-id" label="Id" hint={rule === null ? 'Lowercase letters, digits and dashes; made from the name until you type one.' : 'A saved rule keeps its id.'} error={errors.id}>
            {(control) => (
              <input {...control} data-testid="rule-id" autoComplete="off" spellCheck={false} readOnly={rule !== null} value={fields.id} onChange={(event) => set('id', event.target.value)} />
            )}
          </FormField>
          <FormField id="rule-kind" label="Kind" hint={RULE_KIND_HINTS[fields.kind]}>
            {(control) => (
              <select {...control} data-testid="rule-kind" value={fields.kind} onChange={(event) => set('kind', oneOf(RULE_KINDS, event.target.value, 'geofence'))}>
                {RULE_KINDS.map((kind) => (
                  <option key={kind} value={kind}>
                    {RULE_KIND_LABELS[kind]}
                  </option>
                ))}
              </select>
            )}
          </FormField>
        </div>
        <label className="switch">
          <input type="checkbox" data-testid="rule-enabled" checked={fields.enabled} onChange={(event) => set('enabled', event.target.checked)} />
          Enabled: the rule watches the feed as soon as it is saved
        </label>
        {fields.kind === 'rate' ? (
          <p className="field-hint">A rate rule watches whole subscriptions, so it takes no entity filter.</p>
        ) : (
          <ExpressionInput id="rule-filter" label="Watches entities that match" hint="Empty to watch every entity." placeholder='affiliation = "hostile"' value={fields.filter} error={errors.filter} onChange={(text) => set('filter', text)} />
        )}
        {fields.kind === 'rate' ? null : <ExpressionHelp />}
        {fields.kind === 'geofence' ? <GeofenceFields fields={fields} errors={errors} set={set} areaDrawing={areaDrawing} /> : <KindFields fields={fields} errors={errors} set={set} />}
        {errors.form === undefined ? null : (
          <p className="form-error" role="alert" data-testid="rule-error">
            {errors.form}
          </p>
        )}
        {maySave ? null : <RoleNote action="save rules" />}
        <div className="form-actions">
          {maySave ? (
            <button type="submit" className="primary" data-testid="rule-save" disabled={saving}>
              {saving ? 'Saving…' : 'Save rule'}
            </button>
          ) : null}
          <button type="button" data-testid="rule-cancel" disabled={saving} onClick={onCancel}>
            Cancel
          </button>
        </div>
      </form>
      {/* Outside the form, so Enter in the hours box tests rather than saves. */}
      <RuleTestPanel client={client} fields={fields} currentRule={checkedRule} />
    </div>
  );
}
