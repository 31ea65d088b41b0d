import { useState, type FormEvent } from 'react';
import type { Alert } from '../../shared/alerts';
import type { Profile } from '../../shared/connections';
import type { Client } from '../client';
import { FormField } from '../connections/FormField';
import { EnvelopeFields } from '../outbox/EnvelopeFields';
import { blankForwardFields, validateForward, type ForwardErrors, type ForwardField, type ForwardFields } from './forward-alert-model';

interface ForwardAlertFormProps {
  readonly client: Client;
  readonly alert: Alert;
  /** From profiles.list; null until it has answered. */
  readonly profiles: readonly Profile[] | null;
  readonly onQueued: () => void;
  readonly onClose: () => void;
}

/** Passes the alert on through the outbox, as a message of its own kind that carries the alert's words. */
export function ForwardAlertForm({ client, alert, profiles, onQueued, onClose }: ForwardAlertFormProps) {
  const [fields, setFields] = useState<ForwardFields>(() => blankForwardFields(alert, ''));
  const [errors, setErrors] = useState<ForwardErrors>({});
  const [sending, setSending] = useState(false);
  // Until the analyst picks one, and whenever the picked one is deleted, the first profile is the destination.
  const profileId = profiles?.some((profile) => profile.id === fields.profileId) === true ? fields.profileId : (profiles?.[0]?.id ?? '');

  const set = <F extends ForwardField>(field: F, value: ForwardFields[F]): void => {
    setFields((previous) => ({ ...previous, [field]: value }));
    setErrors((previous) => ({ ...previous, [field]: undefined, form: undefined }));
  };

  const submit = async (event: FormEvent<HTMLFormElement>): Promise<void> => {
    event.preventDefault();
    const outcome = validateForward(alert, { ...fields, profileId });
    if (!outcome.ok) {
      setErrors(outcome.errors);
      return;
    }
    setSending(true);
    const result = await client.call('outbox.enqueue', { draft: outcome.draft });
    setSending(false);
    if (result.ok) onQueued();
    else setErrors({ form: result.error.message });
  };

  if (profiles !== null && profiles.length === 0) {
    return (
      <div className="alert-inline-form" data-testid="forward-no-profiles">
        <p className="field-hint">Forwarding goes through a connection profile. Add a connection profile in the Connections tab first.</p>
        <div className="form-actions">
          <button type="button" onClick={onClose}>
            Close
          </button>
        </div>
      </div>
    );
  }

  return (
    <form className="alert-inline-form" data-testid="forward-form" noValidate aria-label={`Forward the alert from ${alert.ruleName}`} onSubmit={(event) => void submit(event)}>
      <EnvelopeFields idPrefix="forward" values={{ ...fields, profileId }} errors={errors} profiles={profiles} onChange={(change) => set(change.field, change.value)} />
      <FormField id="forward-comment" label="Comment" hint="Optional: what you add to the alert." error={errors.comment}>
        {(control) => <textarea {...control} data-testid="forward-comment" rows={2} value={fields.comment} onChange={(event) => set('comment', event.target.value)} />}
      </FormField>
      {errors.form === undefined ? null : (
        <p className="form-error" role="alert" data-testid="forward-error">
          {errors.form}
        </p>
      )}
      <div className="form-actions">
        <button type="submit" className="primary" data-testid="forward-submit" disabled={sending || profiles === null}>
          {sending ? 'Queueing…' : 'Queue in the outbox'}
        </button>
        <button type="button" data-testid="forward-cancel" disabled={sending} onClick={onClose}>
          Cancel
        </button>
      </div>
    </form>
  );
}
