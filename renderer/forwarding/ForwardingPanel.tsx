import { useCallback, useEffect, useState } from 'react';
import type { Profile } from '../../shared/connections';
import type { ForwardRule } from '../../shared/forwarding';
import type { Client } from '../client';
import { ForwardRuleForm } from './ForwardRuleForm';
import { ForwardRuleRow } from './ForwardRuleRow';
import { useForwardRules } from './use-forward-rules';
import './forwarding.css';

interface ForwardingPanelProps {
  readonly client: Client;
  /** The tab is showing: only then are the profiles read. */
  readonly active: boolean;
}

/** What the form has open: a saved rule as it was when opened, or a new one. */
interface Editing {
  readonly rule: ForwardRule | null;
}

/** Rules that forward a chosen share of the positions Outpost reads to a cloud broker, and what each has sent and saved. */
export function ForwardingPanel({ client, active }: ForwardingPanelProps) {
  const { rules, problem, replace, drop } = useForwardRules(client);
  const [profiles, setProfiles] = useState<readonly Profile[] | null>(null);
  const [profilesProblem, setProfilesProblem] = useState<string | null>(null);
  const [editing, setEditing] = useState<Editing | null>(null);

  useEffect(() => {
    if (!active) return;
    // Profiles are edited in the Connections tab, so coming back here is when they may have changed.
    void client.call('profiles.list', {}).then((result) => {
      setProfilesProblem(result.ok ? null : result.error.message);
      if (result.ok) setProfiles(result.value);
    });
  }, [active, client]);

  const saved = useCallback(
    (rule: ForwardRule) => {
      setEditing(null);
      replace(rule);
    },
    [replace],
  );
  const removed = useCallback(
    (id: string) => {
      drop(id);
      setEditing((previous) => (previous?.rule?.id === id ? null : previous));
    },
    [drop],
  );
  const edit = useCallback((rule: ForwardRule) => setEditing({ rule }), []);

  const profileNames = new Map((profiles ?? []).map((profile) => [profile.id, profile.name]));
  return (
    <section className="forwarding-panel" data-testid="forwarding-panel" aria-labelledby="forwarding-title">
      <header className="panel-head">
        <h2 id="forwarding-title">Forwarding</h2>
      </header>
      <div className="panel-body">
        {editing === null ? (
          <div className="form-actions">
            <button type="button" className="primary" data-testid="forward-new" onClick={() => setEditing({ rule: null })}>
              New forwarding rule
            </button>
          </div>
        ) : (
          <ForwardRuleForm
            // A fresh form for each rule opened, so one rule's half-typed fields never leak into another.
            key={editing.rule?.id ?? 'new'}
            client={client}
            rule={editing.rule}
            profiles={profiles}
            takenIds={(rules ?? []).map((rule) => rule.id)}
            onSaved={saved}
            onCancel={() => setEditing(null)}
          />
        )}
        {[profilesProblem, problem].map((sentence) =>
          sentence === null ? null : (
            <p key={sentence} className="form-error" role="alert" data-testid="forwarding-problem">
              {sentence}
            </p>
          ),
        )}
        {rules === null ? (
          problem === null ? (
            <p className="field-hint">Reading the forwarding rules…</p>
          ) : null
        ) : rules.length === 0 ? (
          <p className="field-hint" data-testid="forward-none">
            No forwarding rules yet. A rule sends a chosen share of the positions read here to another broker, thinned out to fit the link.
          </p>
        ) : (
          <ol className="forward-rule-list" aria-label="Forwarding rules">
            {rules.map((rule) => (
              <ForwardRuleRow
                key={rule.id}
                client={client}
                rule={rule}
                profileNames={profileNames}
                editing={editing?.rule?.id === rule.id}
                onChanged={replace}
                onRemoved={removed}
                onEdit={edit}
              />
            ))}
          </ol>
        )}
      </div>
    </section>
  );
}
