import { useState } from 'react';
import type { Result } from '../../shared/result';
import type { SessionState } from '../../shared/session';
import { ConfirmButton } from '../connections/ConfirmButton';
import { Outcome } from './Outcome';
import type { RekeyReport } from './session-controls';
import { PassphraseField } from './PassphraseField';

interface RekeyFormProps {
  readonly rekey: (passphrase: string) => Promise<Result<SessionState>>;
  /** Kept by the session gate: the app, and this form with it, is closed while the key is rotated. */
  readonly report: RekeyReport | null;
}

export function RekeyForm({ rekey, report }: RekeyFormProps) {
  const [passphrase, setPassphrase] = useState('');
  const [busy, setBusy] = useState(false);

  const start = (): void => {
    setBusy(true);
    void rekey(passphrase).then(() => {
      setBusy(false);
      setPassphrase('');
    });
  };

  return (
    <div className="security-form" role="group" aria-label="Rotate the cache key">
      <p className="field-hint">
        Encrypts the whole cache again under a new key, for example after a laptop was out of your hands. Outpost locks while it works, which can take a
        while for a large cache, and opens again by itself when it is done. It needs free disk space about the size of the cache.
      </p>
      <PassphraseField id="rekey-passphrase" purpose="current" value={passphrase} onChange={setPassphrase} />
      {busy ? null : <Outcome outcome={report} testId="rekey-outcome" />}
      <div className="form-actions">
        <ConfirmButton
          label={busy ? 'Rotating the key…' : 'Rotate the cache key'}
          question="Encrypt the whole cache again under a new key now?"
          confirmLabel="Rotate now"
          testId="rekey"
          disabled={busy || passphrase === ''}
          onConfirm={start}
        />
      </div>
    </div>
  );
}
