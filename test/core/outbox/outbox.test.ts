import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { createOutbox, INTERRUPTED_NOTE, type Outbox } from '../../../electron/core/outbox/outbox';
import { openDatabase } from '../../../electron/core/store/open-database';
import { createStore, type Store } from '../../../electron/core/store/store';
import { UserFacingError } from '../../../electron/core/user-facing-error';
import { anOutboxDraft } from '../../builders/outbox-draft-builder';
import { manualClock, type ManualClock } from '../../support/manual-clock';
import { memorySecrets } from '../../support/memory-secrets';
import { recordingLog } from '../../support/recording-log';
import { makeTempDir } from '../../support/temp-dir';

const KEY = 'f'.repeat(64);

// No broker here: every test keeps the outbox unstarted or its profile missing, so nothing connects.
describe('Given the outbox over a real store', () => {
  let dir: ReturnType<typeof makeTempDir>;
  let store: Store;
  let clock: ManualClock;
  let outbox: Outbox;
  let changes: number;

  beforeEach(() => {
    dir = makeTempDir();
    store = createStore(openDatabase({ file: join(dir.path, 'cache.db'), key: KEY }));
    store.saveProfile({ id: 'edge', name: 'Edge', brokers: ['127.0.0.1:1'], clientId: 'outpost-test', groupId: null, tls: null, sasl: null, enabled: true });
    clock = manualClock();
    changes = 0;
    outbox = createOutbox({ store, secrets: memorySecrets(), clock, log: recordingLog(), onChange: () => (changes += 1) });
  });
  afterEach(async () => {
    await outbox.stop();
    store.close();
    dir.remove();
  });

  it('When a draft names a profile that does not exist, Then enqueue refuses it with a sentence', () => {
    expect(() => outbox.enqueue(anOutboxDraft({ profileId: 'nowhere' }))).toThrow(UserFacingError);
    expect(() => outbox.enqueue(anOutboxDraft({ profileId: 'nowhere' }))).toThrow(/no connection profile with the id nowhere; pick one/);
    expect(outbox.counts().queued).toBe(0);
  });

  it('When a draft is queued, Then it is stored with a fresh id, its wire bytes, and the change is announced', () => {
    const first = outbox.enqueue(anOutboxDraft());
    const second = outbox.enqueue(anOutboxDraft());
    expect(first.id).not.toBe(second.id);
    expect(first).toMatchObject({ state: 'queued', createdAt: clock.now(), attempts: 0 });
    expect(first.bytes).toBeGreaterThan(0);
    expect(outbox.counts().queued).toBe(2);
    expect(changes).toBe(2);
  });

  it('When the site has a marking and a draft is queued unmarked, Then its wire bytes carry the site’s marking', async () => {
    await outbox.stop();
    outbox = createOutbox({ store, secrets: memorySecrets(), clock, log: recordingLog(), siteMarking: 'CUI//SP-PRVCY', onChange: () => undefined });
    const queued = outbox.enqueue(anOutboxDraft({ classification: null }));
    const [sent] = store.queuedOutbound({ profileId: 'edge', topic: 'outbox' }, () => true);
    expect(sent?.id).toBe(queued.id);
    expect(JSON.parse(new TextDecoder().decode(sent?.payload))).toMatchObject({ classification: 'CUI//SP-PRVCY' });
  });

  it('When a queued message is cancelled, Then it is cancelled; cancelling again changes nothing', () => {
    const message = outbox.enqueue(anOutboxDraft());
    expect(outbox.cancel(message.id).state).toBe('cancelled');
    expect(outbox.cancel(message.id).state).toBe('cancelled');
    expect(outbox.list(['cancelled'], 10).map((m) => m.id)).toEqual([message.id]);
  });

  it('When an unknown id is cancelled or retried, Then the answer says it is not in the outbox', () => {
    expect(() => outbox.cancel('3f1c2a9e-7d4b-4c1e-9a2f-0b5d6e7f8a90')).toThrow(/not in the outbox/);
    expect(() => outbox.retry('3f1c2a9e-7d4b-4c1e-9a2f-0b5d6e7f8a90')).toThrow(/not in the outbox/);
  });

  it('When a message that has not failed is retried, Then the answer names its state', () => {
    const message = outbox.enqueue(anOutboxDraft());
    expect(() => outbox.retry(message.id)).toThrow(/Only a failed message can be sent again; this one is queued\./);
  });

  it('When a failed message is retried, Then it is queued again without its old reason', () => {
    const message = outbox.enqueue(anOutboxDraft());
    store.transitionOutbound(message.id, ['queued'], { state: 'sending', at: clock.now(), attempt: true });
    store.transitionOutbound(message.id, ['sending'], { state: 'failed', at: clock.now(), reason: 'Too large.' });
    const queued = outbox.retry(message.id);
    expect(queued).toMatchObject({ state: 'queued', reason: null });
  });

  it('When a queued message gets a new precedence, Then it keeps it; a cancelled one cannot', () => {
    const message = outbox.enqueue(anOutboxDraft({ precedence: 'routine' }));
    expect(outbox.setPrecedence(message.id, 'flash').precedence).toBe('flash');
    outbox.cancel(message.id);
    expect(() => outbox.setPrecedence(message.id, 'routine')).toThrow(/Only a queued message can change precedence; this one is cancelled\./);
  });

  it('When the last run stopped mid-send, Then start queues the message again and says why', () => {
    const message = outbox.enqueue(anOutboxDraft());
    store.transitionOutbound(message.id, ['queued'], { state: 'sending', at: clock.now(), attempt: true });
    store.removeProfile('edge');
    outbox.start();
    const requeued = store.readOutbound(message.id);
    expect(requeued?.state).toBe('queued');
    expect(requeued?.history.map((h) => h.note)).toContain(INTERRUPTED_NOTE);
  });

  it('When the profile of queued messages is removed, Then they stay queued, the first says the profile is gone, and waiting on adds nothing to its history', async () => {
    const message = outbox.enqueue(anOutboxDraft());
    store.removeProfile('edge');
    outbox.start();
    await new Promise((resolve) => setImmediate(resolve));
    expect(store.readOutbound(message.id)).toMatchObject({ state: 'queued', reason: expect.stringMatching(/^The connection profile is gone; add a profile with the id edge again/) });
    clock.advance(60_000);
    await new Promise((resolve) => setImmediate(resolve));
    expect(store.readOutbound(message.id)?.history.filter((h) => h.state === 'queued')).toHaveLength(2);
  });

  it('When a JSON message gets a new precedence, Then the bytes it goes as say the new precedence too', () => {
    const message = outbox.enqueue(anOutboxDraft({ precedence: 'routine', format: 'json' }));
    outbox.setPrecedence(message.id, 'flash');
    expect(JSON.parse(queuedPayloadText(message.profileId, message.topic))).toMatchObject({ id: message.id, precedence: 'flash', createdAt: message.createdAt });
  });

  it('When a queued message is edited, Then it keeps its id and time, goes as the new text, and its history says so', () => {
    const message = outbox.enqueue(anOutboxDraft({ format: 'json', content: { kind: 'text', text: 'Convoy at checkpoint 3.' } }));
    clock.advance(5_000);

    const edited = outbox.edit(message.id, anOutboxDraft({ format: 'json', content: { kind: 'text', text: 'Convoy at checkpoint 4.' } }));

    expect(edited).toMatchObject({ id: message.id, createdAt: message.createdAt, updatedAt: clock.now(), state: 'queued', content: { text: 'Convoy at checkpoint 4.' } });
    expect(edited.history.at(-1)).toEqual({ state: 'queued', at: clock.now(), note: 'Edited by the analyst.' });
    expect(JSON.parse(queuedPayloadText(message.profileId, message.topic))).toMatchObject({ id: message.id, text: 'Convoy at checkpoint 4.' });
    expect(outbox.counts().queued).toBe(1);
  });

  it('When a message no longer queued is edited, or an edit names an unknown profile, Then it is refused with a sentence and nothing changes', () => {
    const message = outbox.enqueue(anOutboxDraft());
    expect(() => outbox.edit(message.id, anOutboxDraft({ profileId: 'nowhere' }))).toThrow(/no connection profile with the id nowhere/);
    store.transitionOutbound(message.id, ['queued'], { state: 'sending', at: clock.now(), attempt: true });
    expect(() => outbox.edit(message.id, anOutboxDraft())).toThrow(/being sent right now and can no longer be edited; send a correction as a new message/);
    store.transitionOutbound(message.id, ['sending'], { state: 'sent', at: clock.now() });
    expect(() => outbox.edit(message.id, anOutboxDraft())).toThrow(/Only a queued message can be edited; this one is sent\./);
    expect(store.readOutbound(message.id)?.content).toEqual(message.content);
  });

  it('When a destination has a budget and nothing has been sent yet, Then its time to drain is its queued cost over the budget', () => {
    const first = outbox.enqueue(anOutboxDraft({ topic: 'reports.out' }));
    const second = outbox.enqueue(anOutboxDraft({ topic: 'reports.out' }));
    outbox.enqueue(anOutboxDraft({ topic: 'chat.out' }));

    const status = outbox.setBudget({ profileId: 'edge', topic: 'reports.out' }, 200);

    const queuedWireBytes = first.wireBytes + second.wireBytes;
    expect(status).toEqual({ profileId: 'edge', topic: 'reports.out', queued: 2, queuedWireBytes, budgetBytesPerSecond: 200, sentWireBytes: 0, measuredBytesPerSecond: null, drainSeconds: queuedWireBytes / 200, waiting: null });
    expect(outbox.destinations().map((d) => [d.topic, d.drainSeconds])).toEqual([
      ['chat.out', null],
      ['reports.out', queuedWireBytes / 200],
    ]);
  });

  it('When a budget is set where nothing is queued, and then lifted, Then the destination is listed with nothing to drain, then no longer listed', () => {
    expect(outbox.setBudget({ profileId: 'edge', topic: 'quiet.out' }, 2_000)).toMatchObject({ queued: 0, budgetBytesPerSecond: 2_000, drainSeconds: 0 });
    expect(outbox.setBudget({ profileId: 'edge', topic: 'quiet.out' }, null)).toMatchObject({ queued: 0, budgetBytesPerSecond: null });
    expect(outbox.destinations()).toEqual([]);
  });

  it('When a message is compressed for its cost, Then a repetitive message costs less than its bytes', () => {
    const message = outbox.enqueue(anOutboxDraft({ format: 'json', content: { kind: 'text', text: 'grid 38SMB4484 '.repeat(40) } }));
    expect(message.wireBytes).toBeGreaterThan(0);
    expect(message.wireBytes).toBeLessThan(message.bytes / 4);
  });

  it('When the profile of queued messages is switched off, Then they stay queued and the first says to switch it on', async () => {
    const message = outbox.enqueue(anOutboxDraft());
    store.saveProfile({ id: 'edge', name: 'Edge', brokers: ['127.0.0.1:1'], clientId: 'outpost-test', groupId: null, tls: null, sasl: null, enabled: false });
    outbox.start();
    await new Promise((resolve) => setImmediate(resolve));
    expect(store.readOutbound(message.id)).toMatchObject({ state: 'queued', reason: expect.stringMatching(/^The connection profile Edge is switched off; switch it on in the Connections tab/) });
    expect(outbox.destinations()[0]?.waiting).toMatch(/switched off/);
  });

  const queuedPayloadText = (profileId: string, topic: string): string =>
    Buffer.from(store.queuedOutbound({ profileId, topic }, (_next, countBefore) => countBefore === 0)[0]?.payload ?? []).toString('utf8');
});
