import type { Track } from '../../../shared/domain';
import type { ForwardDryRun, ForwardRule, ForwardRuleInput } from '../../../shared/forwarding';
import type { DestinationStatus } from '../../../shared/outbox';
import { gzippedSize } from '../outbox/compressed-size';
import type { Cancel, Clock, Log } from '../ports';
import type { ForwardQueueFigures, ForwardTables, SourceRecord, StoredForwardRule } from '../store/forward-tables';
import type { OutboundDestination, Store } from '../store/store';
import { UserFacingError } from '../user-facing-error';
import { decide, releaseIfSilent, type EntityForwardState, type ForwardMessage } from './decimation';
import { forwardMessage } from './forward-payload';
import { compileForwardSettings, type CompiledForwardSettings } from './compile-forward-settings';
import { dryRunForwardRule } from './forward-dry-run';

/** Records judged per rule per page; a step takes pages until its time is up. */
const PAGE_RECORDS = 2_000;
/** How long one step may hold the main thread, so the hosts and the UI stay answered while a backlog drains. */
const STEP_BUDGET_MS = 50;
const STEP_EVERY_MS = 250;
/** Figures go out after each change, at most this often. */
const FIGURES_EVERY_MS = 1_000;

export interface ForwarderOutbox {
  noticeQueued(destination: OutboundDestination): void;
  setBudget(destination: OutboundDestination, bytesPerSecond: number | null): unknown;
  destinations(): DestinationStatus[];
}

export interface Forwarder {
  list(): ForwardRule[];
  save(input: ForwardRuleInput): ForwardRule;
  remove(id: string): boolean;
  setPaused(id: string, paused: boolean): ForwardRule;
  dryRun(input: ForwardRuleInput, hours: number): Promise<ForwardDryRun>;
  /** Judges whatever has arrived since the last step. */
  step(): void;
  /** The outbox has sent or moved messages: the figures go out again at the next step. */
  noticeOutboxChange(): void;
  start(): void;
  stop(): void;
}

/** A rule ready to judge records: its source, filter and decimation compiled once. */
interface CompiledRule extends CompiledForwardSettings {
  readonly stored: StoredForwardRule;
}

/**
 * Forwarding: each rule reads the cache after its cursor, keeps the positions that pass its
 * filter and decimation, and queues them in the outbox, all in one transaction with the cursor's
 * move. So a crash at any point leaves every position queued exactly once, and a paused rule
 * carries on from the record where it stopped. The outbox delivers them exactly once, by
 * precedence, within the destination's budget, with the entity as the record key.
 */
