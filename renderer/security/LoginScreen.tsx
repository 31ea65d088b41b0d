import { useContext, useState, type FormEvent } from 'react';
import { formatUtc } from '../review/utc-time';
import { ConsentGiven } from './consent-given';
import { formatCountdown } from './countdown';
import { pageWithToken, requestLogin, type LoginScope } from './login-request';
import { TrappedDialog } from './TrappedDialog';
import { useLockout } from './use-lockout';
import './security.css';
import { PassphraseField } from './PassphraseField';

interface LoginScreenProps {
  readonly scope: LoginScope;
}

/** The web page opened from another machine: the passphrase buys this browser the host's token. */
export function LoginScreen({ scope }: LoginScreenProps) {
  const [passphrase, setPassphrase] = useState('');
  const [problem, setProblem] = useState<string | null>(null);
  const [lockedOutUntil, setLockedOutUntil] = useState<number | null>(null);
  const [busy, setBusy] = useState(false);
  const { lockedOut, remainingMs } = useLockout(lockedOutUntil);
  const consentGiven = useContext(ConsentGiven);

  const logIn = (event: FormEvent): void => {
    event.preventDefault();
    if (passphrase === '') {
      setProblem('Enter the passphrase.');
      return;
    }
    setBusy(true);
    void requestLogin(scope, passphrase).then((answer) => {
      if (answer.kind === 'admitted') {
        scope.location.replace(pageWithToken(answer.token));
        return;
      }
      setBusy(false);
      setPassphrase('');
      setProblem(answer.message);
      setLockedOutUntil(answer.lockedOutUntil);
    });
  };

  // The site's consent notice, if it has one, comes first and alone.
  if (!consentGiven) return null;
  return (
    <TrappedDialog title="Sign in to Outpost" testId="login-screen">
      <p className="session-reason">This Outpost is being opened from another machine. Enter its passphrase to continue.</p>
      <form className="session-form" onSubmit={logIn}>
        <PassphraseField id="login-passphrase" error={problem ?? undefined} purpose="current" value={passphrase} onChange={setPassphrase} autoFocus disabled={lockedOut} />
        {lockedOut && lockedOutUntil !== null ? (
          <p className="session-lockout" role="status" data-testid="lockout">
            You can try again in <span data-testid="lockout-countdown">{formatCountdown(remainingMs)}</span>, at {formatUtc(lockedOutUntil)}.
          </p>
        ) : null}
        <div className="session-actions">
          <button type="submit" className="session-primary" data-testid="login-submit" disabled={lockedOut || busy}>
            {busy ? 'Checking…' : 'Sign in'}
          </button>
        </div>
      </form>
    </TrappedDialog>
  );
}
