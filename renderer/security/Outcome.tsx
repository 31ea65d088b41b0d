/** How a security change ended: a confirmation, or what the core said went wrong. */
export interface OutcomeSentence {
  readonly ok: boolean;
  readonly sentence: string;
}

interface OutcomeProps {
  readonly outcome: OutcomeSentence | null;
  readonly testId: string;
}

/** Says how a security change ended, as a status or, when it failed, as an alert. */
export function Outcome({ outcome, testId }: OutcomeProps) {
  if (outcome === null) return null;
  return outcome.ok ? (
    <p className="form-done" role="status" data-testid={testId}>
      {outcome.sentence}
    </p>
  ) : (
    <p className="form-error" role="alert" data-testid={testId}>
      {outcome.sentence}
    </p>
  );
}
