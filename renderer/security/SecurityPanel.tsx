import type { Client } from '../client';
import { ChangePassphraseForm } from './ChangePassphraseForm';
import { ChangeRoleForm } from './ChangeRoleForm';
import { RekeyForm } from './RekeyForm';
import { describeKeyProtection, ROLE_LABELS } from './role-labels';
import type { SessionControls } from './session-controls';

interface SecurityPanelProps {
  readonly client: Client;
  readonly session: SessionControls;
}

/** The session's role and key protection, and the changes that need the passphrase. */
export function SecurityPanel({ client, session }: SecurityPanelProps) {
  const { state } = session;
  const role = state.role ?? 'viewer';
  return (
    <div className="security-panel">
      <div className="panel-body">
        <h2>This installation</h2>
        <dl className="security-facts">
          <dt>Role</dt>
          <dd data-testid="security-role">{ROLE_LABELS[role]}</dd>
          <dt>Cache keys</dt>
          <dd data-testid="security-key-protection">{describeKeyProtection(state.keyProtection)}</dd>
          <dt>Idle lock</dt>
          <dd>
            After {state.idleLockMinutes} {state.idleLockMinutes === 1 ? 'minute' : 'minutes'} without use
          </dd>
        </dl>
        <h2>Passphrase</h2>
        <ChangePassphraseForm client={client} onChanged={session.adopt} />
        <h2>Role</h2>
        <ChangeRoleForm client={client} role={role} onChanged={session.adopt} />
        <h2>Cache key</h2>
        <RekeyForm rekey={session.rekey} report={session.rekeyReport} />
      </div>
    </div>
  );
}
