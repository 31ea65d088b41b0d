import { useState, type ChangeEvent } from 'react';
import { FormField } from './FormField';

/** The contract's limit for PEM text; a bigger file is certainly not a certificate or key. */
const PEM_LIMIT_BYTES = 64 * 1024;

interface PemFieldProps {
  readonly id: string;
  readonly label: string;
  readonly value: string;
  readonly hint?: string | undefined;
  readonly error?: string | undefined;
  readonly placeholder?: string;
  readonly onChange: (text: string) => void;
}

/** PEM text, pasted or loaded from a file on this machine; the file is read here and never uploaded anywhere. */
export function PemField({ id, label, value, hint, error, placeholder = '-----BEGIN …', onChange }: PemFieldProps) {
  const [readProblem, setReadProblem] = useState<string | undefined>(undefined);

  const load = async (event: ChangeEvent<HTMLInputElement>): Promise<void> => {
    const file = event.target.files?.[0];
    // Cleared so that choosing the same file again, after editing the text, loads it again.
    event.target.value = '';
    if (file === undefined) return;
    if (file.size > PEM_LIMIT_BYTES) {
      setReadProblem(`“${file.name}” is larger than 64 KB, so it is not a PEM certificate or key.`);
      return;
    }
    try {
      onChange(await file.text());
      setReadProblem(undefined);
    } catch {
      setReadProblem(`“${file.name}” could not be read; paste its text instead.`);
    }
  };

  return (
    <FormField id={id} label={label} hint={hint} error={error ?? readProblem}>
      {(control) => (
        <div className="pem-input">
          <textarea
            {...control}
            className="pem"
            rows={3}
            spellCheck={false}
            autoComplete="off"
            placeholder={placeholder}
            value={value}
            data-testid={id}
            onChange={(event) => onChange(event.target.value)}
          />
          <label className="file-button">
            Load file…
            <input type="file" className="visually-hidden" accept=".pem,.crt,.cer,.key,text/plain" data-testid={`${id}-file`} onChange={(event) => void load(event)} />
          </label>
        </div>
      )}
    </FormField>
  );
}
