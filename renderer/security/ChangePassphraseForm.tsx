import { useState, type FormEvent } from 'react';
import type { SessionState } from '../../shared/session';
import type { Client } from '../client';
import { Outcome, type OutcomeSentence } from './Outcome';
import { checkNewPassphrase, hasProblem, NEW_PASSPHRASE_HINT, type NewPassphraseProblems } from './new-passphrase';
import { PassphraseField } from './PassphraseField';

interface ChangePassphraseFormProps {
  readonly client: Client;
  readonly onChanged: (state: SessionState) => void;
}

interface Problems extends NewPassphraseProblems {
  readonly current?: string | undefined;
}

export function ChangePassphraseForm({ client, onChanged }: ChangePassphraseFormProps) {
  const [current, setCurrent] = useState('');
  const [next, setNext] = useState('');
  const [confirmation, setConfirmation] = useState('');
  const [problems, setProblems] = useState<Problems>({});
  const [outcome, setOutcome] = useState<OutcomeSentence | null>(null);
  const [busy, setBusy] = useState(false);

  const change = (event: FormEvent): void => {
    event.preventDefault();
    const found: Problems = { current: current === '' ? 'Enter the passphrase you use now.' : undefined, ...checkNewPassphrase(next, confirmation) };
    setProblems(found);
    setOutcome(null);
    if (found.current !== undefined || hasProblem(found)) return;
    setBusy(true);
    void client.call('session.changePassphrase', { current, next }).then((result) => {
      setBusy(false);
      if (!result.ok) {
        setOutcome({ ok: false, sentence: result.error.message });
        return;
      }
      setCurrent('');
      setNext('');
      setConfirmation('');
      setOutcome({ ok: true, sentence: 'The passphrase is changed. Use the new one from now on.' });
      onChanged(result.value);
    });
  };

  return (
    <form className="security-form" aria-label="Change passphrase" onSubmit={change}>
      <PassphraseField id="passphrase-current" label="Current passphrase" error={problems.current} purpose="current" value={current} onChange={setCurrent} />
      <PassphraseField id="passphrase-next" label="New passphrase" hint={NEW_PASSPHRASE_HINT} error={problems.passphrase} purpose="new" value={next} onChange={setNext} />
      <PassphraseField id="passphrase-confirmation" label="The new passphrase again" error={problems.confirmation} purpose="new" value={confirmation} onChange={setConfirmation} />
      <Outcome outcome={outcome} testId="passphrase-outcome" />
      <div className="form-actions">
        <button type="submit" className="primary" data-testid="passphrase-change" disabled={busy}>
          {busy ? 'Changing…' : 'Change passphrase'}
        </button>
      </div>
    </form>
  );
}
