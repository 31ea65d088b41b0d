import { useEffect, useRef, useState, type KeyboardEvent, type ReactNode } from 'react';
import type { MarkingsState } from './use-markings';

interface ConsentGateProps {
  readonly markings: MarkingsState;
  /** The whole app: inert until the site's notice, if it has one, is acknowledged. */
  readonly children: ReactNode;
}

const FOCUSABLE = 'button:not([disabled]), [tabindex]:not([tabindex="-1"])';

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
        {children}
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

interface TrappedDialogProps {
  readonly title: string;
  readonly testId: string;
  readonly children: ReactNode;
}

/** A modal dialog that keeps focus inside it and that Escape does not close. */
function TrappedDialog({ title, testId, children }: TrappedDialogProps) {
  const dialog = useRef<HTMLDivElement>(null);

  useEffect(() => {
    const element = dialog.current;
    if (element === null) return undefined;
    element.focus();
    // inert already keeps focus out of the app; this also covers anything outside it, such as the banners.
    const keepFocusInside = (event: FocusEvent): void => {
      if (event.target instanceof Node && !element.contains(event.target)) element.focus();
    };
    document.addEventListener('focusin', keepFocusInside);
    return () => document.removeEventListener('focusin', keepFocusInside);
  }, []);

  const onKeyDown = (event: KeyboardEvent<HTMLDivElement>): void => {
    if (event.key === 'Escape') {
      event.preventDefault();
      event.stopPropagation();
      return;
    }
    if (event.key !== 'Tab' || dialog.current === null) return;
    const focusable = [...dialog.current.querySelectorAll<HTMLElement>(FOCUSABLE)];
    const first = focusable[0];
    const last = focusable[focusable.length - 1];
    if (first === undefined || last === undefined) {
      event.preventDefault();
      return;
    }
    const active = document.activeElement;
    if (event.shiftKey && (active === first || active === dialog.current)) {
      event.preventDefault();
      last.focus();
    } else if (!event.shiftKey && active === last) {
      event.preventDefault();
      first.focus();
    }
  };

  return (
    <div className="consent-backdrop">
      <div
        ref={dialog}
        className="consent-dialog"
        role="dialog"
        aria-modal="true"
        aria-labelledby={`${testId}-title`}
        tabIndex={-1}
        data-testid={testId}
        onKeyDown={onKeyDown}
      >
        <h2 id={`${testId}-title`}>{title}</h2>
        {children}
      </div>
    </div>
  );
}
