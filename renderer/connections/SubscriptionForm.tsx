import { useState, type FormEvent } from 'react';
import { RECORD_FORMATS, type RecordFormat } from '../../shared/formats';
import type { Client } from '../client';
import { RECORD_FORMAT_LABELS } from './format-labels';
import { FormField } from './FormField';
import { JsonMappingEditor } from './JsonMappingEditor';
import {
  blankSubscriptionForm,
  validateSubscriptionForm,
  type MappingField,
  type SubscriptionFormErrors,
  type SubscriptionFormFields,
  type SubscriptionTarget,
} from './subscription-form-model';

interface SubscriptionFormProps {
  readonly client: Client;
  readonly profileId: string;
  /** A topic picked from a connection test, or blank. */
  readonly initialTopic: string;
  readonly onAdded: () => void;
  readonly onCancel: () => void;
}

export function SubscriptionForm({ client, profileId, initialTopic, onAdded, onCancel }: SubscriptionFormProps) {
  const [fields, setFields] = useState<SubscriptionFormFields>(() => blankSubscriptionForm(initialTopic));
  const [errors, setErrors] = useState<SubscriptionFormErrors>({});
  const [saving, setSaving] = useState(false);
  const idPrefix = `subscription-${profileId}`;

  const change = (next: Partial<SubscriptionFormFields>, clears: keyof SubscriptionFormErrors): void => {
    setFields((previous) => ({ ...previous, ...next }));
    setErrors((previous) => ({ ...previous, [clears]: undefined, form: undefined }));
  };
  const changeMapping = (field: MappingField, path: string): void => {
    setFields((previous) => ({ ...previous, mapping: { ...previous.mapping, [field]: path } }));
    setErrors((previous) => ({ ...previous, [`mapping.${field}`]: undefined, form: undefined }));
  };

  const submit = async (event: FormEvent<HTMLFormElement>): Promise<void> => {
    event.preventDefault();
    const outcome = validateSubscriptionForm(profileId, fields);
    if (!outcome.ok) {
      setErrors(outcome.errors);
      return;
    }
    setSaving(true);
    const result = await client.call('subscriptions.add', outcome.input);
    setSaving(false);
    if (result.ok) onAdded();
    else setErrors({ form: result.error.message });
  };

  return (
    <form className="subscription-form" data-testid={`subscription-form-${profileId}`} noValidate onSubmit={(event) => void submit(event)}>
      <fieldset className="target-choice">
        <legend>Read</legend>
        {(['topic', 'pattern'] as const satisfies readonly SubscriptionTarget[]).map((target) => (
          <label key={target} className="switch">
            <input
              type="radio"
              name={`${idPrefix}-target`}
              value={target}
              data-testid={`subscription-target-${target}`}
              checked={fields.target === target}
              onChange={() => change({ target }, 'form')}
            />
            {target === 'topic' ? 'One topic' : 'Every topic matching a pattern'}
          </label>
        ))}
      </fieldset>
      {fields.target === 'topic' ? (
        <FormField id={`${idPrefix}-topic`} label="Topic" error={errors.topic}>
          {(control) => (
            <input {...control} data-testid="subscription-topic" autoComplete="off" spellCheck={false} value={fields.topic} onChange={(event) => change({ topic: event.target.value }, 'topic')} />
          )}
        </FormField>
      ) : (
        <FormField id={`${idPrefix}-pattern`} label="Pattern" hint="A regular expression matched against whole topic names, such as cot\..*" error={errors.pattern}>
          {(control) => (
            <input {...control} data-testid="subscription-pattern" autoComplete="off" spellCheck={false} value={fields.pattern} onChange={(event) => change({ pattern: event.target.value }, 'pattern')} />
          )}
        </FormField>
      )}
      <FormField id={`${idPrefix}-format`} label="Format" error={errors.format}>
        {(control) => (
          <select {...control} data-testid="subscription-format" value={fields.format} onChange={(event) => change({ format: toFormat(event.target.value) }, 'format')}>
            {RECORD_FORMATS.map((format) => (
              <option key={format} value={format}>
                {RECORD_FORMAT_LABELS[format]}
              </option>
            ))}
          </select>
        )}
      </FormField>
      {fields.format === 'json' ? <JsonMappingEditor idPrefix={idPrefix} mapping={fields.mapping} errors={errors} onChange={changeMapping} /> : null}
      {errors.form === undefined ? null : (
        <p className="form-error" role="alert" data-testid="subscription-form-error">
          {errors.form}
        </p>
      )}
      <div className="form-actions">
        <button type="submit" className="primary" data-testid="save-subscription" disabled={saving}>
          {saving ? 'Adding…' : 'Add subscription'}
        </button>
        <button type="button" onClick={onCancel}>
          Cancel
        </button>
      </div>
    </form>
  );
}

function toFormat(value: string): RecordFormat {
  return RECORD_FORMATS.find((format) => format === value) ?? 'auto';
}
