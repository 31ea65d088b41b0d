import { useState, type FormEvent } from 'react';
import { FormField } from '../connections/FormField';

export type StepAction = 'acknowledge' | 'resolve';

const STEP_LABELS: Readonly<Record<StepAction, string>> = { acknowledge: 'Acknowledge', resolve: 'Resolve' };

interface AlertStepFormProps {
  readonly step: StepAction;
  readonly busy: boolean;
  /** The note as typed and trimmed, or null for none. */
  readonly onSubmit: (note: string | null) => void;
  readonly onCancel: () => void;
}

/** Acknowledging or resolving, with a note the alert's history keeps beside who did it and when. */
export function AlertStepForm({ step, busy, onSubmit, onCancel }: AlertStepFormProps) {
  const [note, setNote] = useState('');
  const submit = (event: FormEvent<HTMLFormElement>): void => {
    event.preventDefault();
    const trimmed = note.trim();
    onSubmit(trimmed === '' ? null : trimmed);
  };
  return (
    <form className="alert-inline-form" data-testid="alert-step-form" noValidate aria-label={`${STEP_LABELS[step]} the alert`} onSubmit={submit}>
      <FormField id="alert-note" label="Note" hint="Optional: what you did or why.">
        {(control) => <textarea {...control} data-testid="alert-note" rows={2} maxLength={2_000} autoFocus value={note} onChange={(event) => setNote(event.target.value)} />}
      </FormField>
      <div className="form-actions">
        <button type="submit" className="primary" data-testid="alert-step-submit" disabled={busy}>
          {STEP_LABELS[step]}
        </button>
        <button type="button" data-testid="alert-step-cancel" disabled={busy} onClick={onCancel}>
          Cancel
        </button>
      </div>
    </form>
  );
}
