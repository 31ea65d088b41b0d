import { useCallback, useMemo, useState, type FormEvent } from 'react';
import type { Profile } from '../../shared/connections';
import { PROJECTABLE_FIELDS, type ForwardRule, type ForwardRuleInput, type ProjectableField } from '../../shared/forwarding';
import { PRECEDENCES } from '../../shared/outbox';
import type { Client } from '../client';
import { RoleNote } from '../components/RoleNote';
import { FormField } from '../connections/FormField';
import { describeRate, parseBudget } from '../outbox/budget-input';
import { oneOf } from '../outbox/one-of';
import { PRECEDENCE_LABELS } from '../outbox/outbox-labels';
import { ExpressionHelp } from '../rules/ExpressionHelp';
import { ExpressionInput } from '../rules/ExpressionInput';
import { NumberField } from '../rules/NumberField';
import { useMayCall } from '../security/role-context';
import { blankForwardForm, forwardFormFromRule, validateForwardForm, withName, type ForwardFormErrors, type ForwardFormFields, type SourceKind } from './forward-form-model';
import { ForwardDryRunPanel } from './ForwardDryRunPanel';
import { chosenProfile, ProfileSelect } from './ProfileSelect';

interface ForwardRuleFormProps {
  readonly client: Client;
  /** The saved rule being edited, or null for a new one. */
  readonly rule: ForwardRule | null;
  /** From profiles.list; null until it has answered. */
  readonly profiles: readonly Profile[] | null;
  /** Ids other rules have, so a new rule never quietly replaces one of them. */
  readonly takenIds: readonly string[];
  readonly onSaved: (rule: ForwardRule) => void;
  readonly onCancel: () => void;
}

/** What each droppable field is, so the analyst can weigh it against the link. */
const FIELD_HINTS: Readonly<Record<ProjectableField, string>> = {
  raw: 'the record as received, the heaviest',
  source: 'where Outpost read it: profile, topic, partition and offset',
  callsign: 'the name shown on the map',
  type: 'the CoT type the symbol is drawn from',
  hae: 'height above the ellipsoid',
  course: 'direction of travel',
  speed: 'speed over the ground',
};

const SOURCE_KIND_LABELS: Readonly<Record<SourceKind, string>> = {
  topic: 'One topic',
  pattern: 'Every topic matching a pattern',
};
const SOURCE_KINDS = Object.keys(SOURCE_KIND_LABELS) as SourceKind[];

const BUDGET_HINT = 'In KB/s after compression, 1 KB = 1,000 bytes: a 9.6 kbit/s radio link carries 1.2 KB/s. Leave empty for No limit.';

