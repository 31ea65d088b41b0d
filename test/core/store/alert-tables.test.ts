import BetterSqlite3, { type Database } from 'better-sqlite3-multiple-ciphers';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { DEFAULT_MAX_SPEEDS, type RuleInput } from '../../../shared/rules';
import { createAlertInserter } from '../../../electron/core/store/alert-tables';
import { migrate } from '../../../electron/core/store/migrate';
import { migrations } from '../../../electron/core/store/migrations';
import { createStore, type NewAlert, type Store } from '../../../electron/core/store/store';
import { queryPlanOf } from '../../support/query-plan';

const T0 = Date.UTC(2026, 10, 26, 12, 0, 0);

function aNewAlert(overrides: Partial<NewAlert> = {}): NewAlert {
  return {
    ruleId: 'impossible-movement',
    ruleName: 'Impossible movement',
    ruleKind: 'kinematic',
    severity: 'critical',
    subject: 'demo-jump-1',
    callsign: 'RAPTOR 3',
    time: T0,
    lat: 40.5,
    lon: 9.1,
    message: 'RAPTOR 3 moved 50.0 km in 1 s.',
    raisedAt: T0 + 10,
    ...overrides,
  };
}

const aRuleInput = (overrides: Partial<RuleInput> = {}): RuleInput => ({
  id: 'fast-movers',
  name: 'Fast movers',
  severity: 'info',
  enabled: true,
  filter: null,
  definition: { kind: 'expression', expression: 'speed > 250' },
  ...overrides,
});

describe('Given a store with rules and alerts', () => {
  let db: Database;
  let store: Store;
  let insert: (alerts: readonly NewAlert[]) => ReturnType<ReturnType<typeof createAlertInserter>>;
  beforeEach(() => {
    db = new BetterSqlite3(':memory:');
    migrate(db, migrations);
    store = createStore(db);
    insert = createAlertInserter(db);
  });
  afterEach(() => store.close());

  it('When an alert is raised, Then it reads back new, with an id, and counts as a new critical one', () => {
    const [alert] = insert([aNewAlert()]);
    expect(alert).toMatchObject({ ...aNewAlert(), state: 'new', acknowledged: null, resolved: null });
    expect(alert?.id).toMatch(/^[0-9a-f-]{36}$/);
    expect(store.readAlert(alert?.id ?? '')).toEqual(alert);
    expect(store.countAlerts()).toEqual({ new: 1, acknowledged: 0, resolved: 0, newCritical: 1 });
  });

  it('When a rule raises again for a subject whose alert is still open, Then nothing is added; once resolved, a new one is', () => {
    const [first] = insert([aNewAlert()]);
    expect(insert([aNewAlert({ time: T0 + 60_000 }), aNewAlert({ subject: 'other' })]).map((alert) => alert.subject)).toEqual(['other']);
    store.advanceAlert(first?.id ?? '', ['new'], 'acknowledged', { by: 'cpl.hicks', at: T0 + 1, note: null });
    expect(insert([aNewAlert()])).toEqual([]);

    store.advanceAlert(first?.id ?? '', ['new', 'acknowledged'], 'resolved', { by: 'cpl.hicks', at: T0 + 2, note: 'Spoofed; reported.' });

    expect(insert([aNewAlert({ time: T0 + 120_000 })])).toHaveLength(1);
  });

  it('When an alert is acknowledged and then resolved, Then each step keeps who, when and the note, and a step out of order is refused', () => {
    const [alert] = insert([aNewAlert()]);
    const id = alert?.id ?? '';
    expect(store.advanceAlert(id, ['new'], 'acknowledged', { by: 'cpl.hicks', at: T0 + 1, note: 'Looking.' })).toMatchObject({
      state: 'acknowledged',
      acknowledged: { by: 'cpl.hicks', at: T0 + 1, note: 'Looking.' },
    });
    expect(store.advanceAlert(id, ['new'], 'acknowledged', { by: 'sgt.apone', at: T0 + 2, note: null })).toBeNull();
    expect(store.advanceAlert(id, ['new', 'acknowledged'], 'resolved', { by: 'sgt.apone', at: T0 + 3, note: null })).toMatchObject({
      state: 'resolved',
      acknowledged: { by: 'cpl.hicks' },
      resolved: { by: 'sgt.apone', at: T0 + 3, note: null },
    });
    expect(store.countAlerts()).toEqual({ new: 0, acknowledged: 0, resolved: 1, newCritical: 0 });
  });

  it('When alerts are listed, Then the newest come first, filtered by state and severity when asked', () => {
    insert([aNewAlert({ subject: 'a', raisedAt: T0 }), aNewAlert({ subject: 'b', raisedAt: T0 + 1, severity: 'warning' }), aNewAlert({ subject: 'c', raisedAt: T0 + 2 })]);
    const [c] = store.listAlerts(null, null, 1);
    store.advanceAlert(c?.id ?? '', ['new'], 'resolved', { by: 'cpl.hicks', at: T0 + 3, note: null });

    expect(store.listAlerts(null, null, 10).map((alert) => alert.subject)).toEqual(['c', 'b', 'a']);
    expect(store.listAlerts(['new'], null, 10).map((alert) => alert.subject)).toEqual(['b', 'a']);
    expect(store.listAlerts(['new'], ['critical'], 10).map((alert) => alert.subject)).toEqual(['a']);
  });

  it('When a rule is saved again, Then it keeps when it was created and its change is later than before', () => {
    const first = store.saveRule(aRuleInput(), T0);
    const again = store.saveRule(aRuleInput({ name: 'Very fast movers', definition: { kind: 'kinematic', maxSpeeds: DEFAULT_MAX_SPEEDS } }), T0);

    expect(again).toMatchObject({ name: 'Very fast movers', createdAt: T0, definition: { kind: 'kinematic' } });
    expect(again.updatedAt).toBeGreaterThan(first.updatedAt);
    expect(store.removeRule('fast-movers')).toBe(true);
    expect(store.removeRule('fast-movers')).toBe(false);
  });
});

describe('Given the alert queries', () => {
  const planOf = queryPlanOf;

  it('When the whole alerts list is planned, Then it walks the alerts newest first without sorting', () => {
    const plan = planOf('SELECT * FROM alerts ORDER BY raised_at DESC, seq DESC LIMIT 200');
    expect(plan).toContain('alerts_by_raised');
    expect(plan).not.toContain('TEMP B-TREE');
  });

  it('When the list of open alerts is planned, Then it reads only alerts in those states, by index', () => {
    const plan = planOf(`SELECT * FROM alerts WHERE state IN (SELECT value FROM json_each('["new","acknowledged"]'))
      AND severity IN (SELECT value FROM json_each('["critical"]')) ORDER BY raised_at DESC, seq DESC LIMIT 200`);
    expect(plan).toContain('SEARCH alerts USING INDEX alerts_by_state (state=? AND severity=?)');
    expect(plan).not.toMatch(/SCAN alerts(?! USING)/);
  });

  it('When the badge counts are planned, Then only the state index is read', () => {
    const plan = planOf('SELECT state, severity, count(*) FROM alerts GROUP BY state, severity');
    expect(plan).toContain('USING COVERING INDEX alerts_by_state');
    expect(plan).not.toContain('TEMP B-TREE');
  });
});
