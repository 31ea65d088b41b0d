import { useId, useState, type FormEvent, type ReactNode } from 'react';
import { budgetInputText, describeRate, parseBudget } from './budget-input';

interface BudgetEditorProps {
  /** The budget now, in bytes a second; null for no limit. */
  readonly budget: number | null;
  /** Sets the budget, or lifts it with null; resolves with a sentence to show when it did not, else null. */
  readonly onSave: (bytesPerSecond: number | null) => Promise<string | null>;
  /** Fields that say which destination, when the editor is not already on a destination's row. */
  readonly children?: ReactNode;
}

const UNIT_HINT = 'In KB/s, 1 KB = 1,000 bytes: a 9.6 kbit/s radio link carries 1.2 KB/s.';

/** A destination's bandwidth budget: typed in KB/s, shown in kbit/s as well because radio links are rated in kbit/s. */
export function BudgetEditor({ budget, onSave, children }: BudgetEditorProps) {
  const id = useId();
  const [text, setText] = useState(() => budgetInputText(budget));
  const [problem, setProblem] = useState<string | null>(null);
  const [saving, setSaving] = useState(false);
  const reading = parseBudget(text);
  // The row already states the budget it has; the hint speaks up for a rate being typed, or for the unit.
  const hint = !reading.ok ? UNIT_HINT : reading.bytesPerSecond === budget ? null : describeRate(reading.bytesPerSecond);
  const describedBy = [hint === null ? null : `${id}-hint`, problem === null ? null : `${id}-problem`].filter((part) => part !== null).join(' ');

  const save = async (bytesPerSecond: number | null): Promise<void> => {
    setSaving(true);
    setProblem(null);
    const refusal = await onSave(bytesPerSecond);
    setSaving(false);
    setProblem(refusal);
  };

  const submit = (event: FormEvent<HTMLFormElement>): void => {
    event.preventDefault();
    if (reading.ok) void save(reading.bytesPerSecond);
    else setProblem(reading.problem);
  };

  return (
    <form className="budget-editor" noValidate onSubmit={submit}>
      {children}
      <label htmlFor={`${id}-rate`}>Budget (KB/s)</label>
      <div className="budget-line">
        <input
          id={`${id}-rate`}
          data-testid="destination-budget-input"
          inputMode="decimal"
          autoComplete="off"
          spellCheck={false}
          placeholder="1.2"
          aria-invalid={problem !== null}
          aria-describedby={describedBy === '' ? undefined : describedBy}
          value={text}
          onChange={(event) => {
            setText(event.target.value);
            setProblem(null);
          }}
        />
        <button type="submit" data-testid="destination-budget-save" disabled={saving}>
          Save
        </button>
        {budget === null ? null : (
          <button type="button" data-testid="destination-budget-lift" disabled={saving} onClick={() => void save(null)}>
            No limit
          </button>
        )}
      </div>
      {hint === null ? null : (
        <p className="field-hint" id={`${id}-hint`} data-testid="destination-budget-hint">
          {hint}
        </p>
      )}
      {problem === null ? null : (
        <p className="field-error" id={`${id}-problem`} role="alert" data-testid="destination-budget-error">
          {problem}
        </p>
      )}
    </form>
  );
}