export function ForwardRuleForm({ client, rule, profiles, takenIds, onSaved, onCancel }: ForwardRuleFormProps) {
  const [typed, setTyped] = useState<ForwardFormFields>(() => (rule === null ? blankForwardForm() : forwardFormFromRule(rule)));
  const [errors, setErrors] = useState<ForwardFormErrors>({});
  const [saving, setSaving] = useState(false);
  // A role that may not save can still write a rule and dry-run it against the cache.
  const maySave = useMayCall('forwarding.save');
  // Until the analyst picks one, and whenever the picked one is deleted, the first profile is the one meant.
  // Memoised, so the dry run can tell the fields it ran with from changed ones by identity.
  const fields = useMemo<ForwardFormFields>(
    () => ({
      ...typed,
      sourceProfileId: chosenProfile(typed.sourceProfileId, rule?.source.profileId ?? null, profiles),
      destinationProfileId: chosenProfile(typed.destinationProfileId, rule?.destination.profileId ?? null, profiles),
    }),
    [typed, rule, profiles],
  );

  const set = useCallback(<F extends keyof ForwardFormFields>(field: F, value: ForwardFormFields[F]): void => {
    setTyped((previous) => {
      if (field === 'name') return withName(previous, value as string);
      // An id typed away to nothing follows the name again.
      if (field === 'id') return { ...previous, id: value as string, idTyped: value !== '' };
      return { ...previous, [field]: value };
    });
    setErrors((previous) => ({ ...previous, [field]: undefined, form: undefined, ...(field === 'name' ? { id: undefined } : {}) }));
  }, []);

  const toggleDropped = (field: ProjectableField, dropped: boolean): void => {
    // Kept in the contract's order, so the same choice always saves the same rule.
    set(
      'dropFields',
      PROJECTABLE_FIELDS.filter((candidate) => (candidate === field ? dropped : typed.dropFields.includes(candidate))),
    );
  };

  /** The rule as typed, or null after marking what is wrong with it. */
  const checkedRule = (): ForwardRuleInput | null => {
    const outcome = validateForwardForm(fields);
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
      setErrors({ id: `A forwarding rule with the id “${checked.id}” already exists. Choose another id, or edit that rule instead.` });
      return;
    }
    setSaving(true);
    const result = await client.call('forwarding.save', { rule: checked });
    setSaving(false);
    if (result.ok) onSaved(result.value);
    else setErrors({ form: result.error.message });
  };

  const budgetReading = fields.budget.trim() === '' ? null : parseBudget(fields.budget);
  return (
    <div className="forward-editor" data-testid="forward-form">
      <form className="forward-form" noValidate aria-labelledby="forward-form-title" onSubmit={(event) => void save(event)}>
        <h3 id="forward-form-title">{rule === null ? 'New forwarding rule' : `Edit forwarding rule “${rule.name}”`}</h3>
        {profiles !== null && profiles.length === 0 ? (
          <p className="field-hint" data-testid="forward-no-profiles">
            A rule reads through one connection profile and sends through another. Add connection profiles in the Connections tab first.
          </p>
        ) : null}
        <div className="form-row">
          <FormField id="forward-name" label="Name" error={errors.name}>
            {(control) => <input {...control} data-testid="forward-name" autoComplete="off" value={fields.name} onChange={(event) => set('name', event.target.value)} />}
          </FormField>
          <FormField id="forward-id" label="Id" hint={rule === null ? 'Lowercase letters, digits and dashes; made from the name until you type one.' : 'A saved rule keeps its id.'} error={errors.id}>
            {(control) => (
              <input {...control} data-testid="forward-id" autoComplete="off" spellCheck={false} readOnly={rule !== null} value={fields.id} onChange={(event) => set('id', event.target.value)} />
            )}
          </FormField>
        </div>
        <fieldset className="forward-section">
          <legend>From</legend>
          <ProfileSelect id="forward-source-profile" label="Read through" error={errors.sourceProfileId} profiles={profiles} value={fields.sourceProfileId} onChange={(id) => set('sourceProfileId', id)} />
          <div className="forward-source-kind">
            {SOURCE_KINDS.map((kind) => (
              <label key={kind} className="switch">
                <input type="radio" name="forward-source-kind" value={kind} data-testid={`forward-source-kind-${kind}`} checked={fields.sourceKind === kind} onChange={() => set('sourceKind', kind)} />
                {SOURCE_KIND_LABELS[kind]}
              </label>
            ))}
          </div>
          {fields.sourceKind === 'topic' ? (
            <FormField id="forward-source-topic" label="Topic" error={errors.sourceTopic}>
              {(control) => (
                <input {...control} data-testid="forward-source-topic" autoComplete="off" spellCheck={false} value={fields.sourceTopic} onChange={(event) => set('sourceTopic', event.target.value)} />
              )}
            </FormField>
          ) : (
            <FormField id="forward-source-pattern" label="Pattern" hint="A regular expression matched against whole topic names, such as cot\..*" error={errors.sourcePattern}>
              {(control) => (
                <input {...control} data-testid="forward-source-pattern" autoComplete="off" spellCheck={false} value={fields.sourcePattern} onChange={(event) => set('sourcePattern', event.target.value)} />
              )}
            </FormField>
          )}
        </fieldset>
        <fieldset className="forward-section">
          <legend>To</legend>
          <div className="form-row">
            <ProfileSelect
              id="forward-destination-profile"
              label="Send through"
              error={errors.destinationProfileId}
              profiles={profiles}
              value={fields.destinationProfileId}
              onChange={(id) => set('destinationProfileId', id)}
            />
            <FormField id="forward-destination-topic" label="Topic" error={errors.destinationTopic}>
              {(control) => (
                <input {...control} data-testid="forward-destination-topic" autoComplete="off" spellCheck={false} value={fields.destinationTopic} onChange={(event) => set('destinationTopic', event.target.value)} />
              )}
            </FormField>
          </div>
        </fieldset>
        <ExpressionInput id="forward-filter" label="Forwards positions that match" hint="Empty to forward every position." placeholder='affiliation = "hostile"' value={fields.filter} error={errors.filter} onChange={(text) => set('filter', text)} />
        <ExpressionHelp />
        <NumberField
          id="forward-decimation"
          label="At most one position per entity every"
          unit="seconds"
          inputMode="numeric"
          hint="The last position before a gap always goes. Empty to forward every position."
          error={errors.decimationSeconds}
          value={fields.decimationSeconds}
          onChange={(text) => set('decimationSeconds', text)}
        />
        <fieldset className="forward-section forward-drop-fields">
          <legend>Leave out</legend>
          {PROJECTABLE_FIELDS.map((field) => (
            <label key={field} className="switch">
              <input type="checkbox" data-testid={`forward-drop-${field}`} checked={fields.dropFields.includes(field)} onChange={(event) => toggleDropped(field, event.target.checked)} />
              <code>{field}</code> <span className="field-hint">{FIELD_HINTS[field]}</span>
            </label>
          ))}
          <p className="field-hint">The id, time and position always go: without them a position is not one.</p>
        </fieldset>
        <div className="form-row">
          <FormField id="forward-precedence" label="Precedence" hint="Forwarded positions queue in the outbox at this precedence; FLASH goes before everything else.">
            {(control) => (
              <select {...control} data-testid="forward-precedence" value={fields.precedence} onChange={(event) => set('precedence', oneOf(PRECEDENCES, event.target.value, 'routine'))}>
                {PRECEDENCES.map((precedence) => (
                  <option key={precedence} value={precedence}>
                    {PRECEDENCE_LABELS[precedence]}
                  </option>
                ))}
              </select>
            )}
          </FormField>
          <FormField
            id="forward-budget"
            label="Budget (KB/s)"
            hint={budgetReading?.ok === true ? describeRate(budgetReading.bytesPerSecond) : BUDGET_HINT}
            error={errors.budget}
          >
            {(control) => (
              <input
                {...control}
                data-testid="forward-budget"
                inputMode="decimal"
                autoComplete="off"
                spellCheck={false}
                placeholder="No limit"
                value={fields.budget}
                onChange={(event) => set('budget', event.target.value)}
              />
            )}
          </FormField>
        </div>
        {errors.form === undefined ? null : (
          <p className="form-error" role="alert" data-testid="forward-error">
            {errors.form}
          </p>
        )}
        {maySave ? null : <RoleNote action="save forwarding rules" />}
        <div className="form-actions">
          {maySave ? (
            <button type="submit" className="primary" data-testid="forward-save" disabled={saving}>
              {saving ? 'Saving…' : 'Save rule'}
            </button>
          ) : null}
          <button type="button" data-testid="forward-cancel" disabled={saving} onClick={onCancel}>
            Cancel
          </button>
        </div>
      </form>
      {/* Outside the form, so Enter in the dry run's controls runs it rather than saving. */}
      <ForwardDryRunPanel client={client} fields={fields} currentRule={checkedRule} />
    </div>
  );
}
