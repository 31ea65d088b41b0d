import { useState, type FormEvent } from 'react';
import { ROLES, RoleSchema, type Role } from '../../shared/roles';
import type { SessionState } from '../../shared/session';
import type { Client } from '../client';
import { FormField } from '../connections/FormField';
import { Outcome, type OutcomeSentence } from './Outcome';
import { ROLE_DUTIES, ROLE_LABELS } from './role-labels';
import { PassphraseField } from './PassphraseField';

interface ChangeRoleFormProps {
  readonly client: Client;
  readonly role: Role;
  readonly onChanged: (state: SessionState) => void;
}

export function ChangeRoleForm({ client, role, onChanged }: ChangeRoleFormProps) {
  const [chosen, setChosen] = useState<Role>(role);
  const [passphrase, setPassphrase] = useState('');
  const [passphraseProblem, setPassphraseProblem] = useState<string | undefined>(undefined);
  const [outcome, setOutcome] = useState<OutcomeSentence | null>(null);
  const [busy, setBusy] = useState(false);

  const change = (event: FormEvent): void => {
    event.preventDefault();
    setOutcome(null);
    setPassphraseProblem(passphrase === '' ? 'Enter the passphrase to change the role.' : undefined);
    if (passphrase === '') return;
    setBusy(true);
    void client.call('session.setRole', { role: chosen, passphrase }).then((result) => {
      setBusy(false);
      if (!result.ok) {
        setOutcome({ ok: false, sentence: result.error.message });
        return;
      }
      setPassphrase('');
      setOutcome({ ok: true, sentence: `This installation now works as ${ROLE_LABELS[result.value.role ?? chosen]}.` });
      onChanged(result.value);
    });
  };

  return (
    <form className="security-form" aria-label="Change role" onSubmit={change}>
      <p className="field-hint" data-testid="role-panel-explanation">
        The role limits what this installation may do. Outpost’s core checks it on every request, whatever the screen shows, so hiding or showing a
        control changes nothing it allows.
      </p>
      <ul className="role-duties">
        {ROLES.map((each) => (
          <li key={each}>
            <strong>{ROLE_LABELS[each]}</strong> {ROLE_DUTIES[each]}.
          </li>
        ))}
      </ul>
      <FormField id="role-choice" label="Role">
        {(control) => (
          <select {...control} data-testid="role-choice" value={chosen} onChange={(event) => setChosen(RoleSchema.parse(event.target.value))}>
            {ROLES.map((each) => (
              <option key={each} value={each}>
                {ROLE_LABELS[each]}
              </option>
            ))}
          </select>
        )}
      </FormField>
      <PassphraseField id="role-passphrase" error={passphraseProblem} purpose="current" value={passphrase} onChange={setPassphrase} />
      <Outcome outcome={outcome} testId="role-outcome" />
      <div className="form-actions">
        <button type="submit" className="primary" data-testid="role-change" disabled={busy || chosen === role}>
          {busy ? 'Changing…' : 'Change role'}
        </button>
      </div>
    </form>
  );
}
