import type { Database } from 'better-sqlite3-multiple-ciphers';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import type { ForwardRuleInput } from '../../../shared/forwarding';
import { creditedDeliveries } from '../../../electron/core/forwarding/credited-deliveries';
import { createForwarder, type Forwarder, type ForwarderOutbox } from '../../../electron/core/forwarding/forwarder';
import { createForwardTables } from '../../../electron/core/store/forward-tables';
import { createStore, type OutboundDestination, type Store } from '../../../electron/core/store/store';
import { aCachedFix, aMigratedCache, cacheRecords, recordPerFix, T0 } from '../../builders/cached-records';
import { aForwardRuleInput } from '../../builders/forward-rule-builder';
import { manualClock, type ManualClock } from '../../support/manual-clock';
import { recordingLog } from '../../support/recording-log';

const SECOND = 1_000;
const CLOUD: OutboundDestination = { profileId: 'cloud', topic: 'cloud.positions' };

function aRule(overrides: Partial<ForwardRuleInput> = {}): ForwardRuleInput {
  return aForwardRuleInput({
    id: 'hostiles-up',
    name: 'Hostiles to the cloud',
    source: { kind: 'topic', profileId: 'edge', topic: 'cot' },
    destination: CLOUD,
    dropFields: ['raw', 'source'],
    precedence: 'priority',
    ...overrides,
  });
}

/** A friendly and a hostile unit, each reporting every 10 s from T0 for `seconds`. */
function twoUnitsReporting(seconds: number, from = 0) {
  return recordPerFix(
    Array.from({ length: seconds / 10 + 1 }, (_, step) => from + step * 10).flatMap((second) => [
      aCachedFix({ uid: 'friend-1', cotType: 'a-f-G-U-C-I', time: T0 + second * SECOND, lat: 40 + second * 1e-4 }),
      aCachedFix({ uid: 'hostile-1', cotType: 'a-h-G-U-C-I', callsign: 'RED 1', time: T0 + second * SECOND, lat: 41 + second * 1e-4 }),
    ]),
  );
}

interface Queued {
  readonly key: string | null;
  readonly rule: string | null;
  readonly body: { id: string; uid: string; time: number; kind: string; rule: string; precedence: string; classification: string; raw?: string; source?: unknown; callsign?: string };
}

