import { useRef, useState, type FormEvent } from 'react';
import type { SessionState } from '../../shared/session';
import type { Client } from '../client';
import { formatUtc } from '../review/utc-time';
import { formatCountdown } from './countdown';
import { describeFailedAttempts, describeLock } from './lock-reason';
import { TrappedDialog } from './TrappedDialog';
import { useLockout } from './use-lockout';
import { PassphraseField } from './PassphraseField';

interface UnlockScreenProps {
  readonly client: Client;
  readonly state: SessionState;
  readonly onUnlocked: (state: SessionState) => void;
}

/** Asks for the passphrase; while too many wrong ones lock Outpost out, says until when and waits. */
export function UnlockScreen({ client, state, onUnlocked }: UnlockScreenProps) {
  const [passphrase, setPassphrase] = useState('');
  const [problem, setProblem] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);
  const field = useRef<HTMLInputElement>(null);
  const { lockedOut, remainingMs } = useLockout(state.lockedOutUntil);

  // The sentence from the try that caused a lockout is stale once the lockout is over.
  const [wasLockedOut, setWasLockedOut] = useState(lockedOut);
  if (wasLockedOut !== lockedOut) {
    setWasLockedOut(lockedOut);
    if (!lockedOut) setProblem(null);
  }

  const unlock = (event: FormEvent): void => {
    event.preventDefault();
    if (passphrase === '') {
      setProblem('Enter the passphrase.');
      return;
    }
    setBusy(true);
    void client.call('session.unlock', { passphrase }).then((result) => {
      setBusy(false);
      if (result.ok) {
        onUnlocked(result.value);
        return;
      }
      setPassphrase('');
      setProblem(result.error.message);
      field.current?.focus();
    });
  };

  return (
    <TrappedDialog title="Outpost is locked" testId="unlock-screen">
      <p className="session-reason" data-testid="lock-reason">
        {describeLock(state.lockReason, state.idleLockMinutes)} Enter the passphrase to open it.
      </p>
      {state.notice === null ? null : (
        <p className="session-notice" data-testid="session-notice">
          {state.notice}
        </p>
      )}
      <form className="session-form" onSubmit={unlock}>
        <PassphraseField id="unlock-passphrase" error={problem ?? undefined} purpose="current" value={passphrase} onChange={setPassphrase} autoFocus disabled={lockedOut} inputRef={field} />
        {lockedOut && state.lockedOutUntil !== null ? (
          <p className="session-lockout" role="status" data-testid="lockout">
            Too many wrong passphrases in a row, so Outpost is not accepting any for a while. You can try again in{' '}
            <span data-testid="lockout-countdown">{formatCountdown(remainingMs)}</span>, at {formatUtc(state.lockedOutUntil)}.
          </p>
        ) : problem === null && state.failedAttempts > 0 ? (
          <p className="session-hint" data-testid="failed-attempts">
            {describeFailedAttempts(state.failedAttempts)}
          </p>
        ) : null}
        <div className="session-actions">
          <button type="submit" className="session-primary" data-testid="unlock-submit" disabled={lockedOut || busy}>
            {busy ? 'Checking…' : 'Unlock'}
          </button>
        </div>
      </form>
    </TrappedDialog>
  );
}