export function createForwarder(options: {
  readonly tables: ForwardTables;
  readonly store: Store;
  readonly outbox: ForwarderOutbox;
  readonly clock: Clock;
  readonly log: Log;
  /** The site's marking, carried by every forwarded position. */
  readonly marking: string;
  readonly onChange: (rules: ForwardRule[]) => void;
}): Forwarder {
  const { tables, store, outbox, clock, log } = options;
  const compiled = new Map<string, CompiledRule>();
  let stopTimer: Cancel | null = null;
  let lastFigures = 0;
  let figuresDue = false;

  const compile = (stored: StoredForwardRule): CompiledRule => {
    const known = compiled.get(stored.input.id);
    if (known !== undefined && known.stored.updatedAt === stored.updatedAt && known.stored.paused === stored.paused) return { ...known, stored };
    const rule = { stored, ...compileForwardSettings(stored.input) };
    compiled.set(stored.input.id, rule);
    return rule;
  };

  const rules = (): ForwardRule[] => {
    const figures = tables.queueFigures();
    const destinations = outbox.destinations();
    return tables.listRules().map((stored) => publicRule(stored, figures.get(stored.input.id), destinations));
  };
  const announce = (force: boolean): void => {
    const now = clock.now();
    if (!force && now - lastFigures < FIGURES_EVERY_MS) {
      figuresDue = true;
      return;
    }
    lastFigures = now;
    figuresDue = false;
    options.onChange(rules());
  };
  const findRule = (id: string): StoredForwardRule => {
    const stored = tables.listRules().find((rule) => rule.input.id === id);
    if (stored === undefined) throw new UserFacingError(`There is no forwarding rule with the id ${id}; it may have been removed.`);
    return stored;
  };

  /** One page of one rule: what it judged, kept and queued. True when the rule has caught up with the cache. */
  const stepRule = (rule: CompiledRule): boolean => {
    const { input } = rule.stored;
    const now = clock.now();
    const { records, lastLooked } = tables.recordsAfter(input.source.profileId, rule.stored.cursor, PAGE_RECORDS, !input.dropFields.includes('raw'));
    const caughtUp = lastLooked === null || lastLooked - rule.stored.cursor < PAGE_RECORDS;
    const wanted = records.filter((record) => rule.topicMatches(record.topic));
    const tracks = wanted.length === 0 ? new Map<number, Track[]>() : tables.tracksByRecord(wanted[0]!.id - 1, wanted.at(-1)!.id);
    const context = { ruleId: input.id, precedence: input.precedence, classification: options.marking, dropFields: new Set(input.dropFields), createdAt: now };
    const changed = new Map<string, EntityForwardState>();
    const uids = new Set(wanted.flatMap((record) => (tracks.get(record.id) ?? []).map((track) => track.uid)));
    const known = tables.entityStates(input.id, uids);
    const stateOf = (uid: string): EntityForwardState => changed.get(uid) ?? known.get(uid) ?? { lastSentTime: null, held: null };
    const queue: ForwardMessage[] = [];
    let bytesSeen = 0;
    for (const record of wanted) {
      bytesSeen += record.bytes;
      for (const track of tracks.get(record.id) ?? []) {
        if (!rule.passes(track, now)) continue;
        const decision = decide(stateOf(track.uid), forwardMessage(track, sourceOf(input.source.profileId, record), context), rule.intervalMs, now);
        queue.push(...decision.send);
        changed.set(track.uid, decision.next);
      }
    }
    // Silence is judged only once the backlog is read, or a catch-up would release positions its next page replaces.
    if (caughtUp && rule.intervalMs !== null) {
      for (const [uid, state] of tables.heldSince(input.id, now - rule.intervalMs)) {
        if (changed.has(uid)) continue;
        const release = releaseIfSilent(state, rule.intervalMs, now);
        if (release === null) continue;
        queue.push(...release.send);
        changed.set(uid, release.next);
      }
    }
    const cursor = lastLooked ?? rule.stored.cursor;
    if (cursor === rule.stored.cursor && changed.size === 0) return true;
    tables.applyStep({ ruleId: input.id, cursor, seen: wanted.length, forwarded: queue.length, bytesSeen, states: changed, queue }, (message) =>
      store.enqueueOutbound({
        id: message.id,
        draft: {
          profileId: input.destination.profileId,
          topic: input.destination.topic,
          precedence: input.precedence,
          format: 'json',
          classification: options.marking,
          content: { kind: 'text', text: message.summary },
        },
        payload: message.payload,
        wireBytes: gzippedSize([message.payload]),
        createdAt: now,
        recordKey: message.uid,
        forwardRuleId: input.id,
      }),
    );
    if (queue.length > 0) outbox.noticeQueued(input.destination);
    figuresDue = true;
    return caughtUp;
  };

  const step = (): void => {
    const started = clock.now();
    for (const stored of tables.listRules()) {
      if (stored.paused) continue;
      let rule = compile(stored);
      try {
        while (!stepRule(rule) && clock.now() - started < STEP_BUDGET_MS) rule = compile(findRule(stored.input.id));
      } catch (error) {
        log.error(`Forwarding rule ${stored.input.id} could not take its next records.`, { error: error instanceof Error ? error.message : String(error) });
      }
    }
    if (figuresDue) announce(false);
  };

  return {
    list: rules,
    save(input) {
      compileForwardSettings(input);
      requireProfile(store, input.source.profileId, 'source');
      requireProfile(store, input.destination.profileId, 'destination');
      const stored = tables.saveRule(input, clock.now());
      outbox.setBudget(input.destination, input.budgetBytesPerSecond);
      announce(true);
      return publicRule(stored, tables.queueFigures().get(input.id), outbox.destinations());
    },
    remove(id) {
      const queued = tables.queuedOfRule(id);
      const at = clock.now();
      store.transitionOutboundMany(
        ['queued'],
        queued.map((messageId) => ({ id: messageId, change: { state: 'cancelled', at, note: `Its forwarding rule, ${id}, was removed.` } })),
      );
      const removed = tables.removeRule(id);
      compiled.delete(id);
      announce(true);
      return removed;
    },
    setPaused(id, paused) {
      const before = findRule(id);
      const stored = tables.setPaused(id, paused, clock.now());
      if (stored === null) throw new UserFacingError(`There is no forwarding rule with the id ${id}; it may have been removed.`);
      // Resumed, its held queue may go again.
      if (!paused) outbox.noticeQueued(before.input.destination);
      announce(true);
      return publicRule(stored, tables.queueFigures().get(id), outbox.destinations());
    },
    dryRun: (input, hours) => {
      const settings = compileForwardSettings(input);
      return dryRunForwardRule({ store, tables, input, settings, hours, now: clock.now(), marking: options.marking });
    },
    step,
    noticeOutboxChange() {
      figuresDue = true;
    },
    start() {
      stopTimer ??= clock.every(STEP_EVERY_MS, step);
    },
    stop() {
      stopTimer?.();
      stopTimer = null;
    },
  };
}

function requireProfile(store: Store, profileId: string, role: 'source' | 'destination'): void {
  if (!store.listProfiles().some((profile) => profile.id === profileId)) {
    throw new UserFacingError(`There is no connection profile with the id ${profileId} for the ${role}; add it in the Connections tab first.`);
  }
}

function sourceOf(profileId: string, record: SourceRecord) {
  return { profileId, topic: record.topic, partition: record.partition, offset: record.offset, value: record.value };
}

function publicRule(stored: StoredForwardRule, figures: ForwardQueueFigures | undefined, destinations: readonly DestinationStatus[]): ForwardRule {
  const { destination } = stored.input;
  const status = destinations.find((candidate) => candidate.profileId === destination.profileId && candidate.topic === destination.topic);
  const rate = status === undefined ? null : (status.measuredBytesPerSecond ?? status.budgetBytesPerSecond);
  const queuedWireBytes = figures?.queuedWireBytes ?? 0;
  return {
    ...stored.input,
    paused: stored.paused,
    createdAt: stored.createdAt,
    updatedAt: stored.updatedAt,
    stats: {
      recordsSeen: stored.recordsSeen,
      recordsForwarded: stored.recordsForwarded,
      bytesSeen: stored.bytesSeen,
      bytesSent: stored.bytesSent,
      queued: figures?.queued ?? 0,
      queuedWireBytes,
      drainSeconds: queuedWireBytes === 0 ? 0 : rate === null || rate === 0 ? null : queuedWireBytes / rate,
    },
  };
}
