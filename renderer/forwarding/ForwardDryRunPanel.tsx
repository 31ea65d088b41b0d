import { useState } from 'react';
import { MAX_DRY_RUN_HOURS, type ForwardDryRun, type ForwardRuleInput } from '../../shared/forwarding';
import type { Client } from '../client';
import { FormField } from '../connections/FormField';
import type { ForwardFormFields } from './forward-form-model';
import { describeDryRun } from './forward-figures';

/** The spans the analyst picks from: an hour, a shift, a day and a week, the longest the core reads back. */
const HOUR_CHOICES = [1, 6, 24, MAX_DRY_RUN_HOURS] as const;
const DEFAULT_HOURS = 24;

interface ForwardDryRunPanelProps {
  readonly client: Client;
  /** The form's fields: a result is shown only while they are the ones it was run with. */
  readonly fields: ForwardFormFields;
  /** The rule as the form holds it now, or null when the form has shown what is wrong with it. */
  readonly currentRule: () => ForwardRuleInput | null;
}

interface Ran {
  readonly result: ForwardDryRun;
  readonly fields: ForwardFormFields;
}

/** Runs the rule as it stands, unsaved, over the cache, to show what it would send and what that costs the link. */
export function ForwardDryRunPanel({ client, fields, currentRule }: ForwardDryRunPanelProps) {
  const [hours, setHours] = useState<number>(DEFAULT_HOURS);
  // Kept with the fields it was about, so it goes once the analyst changes the rule.
  const [problem, setProblem] = useState<{ readonly sentence: string; readonly fields: ForwardFormFields } | null>(null);
  const [ran, setRan] = useState<Ran | null>(null);
  const [running, setRunning] = useState(false);

  const run = async (): Promise<void> => {
    setProblem(null);
    const rule = currentRule();
    if (rule === null) {
      setProblem({ sentence: 'The rule has problems, marked above. Fix them, then run it again.', fields });
      return;
    }
    setRunning(true);
    const result = await client.call('forwarding.dryRun', { rule, hours });
    setRunning(false);
    if (result.ok) setRan({ result: result.value, fields });
    else setProblem({ sentence: result.error.message, fields });
  };

  return (
    <section className="forward-dry-run" aria-label="Dry run against the cache" data-testid="forward-dry-run-panel">
      <div className="forward-dry-run-line">
        <FormField id="forward-dry-run-hours" label="Look back">
          {(control) => (
            <select {...control} data-testid="forward-dry-run-hours" value={hours} onChange={(event) => setHours(Number(event.target.value))}>
              {HOUR_CHOICES.map((choice) => (
                <option key={choice} value={choice}>
                  {choice === MAX_DRY_RUN_HOURS ? `${choice} h (a week)` : `${choice} h`}
                </option>
              ))}
            </select>
          )}
        </FormField>
        <button type="button" data-testid="forward-dry-run" disabled={running} onClick={() => void run()}>
          {running ? 'Running…' : 'Dry run'}
        </button>
      </div>
      <p className="field-hint">Reads the cache only: nothing is queued or sent.</p>
      {problem === null || problem.fields !== fields ? null : (
        <p className="form-error" role="alert" data-testid="forward-dry-run-problem">
          {problem.sentence}
        </p>
      )}
      {ran === null || ran.fields !== fields ? null : (
        <div className="forward-dry-run-result" role="status" data-testid="forward-dry-run-result">
          <p data-testid="forward-dry-run-summary">{describeDryRun(ran.result)}</p>
          {ran.result.examples.length === 0 ? null : (
            <ol className="forward-dry-run-examples" aria-label="What it would send, first ones first">
              {ran.result.examples.map((example, index) => (
                <li key={index} data-testid="forward-dry-run-example">
                  {example}
                </li>
              ))}
            </ol>
          )}
        </div>
      )}
    </section>
  );
}
