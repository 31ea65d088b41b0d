import { useState } from 'react';

interface ConfirmButtonProps {
  readonly label: string;
  /** Says what will happen, as a question. */
  readonly question: string;
  readonly confirmLabel: string;
  /** The way back; "Cancel" unless that would read as the action itself (cancelling a message). */
  readonly dismissLabel?: string;
  readonly testId: string;
  readonly disabled?: boolean;
  readonly onConfirm: () => void;
}

/** A destructive action that takes a second, deliberate click; the way back has the focus so Enter is safe. */
export function ConfirmButton({ label, question, confirmLabel, dismissLabel = 'Cancel', testId, disabled = false, onConfirm }: ConfirmButtonProps) {
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
        {dismissLabel}
      </button>
    </span>
  );
}
