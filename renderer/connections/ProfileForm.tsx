import { useState, type FormEvent } from 'react';
import { SASL_MECHANISMS, type Profile } from '../../shared/connections';
import type { Client } from '../client';
import { FormField } from './FormField';
import { PemField } from './PemField';
import {
  blankProfileForm,
  NO_STORED_SECRETS,
  profileFormFrom,
  storedSecretsOf,
  validateProfileForm,
  withoutSecrets,
  type ProfileField,
  type ProfileFormErrors,
  type ProfileFormFields,
  type SaslMechanism,
} from './profile-form-model';

interface ProfileFormProps {
  readonly client: Client;
  /** The profile being edited, or null to add a new one. */
  readonly editing: Profile | null;
  readonly onSaved: (profile: Profile) => void;
  readonly onCancel: () => void;
}

const MECHANISM_LABELS: Readonly<Record<SaslMechanism, string>> = {
  plain: 'PLAIN',
  'scram-sha-256': 'SCRAM-SHA-256',
  'scram-sha-512': 'SCRAM-SHA-512',
};

export function ProfileForm({ client, editing, onSaved, onCancel }: ProfileFormProps) {
  const [fields, setFields] = useState<ProfileFormFields>(() => (editing === null ? blankProfileForm() : profileFormFrom(editing)));
  const [errors, setErrors] = useState<ProfileFormErrors>({});
  const [saving, setSaving] = useState(false);
  const stored = editing === null ? NO_STORED_SECRETS : storedSecretsOf(editing);

  const set = <F extends ProfileField>(field: F, value: ProfileFormFields[F]): void => {
    setFields((previous) => ({ ...previous, [field]: value }));
    setErrors((previous) => ({ ...previous, [field]: undefined, form: undefined }));
  };

  const submit = async (event: FormEvent<HTMLFormElement>): Promise<void> => {
    event.preventDefault();
    const outcome = validateProfileForm(fields, stored);
    if (!outcome.ok) {
      setErrors(outcome.errors);
      return;
    }
    setErrors({});
    setSaving(true);
    const result = await client.call('profiles.save', { profile: outcome.input });
    setSaving(false);
    if (!result.ok) {
      setErrors({ form: result.error.message });
      return;
    }
    // The core holds the secrets now; this form must not.
    setFields(withoutSecrets);
    onSaved(result.value);
  };

  return (
    <form className="profile-form" data-testid="profile-form" noValidate aria-labelledby="profile-form-title" onSubmit={(event) => void submit(event)}>
      <h3 id="profile-form-title">
        {editing === null ? 'New connection profile' : `Edit “${editing.name}”`}
        {editing === null ? null : <span className="profile-id"> {editing.id}</span>}
      </h3>
      {editing === null ? (
        <FormField id="profile-id" label="Profile id" hint="Lowercase letters, digits and dashes. It cannot be changed later." error={errors.id}>
          {(control) => (
            <input {...control} data-testid="profile-id" autoComplete="off" spellCheck={false} value={fields.id} onChange={(event) => set('id', event.target.value)} />
          )}
        </FormField>
      ) : null}
      <FormField id="profile-name" label="Name" error={errors.name}>
        {(control) => <input {...control} data-testid="profile-name" autoComplete="off" value={fields.name} onChange={(event) => set('name', event.target.value)} />}
      </FormField>
      <FormField id="profile-brokers" label="Brokers" hint="host:port, separated by commas or new lines." error={errors.brokers}>
        {(control) => (
          <textarea
            {...control}
            data-testid="profile-brokers"
            rows={2}
            spellCheck={false}
            placeholder="localhost:9092"
            value={fields.brokers}
            onChange={(event) => set('brokers', event.target.value)}
          />
        )}
      </FormField>
      <div className="form-row">
        <FormField id="profile-client-id" label="Client id" error={errors.clientId}>
          {(control) => (
            <input {...control} data-testid="profile-client-id" autoComplete="off" spellCheck={false} placeholder="outpost" value={fields.clientId} onChange={(event) => set('clientId', event.target.value)} />
          )}
        </FormField>
        <FormField id="profile-group-id" label="Consumer group" hint="Blank: one group for this installation." error={errors.groupId}>
          {(control) => (
            <input {...control} data-testid="profile-group-id" autoComplete="off" spellCheck={false} value={fields.groupId} onChange={(event) => set('groupId', event.target.value)} />
          )}
        </FormField>
      </div>
      <label className="switch">
        <input type="checkbox" data-testid="profile-enabled" checked={fields.enabled} onChange={(event) => set('enabled', event.target.checked)} />
        Enabled: read this profile’s subscriptions
      </label>

      <fieldset className="form-section">
        <legend>
          <label className="switch">
            <input type="checkbox" data-testid="profile-use-tls" checked={fields.useTls} onChange={(event) => set('useTls', event.target.checked)} />
            TLS
          </label>
        </legend>
        {fields.useTls ? (
          <>
            <PemField id="profile-tls-ca" label="CA certificate (PEM)" hint="Blank: trust the system’s certificate authorities." error={errors.ca} value={fields.ca} onChange={(text) => set('ca', text)} />
            <PemField id="profile-tls-cert" label="Client certificate (PEM)" error={errors.cert} value={fields.cert} onChange={(text) => set('cert', text)} />
            <PemField
              id="profile-tls-key"
              label="Client key (PEM)"
              hint={stored.key ? 'A key is stored; leave blank to keep it.' : undefined}
              placeholder={stored.key ? 'A key is stored' : undefined}
              error={errors.key}
              value={fields.key}
              onChange={(text) => set('key', text)}
            />
            <FormField id="profile-tls-servername" label="Server name" hint="Blank: the broker’s host name." error={errors.servername}>
              {(control) => (
                <input {...control} data-testid="profile-tls-servername" autoComplete="off" spellCheck={false} value={fields.servername} onChange={(event) => set('servername', event.target.value)} />
              )}
            </FormField>
          </>
        ) : (
          <p className="field-hint">Off: the connection is not encrypted.</p>
        )}
      </fieldset>

      <fieldset className="form-section">
        <legend>
          <label className="switch">
            <input type="checkbox" data-testid="profile-use-sasl" checked={fields.useSasl} onChange={(event) => set('useSasl', event.target.checked)} />
            SASL login
          </label>
        </legend>
        {fields.useSasl ? (
          <>
            <FormField id="profile-sasl-mechanism" label="Mechanism">
              {(control) => (
                <select {...control} data-testid="profile-sasl-mechanism" value={fields.mechanism} onChange={(event) => set('mechanism', toMechanism(event.target.value))}>
                  {SASL_MECHANISMS.map((mechanism) => (
                    <option key={mechanism} value={mechanism}>
                      {MECHANISM_LABELS[mechanism]}
                    </option>
                  ))}
                </select>
              )}
            </FormField>
            <div className="form-row">
              <FormField id="profile-sasl-username" label="Username" error={errors.username}>
                {(control) => (
                  <input {...control} data-testid="profile-sasl-username" autoComplete="off" spellCheck={false} value={fields.username} onChange={(event) => set('username', event.target.value)} />
                )}
              </FormField>
              <FormField
                id="profile-sasl-password"
                label="Password"
                hint={stored.password ? 'A password is stored; leave blank to keep it.' : undefined}
                error={errors.password}
              >
                {(control) => (
                  <input
                    {...control}
                    type="password"
                    data-testid="profile-sasl-password"
                    autoComplete="new-password"
                    value={fields.password}
                    onChange={(event) => set('password', event.target.value)}
                  />
                )}
              </FormField>
            </div>
          </>
        ) : (
          <p className="field-hint">Off: no login.</p>
        )}
      </fieldset>

      {errors.form === undefined ? null : (
        <p className="form-error" role="alert" data-testid="profile-form-error">
          {errors.form}
        </p>
      )}
      <div className="form-actions">
        <button type="submit" className="primary" data-testid="save-profile" disabled={saving}>
          {saving ? 'Saving…' : 'Save profile'}
        </button>
        <button type="button" data-testid="cancel-profile" onClick={onCancel}>
          Cancel
        </button>
      </div>
    </form>
  );
}

function toMechanism(value: string): SaslMechanism {
  return SASL_MECHANISMS.find((mechanism) => mechanism === value) ?? 'plain';
}
