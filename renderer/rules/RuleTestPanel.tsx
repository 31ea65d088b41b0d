import { useState } from 'react';
import { MAX_TEST_HOURS, type RuleInput, type RuleKind, type RuleTestResult } from '../../shared/rules';
import type { Client } from '../client';
import { FormField } from '../connections/FormField';
import { formatUtcDateTime } from '../connections/figures';
import type { RuleFormFields } from './rule-form-model';
import { describeTestResult, truncationNote } from './rule-test-summary';

const DEFAULT_HOURS = '24';

interface RuleTestPanelProps {
  readonly client: Client;
  /** The editor's fields: a result is shown only while they are the ones it was tested with. */
  readonly fields: RuleFormFields;
  /** The rule as the editor holds it now, or null when the editor has shown what is wrong with it. */
  readonly currentRule: () => RuleInput | null;
}

interface Tested {
  readonly result: RuleTestResult;
  readonly kind: RuleKind;
  readonly fields: RuleFormFields;
}

/** Replays the cache through the rule as it stands, unsaved, to show how often it would have fired. */
export function RuleTestPanel({ client, fields, currentRule }: RuleTestPanelProps) {
  const [hours, setHours] = useState(DEFAULT_HOURS);
  const [hoursProblem, setHoursProblem] = useState<string | undefined>(undefined);
  // Kept with the fields it was about, so it goes once the analyst changes the rule.
  const [problem, setProblem] = useState<{ readonly sentence: string; readonly fields: RuleFormFields } | null>(null);
  const [tested, setTested] = useState<Tested | null>(null);
  const [testing, setTesting] = useState(false);

  const test = async (): Promise<void> => {
    setProblem(null);
    const wholeHours = Number(hours.trim());
    if (!/^\d+$/.test(hours.trim()) || wholeHours < 1 || wholeHours > MAX_TEST_HOURS) {
      setHoursProblem(`Enter the hours to look back: a whole number from 1 to ${MAX_TEST_HOURS}.`);
      return;
    }
    setHoursProblem(undefined);
    const rule = currentRule();
    if (rule === null) {
      setProblem({ sentence: 'The rule has problems, marked above. Fix them, then test it.', fields });
      return;
    }
    setTesting(true);
    const result = await client.call('rules.testAgainstCache', { rule, hours: wholeHours });
    setTesting(false);
    if (result.ok) setTested({ result: result.value, kind: rule.definition.kind, fields });
    else setProblem({ sentence: result.error.message, fields });
  };

  const note = tested === null ? null : truncationNote(tested.result);
  return (
    <section className="rule-test" aria-label="Test against the cache" data-testid="rule-test">
      <div className="rule-test-line">
        <FormField id="rule-test-hours" label="Look back (hours)" error={hoursProblem}>
          {(control) => <input {...control} data-testid="rule-test-hours" inputMode="numeric" autoComplete="off" value={hours} onChange={(event) => setHours(event.target.value)} />}
        </FormField>
        <button type="button" data-testid="rule-test-run" disabled={testing} onClick={() => void test()}>
          {testing ? 'Testing…' : 'Test against cache'}
        </button>
      </div>
      {problem === null || problem.fields !== fields ? null : (
        <p className="form-error" role="alert" data-testid="rule-test-problem">
          {problem.sentence}
        </p>
      )}
      {tested === null || tested.fields !== fields ? null : (
        <div className="rule-test-result" role="status" data-testid="rule-test-result">
          <p data-testid="rule-test-summary">{describeTestResult(tested.result, tested.kind)}</p>
          {note === null ? null : <p className="field-hint">{note}</p>}
          {tested.result.examples.length === 0 ? null : (
            <ol className="rule-test-examples" aria-label="What it would have said">
              {tested.result.examples.map((example, index) => (
                <li key={index} data-testid="rule-test-example">
                  <time dateTime={new Date(example.time).toISOString()}>{formatUtcDateTime(example.time)}</time> {example.message}
                </li>
              ))}
            </ol>
          )}
        </div>
      )}
    </section>
  );
}
