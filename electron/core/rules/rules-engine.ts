import type { Track } from '../../../shared/domain';
import type { Rule } from '../../../shared/rules';
import type { Log } from '../ports';
import type { NewAlert } from '../store/store';
import { NumberColumn } from './columns';
import { predicateCompiler, type Predicate } from './compile-predicate';
import type { FindingSink, Subscription, Watcher } from './watcher';
import { expressionWatcher } from './watchers/expression-watcher';
import { firstSightingWatcher } from './watchers/first-sighting-watcher';
import { geofenceWatcher } from './watchers/geofence-watcher';
import { kinematicWatcher } from './watchers/kinematic-watcher';
import { proximityWatcher } from './watchers/proximity-watcher';
import { rateWatcher } from './watchers/rate-watcher';
import { staleWatcher } from './watchers/stale-watcher';

/**
 * Every enabled rule, applied to every decoded fix on the ingest path and to the passing of time.
 * A rule raises an alert when its condition starts to hold for a subject (an entity, or a
 * subscription for rate rules), and not again until it has stopped holding: one alert per
 * episode, however many records the episode spans. The store then keeps at most one open alert
 * per rule and subject, so an episode that starts again before the analyst resolved the last
 * alert adds nothing.
 */
export interface RulesEngine {
  observe(track: Track, receivedAt: number): void;
  /** A record arrived on a subscription, whether or not it decoded. */
  count(source: string, topic: string, receivedAt: number): void;
  tick(now: number): void;
  /** The alerts raised since the last call, oldest first. */
  takeRaised(): NewAlert[];
  /** Rules not changed since they were last given keep what they learned; the rest start afresh. */
  replaceRules(rules: readonly Rule[]): void;
}

interface ActiveRule {
  readonly rule: Rule;
  readonly watcher: Watcher;
  /** Null when every fix goes to the watcher: no filter, or one the watcher applies itself. */
  readonly accepts: Predicate | null;
  readonly sink: FindingSink;
}

export function createRulesEngine(options: {
  readonly rules: readonly Rule[];
  /** Uids the cache knows, so a first-sighting rule does not greet every known entity after a restart. */
  readonly knownUids: () => Iterable<string>;
  readonly log: Log;
  readonly now: () => number;
}): RulesEngine {
  let raised: NewAlert[] = [];
  let active: ActiveRule[] = [];
  const compile = predicateCompiler();
  // Every entity and subscription ever seen keeps its number, so rules made later agree with
  // rules made earlier about who is who.
  const entityNumbers = new Map<string, number>();
  const subscriptionsBySource = new Map<string, Map<string, Subscription>>();
  let subscriptionCount = 0;

  const entityNumber = (uid: string): number => {
    let number = entityNumbers.get(uid);
    if (number === undefined) {
      number = entityNumbers.size;
      entityNumbers.set(uid, number);
    }
    return number;
  };

  const subscription = (source: string, topic: string): Subscription => {
    let byTopic = subscriptionsBySource.get(source);
    if (byTopic === undefined) {
      byTopic = new Map();
      subscriptionsBySource.set(source, byTopic);
    }
    let found = byTopic.get(topic);
    if (found === undefined) {
      found = { number: subscriptionCount, source, topic };
      subscriptionCount += 1;
      byTopic.set(topic, found);
    }
    return found;
  };

  const watcherFor = (rule: Rule, filter: Predicate | null): Watcher => {
    const { definition } = rule;
    switch (definition.kind) {
      case 'geofence':
        return geofenceWatcher(definition.area, definition.trigger, definition.dwellSeconds, rule.name);
      case 'expression':
        return expressionWatcher(compile(definition.expression), definition.expression);
      case 'stale':
        return staleWatcher(definition.silentSeconds, definition.pastStaleTime);
      case 'kinematic':
        return kinematicWatcher(definition.maxSpeeds);
      case 'proximity':
        return proximityWatcher(compile(definition.near), definition.distanceMetres, filter ?? (() => true));
      case 'rate':
        return rateWatcher(definition.windowSeconds, definition.sigma, definition.warmupWindows);
      case 'first-sighting':
        return firstSightingWatcher(Array.from(options.knownUids(), entityNumber));
    }
  };

  const activate = (rule: Rule): ActiveRule | null => {
    try {
      const holding = new NumberColumn(0);
      const sink: FindingSink = {
        holds(subject, describe) {
          if (holding.get(subject) === 1) return;
          holding.set(subject, 1);
          const { subject: named, callsign, time, lat, lon, message } = describe();
          // Written out rather than spread: spreading the finding cost more than describing it.
          raised.push({ ruleId: rule.id, ruleName: rule.name, ruleKind: rule.definition.kind, severity: rule.severity, subject: named, callsign, time, lat, lon, message, raisedAt: options.now() });
        },
        clears(subject) {
          if (holding.get(subject) === 1) holding.set(subject, 0);
        },
      };
      const filter = rule.filter === null ? null : compile(rule.filter);
      const watcher = watcherFor(rule, filter);
      return { rule, watcher, accepts: rule.definition.kind === 'proximity' ? null : filter, sink };
    } catch (error) {
      options.log.warn(`Rule "${rule.name}" is not applied: ${error instanceof Error ? error.message : String(error)} Edit the rule to correct it.`);
      return null;
    }
  };

  const replaceRules = (rules: readonly Rule[]): void => {
    const kept = new Map(active.map((entry) => [entry.rule.id, entry]));
    active = rules
      .filter((rule) => rule.enabled)
      .map((rule) => {
        const existing = kept.get(rule.id);
        return existing !== undefined && existing.rule.updatedAt === rule.updatedAt ? existing : activate(rule);
      })
      .filter((entry): entry is ActiveRule => entry !== null);
  };

  replaceRules(options.rules);

  return {
    observe(track, receivedAt) {
      if (active.length === 0) return;
      const entity = entityNumber(track.uid);
      for (const entry of active) {
        if (entry.watcher.observe === undefined) continue;
        if (entry.accepts !== null && !entry.accepts(track, receivedAt)) continue;
        entry.watcher.observe(track, entity, receivedAt, entry.sink);
      }
    },
    count(source, topic, receivedAt) {
      if (active.length === 0) return;
      const counted = subscription(source, topic);
      for (const entry of active) entry.watcher.count?.(counted, receivedAt);
    },
    tick(now) {
      for (const entry of active) entry.watcher.tick?.(now, entry.sink);
    },
    takeRaised() {
      const taken = raised;
      raised = [];
      return taken;
    },
    replaceRules,
  };
}