describe('Given an edge cache, a cloud profile and a forwarding rule', () => {
  let db: Database;
  let store: Store;
  let clock: ManualClock;
  let forwarder: Forwarder;
  let woken: OutboundDestination[];

  const outbox: ForwarderOutbox = {
    noticeQueued: (destination) => woken.push(destination),
    setBudget: (destination, bytesPerSecond) => store.setOutboundBudget(destination, bytesPerSecond),
    destinations: () => [],
  };
  const newForwarder = (): Forwarder =>
    createForwarder({ tables: createForwardTables(db), store, outbox, clock, log: recordingLog(), marking: 'UNCLASSIFIED', onChange: () => undefined });
  const queued = (): Queued[] =>
    db
      .prepare<[], { record_key: string | null; forward_rule_id: string | null; payload: Buffer }>(
        "SELECT record_key, forward_rule_id, payload FROM outbox_messages WHERE state = 'queued' ORDER BY seq",
      )
      .all()
      .map((row) => ({ key: row.record_key, rule: row.forward_rule_id, body: JSON.parse(row.payload.toString()) as Queued['body'] }));
  const secondsOf = (messages: readonly Queued[]): number[] => messages.map((message) => (message.body.time - T0) / SECOND);

  beforeEach(() => {
    db = aMigratedCache();
    store = createStore(db);
    for (const id of ['edge', 'cloud']) store.saveProfile({ id, name: id, brokers: ['127.0.0.1:9'], clientId: 'outpost', groupId: null, tls: null, sasl: null, enabled: false });
    clock = manualClock(T0 + 10 * 60 * SECOND);
    woken = [];
    forwarder = newForwarder();
  });
  afterEach(() => {
    forwarder.stop();
    db.close();
  });

  it('When records arrive after the rule, Then only the filter’s positions go, one per 30 s per entity, keyed by entity, and the outbox is woken', () => {
    forwarder.save(aRule());
    cacheRecords(db, twoUnitsReporting(100));
    forwarder.step();
    const messages = queued();
    expect(secondsOf(messages)).toEqual([0, 30, 60, 90]);
    expect(messages.every((message) => message.key === 'hostile-1' && message.rule === 'hostiles-up')).toBe(true);
    expect(messages[0]!.body).toMatchObject({ kind: 'position', rule: 'hostiles-up', precedence: 'priority', classification: 'UNCLASSIFIED', uid: 'hostile-1', callsign: 'RED 1' });
    expect(woken).toEqual([CLOUD]);
  });

  it('When the entity falls silent, Then its last position goes once the interval has passed', () => {
    forwarder.save(aRule());
    cacheRecords(db, twoUnitsReporting(100));
    forwarder.step();
    clock.advance(29 * SECOND);
    forwarder.step();
    expect(secondsOf(queued())).toEqual([0, 30, 60, 90]);
    clock.advance(SECOND);
    forwarder.step();
    expect(secondsOf(queued())).toEqual([0, 30, 60, 90, 100]);
  });

  it('When fields are projected out, Then they are not in what is queued; when kept, the raw record goes as text', () => {
    forwarder.save(aRule());
    forwarder.save(aRule({ id: 'everything', filter: null, decimationSeconds: null, dropFields: [], destination: { profileId: 'cloud', topic: 'cloud.all' } }));
    cacheRecords(db, twoUnitsReporting(0));
    forwarder.step();
    const projected = queued().filter((message) => message.rule === 'hostiles-up');
    const full = queued().filter((message) => message.rule === 'everything');
    expect(projected).toHaveLength(1);
    expect(projected[0]!.body.raw).toBeUndefined();
    expect(projected[0]!.body.source).toBeUndefined();
    expect(full).toHaveLength(2);
    expect(full[0]!.body.raw).toContain('<event');
    expect(full[0]!.body.source).toEqual({ profile: 'edge', topic: 'cot', partition: 0, offset: '0' });
  });

  it('When the forwarder restarts on the same cache, Then nothing is queued twice and it carries on from its cursor', () => {
    forwarder.save(aRule());
    cacheRecords(db, twoUnitsReporting(60));
    forwarder.step();
    forwarder.stop();
    forwarder = newForwarder();
    forwarder.step();
    expect(secondsOf(queued())).toEqual([0, 30, 60]);
    cacheRecords(db, twoUnitsReporting(60, 70));
    forwarder.step();
    expect(secondsOf(queued())).toEqual([0, 30, 60, 90, 120]);
    expect(new Set(queued().map((message) => message.body.id)).size).toBe(5);
  });

  it('When the rule is paused, Then it forwards nothing new and its queue is held from the sender; resumed, it carries on from where it stopped', () => {
    forwarder.save(aRule());
    cacheRecords(db, twoUnitsReporting(30));
    forwarder.step();
    forwarder.setPaused('hostiles-up', true);
    expect(store.queuedOutbound(CLOUD, () => true)).toEqual([]);
    cacheRecords(db, twoUnitsReporting(60, 40));
    forwarder.step();
    expect(secondsOf(queued())).toEqual([0, 30]);
    expect(forwarder.list()[0]).toMatchObject({ paused: true, stats: { recordsSeen: 8 } });

    forwarder.setPaused('hostiles-up', false);
    expect(store.queuedOutbound(CLOUD, () => true)).toHaveLength(2);
    forwarder.step();
    expect(secondsOf(queued())).toEqual([0, 30, 60, 90]);
    expect(forwarder.list()[0]).toMatchObject({ paused: false, stats: { recordsSeen: 22, recordsForwarded: 4 } });
  });

  it('When the rule is removed, Then what it had queued is cancelled with a note, and nothing more is forwarded', () => {
    forwarder.save(aRule());
    cacheRecords(db, twoUnitsReporting(30));
    forwarder.step();
    expect(forwarder.remove('hostiles-up')).toBe(true);
    expect(queued()).toEqual([]);
    const notes = db.prepare<[], string>("SELECT note FROM outbox_history WHERE state = 'cancelled'").pluck().all();
    expect(notes).toEqual(['Its forwarding rule, hostiles-up, was removed.', 'Its forwarding rule, hostiles-up, was removed.']);
  });

  it('When a rule is dry-run over the cache, Then it counts what the live rule sends, and queues nothing', async () => {
    cacheRecords(db, twoUnitsReporting(100));
    const dryRun = await forwarder.dryRun(aRule(), 1);
    expect(dryRun).toMatchObject({ recordsRead: 22, recordsSeen: 22, recordsForwarded: 5 });
    expect(dryRun.bytesSeen).toBeGreaterThan(dryRun.wireBytes);
    expect(JSON.parse(dryRun.examples[0]!)).toMatchObject({ uid: 'hostile-1', time: T0 });
    expect(queued()).toEqual([]);
  });

  it('When a rule’s filter does not read, or names a profile that does not exist, Then it is refused with a sentence', () => {
    expect(() => forwarder.save(aRule({ filter: 'speed >' }))).toThrow(/^The filter does not read: /);
    expect(() => forwarder.save(aRule({ destination: { profileId: 'nowhere', topic: 'x' } }))).toThrow(
      'There is no connection profile with the id nowhere for the destination; add it in the Connections tab first.',
    );
    expect(forwarder.list()).toEqual([]);
  });

  it('When the broker acknowledges its positions, Then the rule is credited with what their request cost, and the analyst’s list and counts leave them out', () => {
    forwarder.save(aRule());
    cacheRecords(db, twoUnitsReporting(30));
    forwarder.step();
    const ids = queued().map((message) => message.body.id);
    const outboxStore = creditedDeliveries(store, createForwardTables(db));
    const at = clock.now();
    outboxStore.transitionOutboundMany(['queued'], ids.map((id) => ({ id, change: { state: 'sending', at } })));
    expect(forwarder.list()[0]!.stats).toMatchObject({ queued: 0, bytesSent: 0 });
    outboxStore.transitionOutboundMany(['sending'], ids.map((id, index) => ({ id, change: { state: 'sent', at, partition: 0, offset: '0', chargedBytes: 100.4 + index } })));
    expect(forwarder.list()[0]!.stats).toMatchObject({ recordsForwarded: 2, bytesSent: 202, queued: 0, queuedWireBytes: 0, drainSeconds: 0 });
    expect(store.listOutbound(null, 10)).toEqual([]);
    expect(store.countOutbound()).toEqual({ queued: 0, sending: 0, sent: 0, failed: 0, cancelled: 0 });
  });

  it('When a rule has a budget, Then its destination gets that budget', () => {
    forwarder.save(aRule({ budgetBytesPerSecond: 2_000 }));
    expect(store.outboundBudget(CLOUD)).toBe(2_000);
  });
});
