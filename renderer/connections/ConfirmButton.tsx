import { useState } from 'react';

interface ConfirmButtonProps {
  readonly label: string;
  /** Says what will happen, as a question. */
  readonly question: string;
  readonly confirmLabel: string;
  readonly testId: string;
  readonly disabled?: boolean;
  readonly onConfirm: () => void;
}

/** A destructive action that takes a second, deliberate click; Cancel has the focus so Enter is safe. */
export function ConfirmButton({ label, question, confirmLabel, testId, disabled = false, onConfirm }: ConfirmButtonProps) {
  const [asking, setAsking] = useState(false);
  if (!asking) {
    return (
      <button type="button" className="quiet danger" data-testid={testId} disabled={disabled} onClick={() => setAsking(true)}>
        {label}
      </button>
    );
  }
  return (
    <span className="confirm" role="group" aria-label={question}>
      <span className="confirm-question">{question}</span>
      <button
        type="button"
        className="danger"
        data-testid={`${testId}-confirm`}
        onClick={() => {
          setAsking(false);
          onConfirm();
        }}
      >
        {confirmLabel}
      </button>
      <button type="button" data-testid={`${testId}-cancel`} autoFocus onClick={() => setAsking(false)}>
        Cancel
      </button>
    </span>
  );
}
