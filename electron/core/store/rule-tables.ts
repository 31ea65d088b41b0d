import type { Database } from 'better-sqlite3-multiple-ciphers';
import { RuleDefinitionSchema, SEVERITIES, type Rule, type RuleInput } from '../../../shared/rules';
import type { Store } from './store';
import { storedChoice } from './stored-choice';

interface RuleRow {
  id: string;
  name: string;
  severity: string;
  enabled: number;
  filter: string | null;
  definition: string;
  created_at: number;
  updated_at: number;
}

type RuleTables = Pick<Store, 'listRules' | 'saveRule' | 'removeRule'>;

export function createRuleTables(db: Database): RuleTables {
  const selectRules = db.prepare<[], RuleRow>('SELECT id, name, severity, enabled, filter, definition, created_at, updated_at FROM rules ORDER BY name, id');
  const selectRule = db.prepare<[string], RuleRow>('SELECT id, name, severity, enabled, filter, definition, created_at, updated_at FROM rules WHERE id = ?');
  // A rule saved again keeps when it was created; updated_at tells the ingest thread it changed.
  const upsertRule = db.prepare<{ id: string; name: string; severity: string; enabled: number; filter: string | null; definition: string; at: number }>(`
    INSERT INTO rules (id, name, severity, enabled, filter, definition, created_at, updated_at)
    VALUES (@id, @name, @severity, @enabled, @filter, @definition, @at, @at)
    ON CONFLICT(id) DO UPDATE SET name = excluded.name, severity = excluded.severity, enabled = excluded.enabled,
      filter = excluded.filter, definition = excluded.definition, updated_at = max(excluded.updated_at, rules.updated_at + 1)`);
  const deleteRule = db.prepare<[string]>('DELETE FROM rules WHERE id = ?');

  return {
    listRules: () => selectRules.all().map(ruleFromRow),
    saveRule(rule: RuleInput, at: number): Rule {
      upsertRule.run({
        id: rule.id,
        name: rule.name,
        severity: rule.severity,
        enabled: rule.enabled ? 1 : 0,
        filter: rule.filter,
        definition: JSON.stringify(rule.definition),
        at,
      });
      const row = selectRule.get(rule.id);
      if (row === undefined) throw new Error(`Rule ${rule.id} was saved but could not be read back.`);
      return ruleFromRow(row);
    },
    removeRule: (id) => deleteRule.run(id).changes > 0,
  };
}

function ruleFromRow(row: RuleRow): Rule {
  return {
    id: row.id,
    name: row.name,
    severity: storedChoice(SEVERITIES, row.severity, 'rules'),
    enabled: row.enabled === 1,
    filter: row.filter,
    definition: RuleDefinitionSchema.parse(JSON.parse(row.definition)),
    createdAt: row.created_at,
    updatedAt: row.updated_at,
  };
}
