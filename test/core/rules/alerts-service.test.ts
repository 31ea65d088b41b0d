import BetterSqlite3 from 'better-sqlite3-multiple-ciphers';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import type { Alert, AlertCounts } from '../../../shared/alerts';
import type { Rule, RuleInput } from '../../../shared/rules';
import { createAlertsService, RULE_TICK_MS, type AlertsService } from '../../../electron/core/rules/alerts-service';
import { createAlertInserter } from '../../../electron/core/store/alert-tables';
import { migrate } from '../../../electron/core/store/migrate';
import { migrations } from '../../../electron/core/store/migrations';
import { createStore, type NewAlert, type Store } from '../../../electron/core/store/store';
import { UserFacingError } from '../../../electron/core/user-facing-error';
import { manualClock, type ManualClock } from '../../support/manual-clock';
import { recordingLog } from '../../support/recording-log';

const fastMovers: RuleInput = { id: 'fast-movers', name: 'Fast movers', severity: 'info', enabled: true, filter: null, definition: { kind: 'expression', expression: 'speed > 250' } };

function aRaisedAlert(subject: string): NewAlert {
  return { ruleId: 'fast-movers', ruleName: 'Fast movers', ruleKind: 'expression', severity: 'critical', subject, callsign: null, time: 1, lat: 40, lon: 9, message: `${subject} matches speed > 250.`, raisedAt: 2 };
}

describe('Given the alerts service over a real store, with the ingest thread faked', () => {
  let store: Store;
  let clock: ManualClock;
  let service: AlertsService;
  let appliedRules: Rule[][];
  let pendingTick: NewAlert[];
  let raised: Alert[][];
  let counts: AlertCounts[];
  let insert: (alerts: readonly NewAlert[]) => Alert[];

  beforeEach(() => {
    const db = new BetterSqlite3(':memory:');
    migrate(db, migrations);
    store = createStore(db);
    insert = createAlertInserter(db);
    clock = manualClock();
    appliedRules = [];
    pendingTick = [];
    raised = [];
    counts = [];
    service = createAlertsService({
      store,
      applier: {
        setRules: (rules) => appliedRules.push([...rules]),
        tick: async () => insert(pendingTick.splice(0)),
      },
      clock,
      log: recordingLog(),
      operator: 'cpl.hicks',
      onRaised: (alerts) => raised.push([...alerts]),
      onChanged: (latest) => counts.push(latest),
    });
  });
  afterEach(() => {
    service.stop();
    store.close();
  });

  it('When a rule is saved, switched off and removed, Then the ingest thread gets the whole list after each change', () => {
    service.saveRule(fastMovers);
    expect(service.setRuleEnabled('fast-movers', false)).toMatchObject({ enabled: false, definition: fastMovers.definition });
    expect(service.removeRule('fast-movers')).toBe(true);

    expect(appliedRules.map((rules) => rules.find((rule) => rule.id === 'fast-movers')?.enabled ?? 'gone')).toEqual([true, false, 'gone']);
    expect(() => service.setRuleEnabled('fast-movers', true)).toThrow(/There is no rule with the id fast-movers/);
  });

  it('When a rule is ensured that the analyst already changed, Then it stays as they left it', () => {
    service.saveRule({ ...fastMovers, name: 'Jets', enabled: false });
    service.ensureRule(fastMovers);
    expect(service.listRules().find((rule) => rule.id === 'fast-movers')).toMatchObject({ name: 'Jets', enabled: false });
  });

  it('When time passes, Then the ingest thread judges it once a second and what it raised is announced with the new counts', async () => {
    service.start();
    pendingTick.push(aRaisedAlert('jet-1'));
    clock.advance(RULE_TICK_MS);
    await new Promise((resolve) => setImmediate(resolve));

    expect(raised.map((alerts) => alerts.map((alert) => alert.subject))).toEqual([['jet-1']]);
    expect(counts.at(-1)).toEqual({ new: 1, acknowledged: 0, resolved: 0, newCritical: 1 });
  });

  it('When an alert is acknowledged, then resolved, Then each step names the operator; acknowledging again changes nothing and a resolved one cannot be', () => {
    const [alert] = insert([aRaisedAlert('jet-1')]);
    const id = alert?.id ?? '';
    expect(service.acknowledge(id, 'Looking.')).toMatchObject({ state: 'acknowledged', acknowledged: { by: 'cpl.hicks', at: clock.now(), note: 'Looking.' } });
    expect(service.acknowledge(id, null).acknowledged?.note).toBe('Looking.');
    expect(service.resolve(id, null)).toMatchObject({ state: 'resolved', resolved: { by: 'cpl.hicks' } });
    expect(service.resolve(id, 'again')).toMatchObject({ state: 'resolved', resolved: { note: null } });
    expect(() => service.acknowledge(id, null)).toThrow(new UserFacingError('This alert is already resolved; there is nothing left to acknowledge.'));
    expect(() => service.resolve('3f1c2a9e-7d4b-4c1e-9a2f-0b5d6e7f8a90', null)).toThrow(/not in the cache; retention may have removed it/);
  });
});
