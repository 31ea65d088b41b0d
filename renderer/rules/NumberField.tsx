import { FormField } from '../connections/FormField';

interface NumberFieldProps {
  /** The input's id and test id. */
  readonly id: string;
  readonly label: string;
  /** Shown after the label in brackets, so the analyst knows what the number counts. */
  readonly unit: string;
  /** 'numeric' for whole numbers; 'decimal' where a fraction makes sense, so touch keyboards offer the point. */
  readonly inputMode: 'numeric' | 'decimal';
  readonly hint?: string | undefined;
  readonly error?: string | undefined;
  /** The text as typed: the form model parses it when the rule is checked. */
  readonly value: string;
  readonly onChange: (text: string) => void;
}

/** A labelled box for one number in a rule, with its unit, hint and error. */
export function NumberField({ id, label, unit, inputMode, hint, error, value, onChange }: NumberFieldProps) {
  return (
    <FormField id={id} label={`${label} (${unit})`} hint={hint} error={error}>
      {(control) => <input {...control} data-testid={id} inputMode={inputMode} autoComplete="off" value={value} onChange={(event) => onChange(event.target.value)} />}
    </FormField>
  );
}
