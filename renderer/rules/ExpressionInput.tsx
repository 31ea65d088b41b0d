import { useMemo } from 'react';
import { expressionProblem } from './expression-problem';

interface ExpressionInputProps {
  readonly id: string;
  readonly label: string;
  readonly hint?: string;
  readonly placeholder?: string;
  readonly value: string;
  readonly onChange: (text: string) => void;
  /** From saving the rule; the live check's own sentence takes its place while the text is wrong. */
  readonly error?: string | undefined;
}

/** An expression box that checks as the analyst types, saying what is wrong and pointing at where. */
export function ExpressionInput({ id, label, hint, placeholder, value, onChange, error }: ExpressionInputProps) {
  const problem = useMemo(() => expressionProblem(value), [value]);
  const message = problem?.message ?? error;
  const hintId = hint === undefined ? undefined : `${id}-hint`;
  const errorId = message === undefined ? undefined : `${id}-error`;
  const describedBy = [hintId, errorId].filter((part) => part !== undefined).join(' ');
  return (
    <div className={message === undefined ? 'form-field' : 'form-field has-error'}>
      <label htmlFor={id}>{label}</label>
      <textarea
        id={id}
        className="expression-input"
        data-testid={id}
        rows={2}
        spellCheck={false}
        autoComplete="off"
        placeholder={placeholder}
        aria-invalid={message !== undefined}
        aria-describedby={describedBy === '' ? undefined : describedBy}
        value={value}
        onChange={(event) => onChange(event.target.value)}
      />
      {hint === undefined ? null : (
        <p className="field-hint" id={hintId}>
          {hint}
        </p>
      )}
      {message === undefined ? null : (
        <div className="expression-problem" id={errorId}>
          <p className="field-error" data-testid={`${id}-error`}>
            {message}
          </p>
          {problem === null ? null : (
            <pre className="expression-caret" data-testid={`${id}-caret`} aria-hidden="true">
              {problem.caretLine}
            </pre>
          )}
        </div>
      )}
    </div>
  );
}
