import { useCallback, useContext, useEffect, useMemo, useState, type ReactNode } from 'react';
import type { SessionState } from '../../shared/session';
import type { Client } from '../client';
import { ConsentGiven } from './consent-given';
import { RoleContext } from './role-context';
import type { RekeyReport, SessionControls } from './session-controls';
import { SetupScreen } from './SetupScreen';
import { TrappedDialog } from './TrappedDialog';
import { UnlockScreen } from './UnlockScreen';
import { useActivityReport } from './use-activity-report';

interface SessionGateProps {
  readonly client: Client;
  /** The app, mounted only while unlocked so nothing it showed stays on screen behind a lock. */
  readonly children: (session: SessionControls) => ReactNode;
}

type SessionReading =
  | { readonly kind: 'reading' }
  | { readonly kind: 'read'; readonly state: SessionState }
  | { readonly kind: 'unreadable'; readonly problem: string };

/**
 * Stands between the consent notice and the app: the first-start passphrase, the unlock screen,
 * and the app itself only while the session is unlocked, with the role it grants.
 */
export function SessionGate({ client, children }: SessionGateProps) {
  const consentGiven = useContext(ConsentGiven);
  const [reading, setReading] = useState<SessionReading>({ kind: 'reading' });
  const [readCount, setReadCount] = useState(0);
  const [rekeyReport, setRekeyReport] = useState<RekeyReport | null>(null);

  useEffect(() => {
    let current = true;
    let changedSinceAsked = false;
    const stop = client.on('session.changed', (state) => {
      changedSinceAsked = true;
      setReading({ kind: 'read', state });
    });
    void client.call('session.state', {}).then((result) => {
      // An event that came first is newer than this answer.
      if (!current || changedSinceAsked) return;
      setReading(result.ok ? { kind: 'read', state: result.value } : { kind: 'unreadable', problem: result.error.message });
    });
    return () => {
      current = false;
      stop();
    };
  }, [client, readCount]);

  const adopt = useCallback((state: SessionState) => setReading({ kind: 'read', state }), []);
  const state = reading.kind === 'read' ? reading.state : null;
  useActivityReport(client, state?.phase === 'unlocked');

  const controls = useMemo((): SessionControls | null => {
    if (state === null) return null;
    return {
      state,
      adopt,
      rekeyReport,
      lock: async () => {
        const result = await client.call('session.lock', {});
        if (!result.ok) return result.error.message;
        adopt(result.value);
        return null;
      },
      rekey: async (passphrase) => {
        setRekeyReport(null);
        const result = await client.call('session.rekey', { passphrase });
        if (result.ok) adopt(result.value);
        setRekeyReport(result.ok ? { ok: true, sentence: 'The cache is now encrypted under a new key.' } : { ok: false, sentence: result.error.message });
        return result;
      },
    };
  }, [client, state, adopt, rekeyReport]);

  if (reading.kind === 'unreadable') {
    return consentGiven ? (
      <TrappedDialog title="Outpost cannot open" testId="session-unreadable">
        <p className="session-reason">
          Outpost could not learn whether its cache is locked: {reading.problem} Try again; if this keeps happening, restart Outpost.
        </p>
        <div className="session-actions">
          <button
            type="button"
            className="session-primary"
            data-testid="session-retry"
            onClick={() => {
              setReading({ kind: 'reading' });
              setReadCount((count) => count + 1);
            }}
          >
            Try again
          </button>
        </div>
      </TrappedDialog>
    ) : null;
  }
  if (state === null || controls === null) return null;
  if (state.phase === 'unlocked') return <RoleContext.Provider value={state.role ?? 'viewer'}>{children(controls)}</RoleContext.Provider>;
  // Until the consent notice is acknowledged it is the only dialog, so two never compete for focus.
  if (!consentGiven) return null;
  if (state.phase === 'setup') return <SetupScreen client={client} state={state} onOpened={adopt} />;
  if (state.lockReason === 'rekey') return <RekeyScreen />;
  return <UnlockScreen client={client} state={state} onUnlocked={adopt} />;
}

function RekeyScreen() {
  return (
    <TrappedDialog title="Re-encrypting the cache" testId="rekey-screen">
      <p className="session-reason" role="status">
        Outpost is encrypting the whole cache again under a new key. This can take a while for a large cache. Outpost opens again by itself when it is
        done; there is no need to do anything.
      </p>
    </TrappedDialog>
  );
}
