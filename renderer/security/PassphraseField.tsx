import type { Ref } from 'react';
import { FormField } from '../connections/FormField';

interface PassphraseFieldProps {
  /** The field's id, which is also its test id. */
  readonly id: string;
  readonly label?: string;
  readonly hint?: string | undefined;
  readonly error?: string | undefined;
  /** A passphrase being chosen, or one the analyst already has: password managers treat the two apart. */
  readonly purpose: 'new' | 'current';
  readonly value: string;
  readonly onChange: (value: string) => void;
  readonly autoFocus?: boolean;
  readonly disabled?: boolean;
  readonly inputRef?: Ref<HTMLInputElement>;
}

/** One masked passphrase input with its label, hint and error, as every session form asks for it. */
export function PassphraseField({ id, label = 'Passphrase', hint, error, purpose, value, onChange, autoFocus, disabled, inputRef }: PassphraseFieldProps) {
  return (
    <FormField id={id} label={label} hint={hint} error={error}>
      {(control) => (
        <input
          {...control}
          ref={inputRef}
          type="password"
          autoComplete={purpose === 'new' ? 'new-password' : 'current-password'}
          autoFocus={autoFocus}
          data-testid={id}
          value={value}
          disabled={disabled}
          onChange={(event) => onChange(event.target.value)}
        />
      )}
    </FormField>
  );
}
