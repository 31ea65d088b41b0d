import { useState, type FormEvent } from 'react';
import type { SessionState } from '../../shared/session';
import type { Client } from '../client';
import { checkNewPassphrase, hasProblem, NEW_PASSPHRASE_HINT, type NewPassphraseProblems } from './new-passphrase';
import { TrappedDialog } from './TrappedDialog';
import { PassphraseField } from './PassphraseField';

interface SetupScreenProps {
  readonly client: Client;
  readonly state: SessionState;
  readonly onOpened: (state: SessionState) => void;
}

/** The first start: the analyst chooses the passphrase that will guard the new cache. */
export function SetupScreen({ client, state, onOpened }: SetupScreenProps) {
  const [passphrase, setPassphrase] = useState('');
  const [confirmation, setConfirmation] = useState('');
  const [problems, setProblems] = useState<NewPassphraseProblems>({});
  const [problem, setProblem] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);

  const setUp = (event: FormEvent): void => {
    event.preventDefault();
    const found = checkNewPassphrase(passphrase, confirmation);
    setProblems(found);
    setProblem(null);
    if (hasProblem(found)) return;
    setBusy(true);
    void client.call('session.setup', { passphrase }).then((result) => {
      setBusy(false);
      if (result.ok) onOpened(result.value);
      else setProblem(result.error.message);
    });
  };

  return (
    <TrappedDialog title="Choose a passphrase" testId="setup-screen">
      <p className="session-reason">
        This is Outpost’s first start on this machine. Choose the passphrase that protects the cache of everything Outpost receives. Outpost asks for it
        when it starts, after {state.idleLockMinutes} minutes without use, and before any change to its security. Keep it somewhere safe.
      </p>
      <form className="session-form" onSubmit={setUp}>
        <PassphraseField id="setup-passphrase" hint={NEW_PASSPHRASE_HINT} error={problems.passphrase} purpose="new" value={passphrase} onChange={setPassphrase} autoFocus />
        <PassphraseField id="setup-confirmation" label="The same passphrase again" error={problems.confirmation} purpose="new" value={confirmation} onChange={setConfirmation} />
        {problem === null ? null : (
          <p className="form-problem" role="alert" data-testid="setup-problem">
            {problem}
          </p>
        )}
        <div className="session-actions">
          <button type="submit" className="session-primary" data-testid="setup-submit" disabled={busy}>
            {busy ? 'Setting up…' : 'Set passphrase and open'}
          </button>
        </div>
      </form>
    </TrappedDialog>
  );
}
