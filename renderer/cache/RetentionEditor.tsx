import { useEffect, useState, type FormEvent } from 'react';
import type { Client } from '../client';
import { RoleNote } from '../components/RoleNote';
import { useMayCall } from '../security/role-context';
import { retentionFieldsOf, retentionOf, type RetentionFields } from './retention-form-model';

/** How long and how much the cache keeps; retention applies a change on its next pass. */
export function RetentionEditor({ client }: { readonly client: Client }) {
  const [fields, setFields] = useState<RetentionFields | null>(null);
  const [message, setMessage] = useState<{ readonly problem: boolean; readonly text: string } | null>(null);
  // A role that may not change retention still reads it, in the same fields made read-only.
  const maySave = useMayCall('cache.setRetention');
  useEffect(() => {
    void client.call('cache.retention', {}).then((answer) => {
      if (answer.ok) setFields(retentionFieldsOf(answer.value));
      else setMessage({ problem: true, text: answer.error.message });
    });
  }, [client]);
  if (fields === null) return message === null ? null : <p className="form-problem" role="alert">{message.text}</p>;

  const save = (event: FormEvent): void => {
    event.preventDefault();
    const outcome = retentionOf(fields);
    if (!outcome.ok) return setMessage({ problem: true, text: outcome.problem });
    void client.call('cache.setRetention', { retention: outcome.settings }).then((answer) => {
      if (!answer.ok) return setMessage({ problem: true, text: answer.error.message });
      setFields(retentionFieldsOf(answer.value));
      setMessage({ problem: false, text: 'Saved. Retention applies it on its next pass.' });
    });
  };
  return (
    <form className="retention-editor" aria-label="Retention" onSubmit={save}>
      <label>
        Keep for (hours)
        <input type="text" inputMode="decimal" data-testid="retention-hours" readOnly={!maySave} value={fields.maxAgeHours} onChange={(event) => setFields({ ...fields, maxAgeHours: event.target.value })} />
      </label>
      <label>
        Keep at most (GB)
        <input type="text" inputMode="decimal" data-testid="retention-gigabytes" readOnly={!maySave} value={fields.maxGigabytes} onChange={(event) => setFields({ ...fields, maxGigabytes: event.target.value })} />
      </label>
      {maySave ? (
        <button type="submit" data-testid="retention-save">
          Save retention
        </button>
      ) : (
        <RoleNote action="change retention" />
      )}
      {message === null ? null : (
        <p className={message.problem ? 'form-problem' : 'form-hint'} role={message.problem ? 'alert' : 'status'} data-testid="retention-message">
          {message.text}
        </p>
      )}
    </form>
  );
}
