import type { Alert, AlertCounts, AlertState } from '../../../shared/alerts';
import type { Rule, RuleInput, Severity } from '../../../shared/rules';
import type { Cancel, Clock, Log } from '../ports';
import type { Store } from '../store/store';
import { UserFacingError } from '../user-facing-error';

/** How often time-based rules (silence, stale time, rates) are judged. */
export const RULE_TICK_MS = 1_000;

/** The ingest thread's side of the rules: it applies them and keeps the alerts they raise. */
export interface RuleApplier {
  setRules(rules: readonly Rule[]): void;
  tick(now: number): Promise<Alert[]>;
}

/**
 * The analyst's rules and alerts, on the main thread. Rules are kept in the store and handed to
 * the ingest thread whenever they change; alerts are raised there, on the ingest path, and
 * announced here, whether they came with a batch of records or with the passing of time.
 */
export interface AlertsService {
  listRules(): Rule[];
  saveRule(rule: RuleInput): Rule;
  /** Adds a rule only if none has its id, so a rule the analyst changed or removed stays as they left it. */
  ensureRule(rule: RuleInput): void;
  removeRule(id: string): boolean;
  setRuleEnabled(id: string, enabled: boolean): Rule;
  listAlerts(states: readonly AlertState[] | null, severities: readonly Severity[] | null, limit: number): Alert[];
  counts(): AlertCounts;
  acknowledge(id: string, note: string | null): Alert;
  resolve(id: string, note: string | null): Alert;
  /** Alerts the ingest thread kept with a batch of records. */
  announce(alerts: readonly Alert[]): void;
  start(): void;
  stop(): void;
}

export function createAlertsService(options: {
  readonly store: Store;
  readonly applier: RuleApplier;
  readonly clock: Clock;
  readonly log: Log;
  /** Who acknowledges and resolves, as the alert's history shows it. */
  readonly operator: string;
  readonly onRaised: (alerts: readonly Alert[]) => void;
  readonly onChanged: (counts: AlertCounts) => void;
}): AlertsService {
  const { store, applier, clock, log } = options;
  let ticker: Cancel | null = null;
  let ticking = false;

  const rulesChanged = (): void => applier.setRules(store.listRules());
  const changed = (): void => options.onChanged(store.countAlerts());

  const existingRule = (id: string): Rule => {
    const rule = store.listRules().find((candidate) => candidate.id === id);
    if (rule === undefined) throw new UserFacingError(`There is no rule with the id ${id}; it may have been removed. Refresh the rules list.`);
    return rule;
  };

  const existingAlert = (id: string): Alert => {
    const alert = store.readAlert(id);
    if (alert === null) throw new UserFacingError('That alert is not in the cache; retention may have removed it. Refresh the alerts list.');
    return alert;
  };

  const announce = (alerts: readonly Alert[]): void => {
    if (alerts.length === 0) return;
    options.onRaised(alerts);
    changed();
  };

  const tick = (): void => {
    // A tick still being judged when the next is due is enough: the next one covers the time between.
    if (ticking) return;
    ticking = true;
    applier
      .tick(clock.now())
      .then(announce, (error: unknown) => log.warn(`Time-based rules could not be judged: ${error instanceof Error ? error.message : String(error)}`))
      .finally(() => {
        ticking = false;
      });
  };

  return {
    listRules: () => store.listRules(),
    saveRule(rule) {
      const saved = store.saveRule(rule, clock.now());
      rulesChanged();
      return saved;
    },
    ensureRule(rule) {
      if (store.listRules().some((existing) => existing.id === rule.id)) return;
      store.saveRule(rule, clock.now());
      rulesChanged();
    },
    removeRule(id) {
      const removed = store.removeRule(id);
      if (removed) rulesChanged();
      return removed;
    },
    setRuleEnabled(id, enabled) {
      const { id: ruleId, name, severity, filter, definition } = existingRule(id);
      const saved = store.saveRule({ id: ruleId, name, severity, enabled, filter, definition }, clock.now());
      rulesChanged();
      return saved;
    },
    listAlerts: (states, severities, limit) => store.listAlerts(states, severities, limit),
    counts: () => store.countAlerts(),
    acknowledge(id, note) {
      const acknowledged = store.advanceAlert(id, ['new'], 'acknowledged', { by: options.operator, at: clock.now(), note });
      if (acknowledged !== null) {
        changed();
        return acknowledged;
      }
      const alert = existingAlert(id);
      if (alert.state === 'acknowledged') return alert;
      throw new UserFacingError('This alert is already resolved; there is nothing left to acknowledge.');
    },
    resolve(id, note) {
      const resolved = store.advanceAlert(id, ['new', 'acknowledged'], 'resolved', { by: options.operator, at: clock.now(), note });
      if (resolved !== null) {
        changed();
        return resolved;
      }
      return existingAlert(id);
    },
    announce,
    start() {
      if (ticker !== null) return;
      ticker = clock.every(RULE_TICK_MS, tick);
    },
    stop() {
      ticker?.();
      ticker = null;
    },
  };
}
