import { useCallback, useEffect, useState } from 'react';
import type { Rule } from '../../shared/rules';
import type { Client } from '../client';
import { RuleEditor } from './RuleEditor';
import { RuleRow } from './RuleRow';
import type { AreaDrawing } from './use-area-drawing';

interface RulesViewProps {
  readonly client: Client;
  /** The view is showing: only then is the list read. */
  readonly active: boolean;
  readonly areaDrawing: AreaDrawing;
}

/** What the editor has open: a saved rule, or a new one. */
interface Editing {
  readonly rule: Rule | null;
}

/** The analyst's rules, each switched on or off, edited or deleted here, and new ones written. */
export function RulesView({ client, active, areaDrawing }: RulesViewProps) {
  const [rules, setRules] = useState<readonly Rule[] | null>(null);
  const [problem, setProblem] = useState<string | null>(null);
  const [editing, setEditing] = useState<Editing | null>(null);

  const readRules = useCallback((): void => {
    void client.call('rules.list', {}).then((result) => {
      setProblem(result.ok ? null : result.error.message);
      if (result.ok) setRules(result.value);
    });
  }, [client]);

  useEffect(() => {
    if (active) readRules();
  }, [active, readRules]);

  const replace = useCallback((changed: Rule) => {
    setRules((previous) => {
      if (previous === null) return [changed];
      return previous.some((rule) => rule.id === changed.id) ? previous.map((rule) => (rule.id === changed.id ? changed : rule)) : [...previous, changed];
    });
  }, []);

  const saved = useCallback(
    (rule: Rule) => {
      setEditing(null);
      replace(rule);
      readRules();
    },
    [readRules, replace],
  );

  const removed = useCallback((id: string) => {
    setRules((previous) => previous?.filter((rule) => rule.id !== id) ?? null);
    setEditing((previous) => (previous?.rule?.id === id ? null : previous));
  }, []);

  return (
    <div className="rules-view" data-testid="rules-view">
      {editing === null ? (
        <div className="form-actions">
          <button type="button" className="primary" data-testid="rule-new" onClick={() => setEditing({ rule: null })}>
            New rule
          </button>
        </div>
      ) : (
        <RuleEditor
          // A fresh editor for each rule opened, so one rule's half-typed fields never leak into another.
          key={editing.rule?.id ?? 'new'}
          client={client}
          rule={editing.rule}
          takenIds={(rules ?? []).map((rule) => rule.id)}
          areaDrawing={areaDrawing}
          onSaved={saved}
          onCancel={() => setEditing(null)}
        />
      )}
      {problem === null ? null : (
        <p className="form-error" role="alert" data-testid="rules-problem">
          {problem}
        </p>
      )}
      {rules === null ? (
        <p className="field-hint">Reading the rules…</p>
      ) : rules.length === 0 ? (
        <p className="field-hint">No rules yet. A rule watches the feed and raises an alert when what it describes happens.</p>
      ) : (
        <ol className="rule-list" aria-label="Rules">
          {rules.map((rule) => (
            <RuleRow key={rule.id} client={client} rule={rule} editing={editing?.rule?.id === rule.id} onChanged={replace} onRemoved={removed} onEdit={(chosen) => setEditing({ rule: chosen })} />
          ))}
        </ol>
      )}
    </div>
  );
}
