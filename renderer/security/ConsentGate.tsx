import { useState, type ReactNode } from 'react';
import { ConsentGiven } from './consent-given';
import { TrappedDialog } from './TrappedDialog';
import type { MarkingsState } from './use-markings';

interface ConsentGateProps {
  readonly markings: MarkingsState;
  /** The whole app: inert until the site's notice, if it has one, is acknowledged. */
  readonly children: ReactNode;
}

/**
 * Holds the app back until the site's consent notice is acknowledged. Acknowledging lasts for this
 * start only, as a notice shown at every logon does. Until the markings are read nothing is usable,
 * and if they cannot be read nothing becomes usable: a site that requires consent must not be
 * passed by a failed read.
 */
export function ConsentGate({ markings, children }: ConsentGateProps) {
  const [acknowledged, setAcknowledged] = useState(false);
  const consent = markings.kind === 'read' ? markings.markings.consent : null;
  const open = markings.kind === 'read' && (consent === null || acknowledged);

  return (
    <>
      <div className="consent-gated" inert={!open} data-testid="consent-gated">
        <ConsentGiven.Provider value={open}>{children}</ConsentGiven.Provider>
      </div>
      {markings.kind === 'unreadable' ? (
        <TrappedDialog title="Outpost cannot start" testId="markings-unreadable">
          <p className="consent-text">
            Outpost could not read this site’s classification marking and consent notice, so it stays locked: {markings.problem} Restart Outpost; if this
            happens again, tell the administrator of this installation.
          </p>
        </TrappedDialog>
      ) : consent !== null && !acknowledged ? (
        <TrappedDialog title="Notice and consent" testId="consent-gate">
          <div className="consent-text" tabIndex={0} data-testid="consent-text">
            {consent}
          </div>
          <div className="consent-actions">
            <button type="button" className="consent-acknowledge" data-testid="consent-acknowledge" onClick={() => setAcknowledged(true)}>
              Acknowledge and continue
            </button>
          </div>
        </TrappedDialog>
      ) : null}
    </>
  );
}
