// @vitest-environment jsdom
import { act } from 'react';
import { describe, expect, it, vi } from 'vitest';
import type { Profile } from '../../shared/connections';
import type { DestinationStatus, OutboxCounts, OutboxDraft, OutboxMessage } from '../../shared/outbox';
import { fail, ok, type Result } from '../../shared/result';
import { createClient, type Client } from '../../renderer/client';
import { StatusBar } from '../../renderer/components/StatusBar';
import { OutboxPanel } from '../../renderer/outbox/OutboxPanel';
import { useOutboxCounts, waitingToSend } from '../../renderer/outbox/use-outbox-counts';
import { aRootPerTest } from './support/dom';
import { anOutboxMessage } from '../builders/outbox-message-builder';

// Tells React this is a test, so it applies updates inside act() without warning.
(globalThis as { IS_REACT_ACT_ENVIRONMENT?: boolean }).IS_REACT_ACT_ENVIRONMENT = true;

interface SentCall {
  readonly method: string;
  readonly args: unknown;
}

const NOW = Date.UTC(2025, 5, 1, 12, 0, 0);
const EDGE: Profile = { id: 'edge', name: 'Edge broker', brokers: ['10.0.0.5:9092'], clientId: 'outpost', groupId: null, tls: null, sasl: null, enabled: true };
const NO_MESSAGES: OutboxCounts = { queued: 0, sending: 0, sent: 0, failed: 0, cancelled: 0 };
const FAILED_ID = '0b7e2f4a-9c1d-4e8b-a2f3-5d6c7b8a9e01';
const QUEUED_ID = '1c8f3a5b-0d2e-4f9c-b3a4-6e7d8c9b0f12';

const messageFrom = (draft: OutboxDraft, id: string, state: OutboxMessage['state'], reason?: string): OutboxMessage =>
  anOutboxMessage(draft, id, state, reason === undefined ? { now: NOW } : { now: NOW, reason });

const TEXT_DRAFT: OutboxDraft = {
  profileId: 'edge',
  topic: 'outpost.outbox',
  precedence: 'flash',
  format: 'cot',
  classification: null,
  content: { kind: 'text', text: 'Bridge at the north crossing is down.' },
};
const TOPIC_MISSING = 'The broker has no topic “outpost.outbox” and does not create topics on request.';

interface HostState {
  profiles: Profile[];
  messages: OutboxMessage[];
  counts: OutboxCounts;
  enqueueAnswer: ((draft: OutboxDraft) => Result<OutboxMessage>) | null;
  destinations?: DestinationStatus[];
  /** Refuses outbox.edit with this sentence. */
  editRefusal?: string;
  /** Refuses outbox.setBudget with this sentence. */
  budgetRefusal?: string;
}

interface BudgetArgs {
  readonly profileId: string;
  readonly topic: string;
  readonly bytesPerSecond: number | null;
}

/** The core's answer to outbox.setBudget: the destination as it is now, listed until it has neither a queue nor a budget. */
function setBudget(state: HostState, { profileId, topic, bytesPerSecond }: BudgetArgs): DestinationStatus {
  const listed = state.destinations?.find((destination) => destination.profileId === profileId && destination.topic === topic);
  const status: DestinationStatus = {
    ...(listed ?? { profileId, topic, queued: 0, queuedWireBytes: 0, measuredBytesPerSecond: null, sentWireBytes: 0, drainSeconds: null, waiting: null }),
    budgetBytesPerSecond: bytesPerSecond,
  };
  const others = (state.destinations ?? []).filter((destination) => destination !== listed);
  state.destinations = status.queued === 0 && bytesPerSecond === null ? others : [...others, status];
  return status;
}

/** A real client over a fake host, so answers are parsed against the contract as in the app. */
function fakeHost(state: HostState) {
  const sent: SentCall[] = [];
  let emit: (message: unknown) => void = () => undefined;
  let seq = 0;
  const answer = (method: string, args: unknown): Result<unknown> => {
    const id = (args as { id?: string }).id;
    const found = state.messages.find((message) => message.id === id);
    switch (method) {
      case 'profiles.list':
        return ok(state.profiles);
      case 'outbox.list':
        return ok(state.messages);
      case 'outbox.counts':
        return ok(state.counts);
      case 'outbox.enqueue': {
        const draft = (args as { draft: OutboxDraft }).draft;
        return state.enqueueAnswer?.(draft) ?? ok(messageFrom(draft, crypto.randomUUID(), 'queued'));
      }
      case 'outbox.retry':
        return found === undefined ? fail('failed', 'No such message.') : ok({ ...found, state: 'queued' });
      case 'outbox.cancel':
        return found === undefined ? fail('failed', 'No such message.') : ok({ ...found, state: 'cancelled' });
      case 'outbox.edit': {
        if (found === undefined) return fail('failed', 'No such message.');
        if (state.editRefusal !== undefined) return fail('failed', state.editRefusal);
        const edited = { ...found, ...(args as { draft: OutboxDraft }).draft };
        state.messages = state.messages.map((message) => (message.id === id ? edited : message));
        return ok(edited);
      }
      case 'outbox.destinations':
        return ok(state.destinations ?? []);
      case 'outbox.setBudget':
        return state.budgetRefusal === undefined ? ok(setBudget(state, args as BudgetArgs)) : fail('failed', state.budgetRefusal);
      default:
        return fail('failed', `This test does not answer ${method}.`);
    }
  };
  const client = createClient(
    {
      call: async (method, args) => {
        sent.push({ method, args });
        return answer(method, args);
      },
      onEvent: (listener) => {
        emit = listener;
        return () => undefined;
      },
      acknowledge: () => undefined,
    },
    (message) => {
      throw new Error(message);
    },
  );
  const changed = (counts: OutboxCounts): void => {
    state.counts = counts;
    seq += 1;
    emit({ seq, event: 'outbox.changed', payload: counts });
  };
  return { client, sent, changed };
}

/** The panel as the App wires it: counts from the hook the status bar shares. */
function OutboxTab({ client }: { readonly client: Client }) {
  const counts = useOutboxCounts(client);
  return <OutboxPanel client={client} counts={counts} active now={NOW} />;
}

function StatusBarOnCounts({ client }: { readonly client: Client }) {
  const counts = useOutboxCounts(client);
  return <StatusBar status={null} connections={[]} trackCount={0} outboxQueued={counts === null ? null : waitingToSend(counts)} alertCounts={null} problem={null} />;
}

function byTestId(testId: string, within: ParentNode = document): HTMLElement {
  const element = within.querySelector<HTMLElement>(`[data-testid="${testId}"]`);
  if (element === null) throw new Error(`Nothing on the page has data-testid="${testId}".`);
  return element;
}

function rows(): HTMLElement[] {
  return [...document.querySelectorAll<HTMLElement>('[data-testid="outbox-row"]')];
}

/** Sets a control's value as typing or choosing would, so React's change handler runs. */
function enter(testId: string, value: string): void {
  const control = byTestId(testId) as HTMLInputElement | HTMLTextAreaElement | HTMLSelectElement;
  const prototype = Object.getPrototypeOf(control) as object;
  Object.getOwnPropertyDescriptor(prototype, 'value')?.set?.call(control, value);
  control.dispatchEvent(new Event(control instanceof HTMLSelectElement ? 'change' : 'input', { bubbles: true }));
}

async function settle(action: () => void = () => undefined, waitMs = 0): Promise<void> {
  await act(async () => {
    action();
    await new Promise((resolve) => setTimeout(resolve, waitMs));
  });
}

function calls(sent: readonly SentCall[], method: string): unknown[] {
  return sent.filter((call) => call.method === method).map((call) => call.args);
}

function enqueued(sent: readonly SentCall[]): unknown[] {
  return sent.filter((call) => call.method === 'outbox.enqueue').map((call) => (call.args as { draft: unknown }).draft);
}

describe('Given the Outbox tab', () => {
  const root = aRootPerTest();

  it('When a FLASH text message is composed and queued, Then the draft goes to outbox.enqueue, the text clears and it says Queued', async () => {
    const host = fakeHost({ profiles: [EDGE], messages: [], counts: NO_MESSAGES, enqueueAnswer: null });
    await settle(() => root.current.render(<OutboxTab client={host.client} />));

    await settle(() => {
      enter('compose-precedence', 'flash');
      enter('compose-text', 'Bridge at the north crossing is down.');
    });
    await settle(() => byTestId('compose-submit').click());

    expect(enqueued(host.sent)).toEqual([TEXT_DRAFT]);
    expect((byTestId('compose-text') as HTMLTextAreaElement).value).toBe('');
    expect((byTestId('compose-topic') as HTMLInputElement).value).toBe('outpost.outbox');
    expect(byTestId('compose-queued').textContent).toBe('Queued.');
  });

  it('When a hostile marker is placed by MGRS with a classification, Then the draft carries the square’s centre in degrees', async () => {
    const host = fakeHost({ profiles: [EDGE], messages: [], counts: NO_MESSAGES, enqueueAnswer: null });
    await settle(() => root.current.render(<OutboxTab client={host.client} />));

    await settle(() => enter('compose-kind', 'marker'));
    await settle(() => {
      enter('compose-topic', 'cot.outbound');
      enter('compose-format', 'json');
      enter('compose-classification', ' NATO RESTRICTED ');
      enter('compose-marker', 'hostile');
      enter('compose-label', 'Checkpoint');
      enter('compose-location', '32T NK 12345 67890');
    });
    await settle(() => byTestId('compose-submit').click());

    const [draft] = enqueued(host.sent) as OutboxDraft[];
    expect(draft).toMatchObject({ profileId: 'edge', topic: 'cot.outbound', precedence: 'routine', format: 'json', classification: 'NATO RESTRICTED' });
    expect(draft?.content).toMatchObject({ kind: 'marker', marker: 'hostile', label: 'Checkpoint', remarks: null });
    const content = draft?.content as { lat: number; lon: number };
    expect(content.lat).toBeCloseTo(40.361490239, 6);
    expect(content.lon).toBeCloseTo(9.145398732, 6);
  });

  it('When the fields are incomplete or the location is unreadable, Then each field says so and nothing is sent', async () => {
    const host = fakeHost({ profiles: [EDGE], messages: [], counts: NO_MESSAGES, enqueueAnswer: null });
    await settle(() => root.current.render(<OutboxTab client={host.client} />));

    await settle(() => enter('compose-kind', 'marker'));
    await settle(() => {
      enter('compose-topic', 'no spaces allowed');
      enter('compose-location', 'by the old mill');
    });
    await settle(() => byTestId('compose-submit').click());

    expect(enqueued(host.sent)).toEqual([]);
    expect(byTestId('compose-topic-error').textContent).toBe('A topic name uses letters, digits, ".", "_" and "-".');
    expect(byTestId('compose-label-error').textContent).toBe('Enter a label.');
    expect(byTestId('compose-location-error').textContent).toMatch(/^Outpost cannot read “by the old mill” as a location\./);
  });

  it('When a SALUTE is filled in by MGRS with a typed UTC time, Then the draft carries every line, the place in degrees and the time seen', async () => {
    const host = fakeHost({ profiles: [EDGE], messages: [], counts: NO_MESSAGES, enqueueAnswer: null });
    await settle(() => root.current.render(<OutboxTab client={host.client} />));

    await settle(() => enter('compose-kind', 'salute'));
    expect((byTestId('compose-salute-time') as HTMLInputElement).value).toMatch(/^\d{4}-\d{2}-\d{2} \d{2}:\d{2}Z$/);
    await settle(() => {
      enter('compose-precedence', 'immediate');
      enter('compose-salute-size', ' 8 personnel, 2 vehicles ');
      enter('compose-salute-activity', 'Digging in');
      enter('compose-salute-location', '32T NK 12345 67890');
      enter('compose-salute-unit', 'unknown');
      enter('compose-salute-time', '2025-06-01 11:40Z');
      enter('compose-salute-equipment', 'Small arms');
    });
    await settle(() => byTestId('compose-submit').click());

    const [draft] = enqueued(host.sent) as OutboxDraft[];
    expect(draft).toMatchObject({ profileId: 'edge', topic: 'outpost.outbox', precedence: 'immediate', format: 'cot', classification: null });
    expect(draft?.content).toMatchObject({
      kind: 'salute',
      size: '8 personnel, 2 vehicles',
      activity: 'Digging in',
      unit: 'unknown',
      time: Date.UTC(2025, 5, 1, 11, 40),
      equipment: 'Small arms',
    });
    const content = draft?.content as { lat: number; lon: number };
    expect(content.lat).toBeCloseTo(40.361490239, 6);
    expect(content.lon).toBeCloseTo(9.145398732, 6);
    expect((byTestId('compose-salute-size') as HTMLInputElement).value).toBe('');
    expect(byTestId('compose-queued').textContent).toBe('Queued.');
  });

  it('When a SALUTE is sent with its lines blank and its time unreadable, Then each line says so and nothing is sent', async () => {
    const host = fakeHost({ profiles: [EDGE], messages: [], counts: NO_MESSAGES, enqueueAnswer: null });
    await settle(() => root.current.render(<OutboxTab client={host.client} />));

    await settle(() => enter('compose-kind', 'salute'));
    await settle(() => {
      enter('compose-salute-activity', 'Digging in');
      enter('compose-salute-time', 'this morning');
    });
    await settle(() => byTestId('compose-submit').click());

    expect(enqueued(host.sent)).toEqual([]);
    expect(byTestId('compose-salute-size-error').textContent).toBe('Enter the size, or “unknown”.');
    expect(document.querySelector('[data-testid="compose-salute-activity-error"]')).toBeNull();
    expect(byTestId('compose-salute-location-error').textContent).toBe('Enter a location.');
    expect(byTestId('compose-salute-unit-error').textContent).toBe('Enter the unit, or “unknown”.');
    expect(byTestId('compose-salute-time-error').textContent).toMatch(/^Outpost cannot read “this morning” as a time\. Write it in UTC/);
    expect(byTestId('compose-salute-equipment-error').textContent).toBe('Enter the equipment, or “unknown”.');
  });

  it('When a SITREP is filled in without plans, Then the draft carries its lines, the optional location and null for what was left out', async () => {
    const host = fakeHost({ profiles: [EDGE], messages: [], counts: NO_MESSAGES, enqueueAnswer: null });
    await settle(() => root.current.render(<OutboxTab client={host.client} />));

    await settle(() => enter('compose-kind', 'sitrep'));
    await settle(() => {
      enter('compose-format', 'json');
      enter('compose-sitrep-unit', '2nd Platoon');
      enter('compose-sitrep-location', '40.5, 9.25');
      enter('compose-sitrep-situation', 'Holding the crossing.');
      enter('compose-sitrep-actions', 'Cleared the village.');
      enter('compose-sitrep-logistics', ' Water for 24 hours. ');
    });
    await settle(() => byTestId('compose-submit').click());

    expect(enqueued(host.sent)).toEqual([
      {
        profileId: 'edge',
        topic: 'outpost.outbox',
        precedence: 'routine',
        format: 'json',
        classification: null,
        content: {
          kind: 'sitrep',
          unit: '2nd Platoon',
          location: { lat: 40.5, lon: 9.25 },
          situation: 'Holding the crossing.',
          actions: 'Cleared the village.',
          plans: null,
          logistics: 'Water for 24 hours.',
        },
      },
    ]);
    // The next SITREP usually comes from the same unit.
    expect((byTestId('compose-sitrep-unit') as HTMLInputElement).value).toBe('2nd Platoon');
    expect((byTestId('compose-sitrep-situation') as HTMLTextAreaElement).value).toBe('');
  });

  it('When a SITREP leaves out its location and its situation, Then no location is sent but the situation is asked for', async () => {
    const host = fakeHost({ profiles: [EDGE], messages: [], counts: NO_MESSAGES, enqueueAnswer: null });
    await settle(() => root.current.render(<OutboxTab client={host.client} />));

    await settle(() => enter('compose-kind', 'sitrep'));
    await settle(() => {
      enter('compose-sitrep-unit', '2nd Platoon');
      enter('compose-sitrep-actions', 'none');
    });
    await settle(() => byTestId('compose-submit').click());

    expect(enqueued(host.sent)).toEqual([]);
    expect(byTestId('compose-sitrep-situation-error').textContent).toBe('Enter the situation.');
    expect(document.querySelector('[data-testid="compose-sitrep-location-error"]')).toBeNull();

    await settle(() => enter('compose-sitrep-situation', 'Quiet.'));
    await settle(() => byTestId('compose-submit').click());
    expect(enqueued(host.sent)).toMatchObject([{ content: { kind: 'sitrep', location: null, situation: 'Quiet.', actions: 'none', plans: null, logistics: null } }]);
  });

  it('When the list holds a SALUTE and a SITREP, Then each row sums it up in one line', async () => {
    const salute = messageFrom(
      { ...TEXT_DRAFT, content: { kind: 'salute', size: '8 personnel', activity: 'digging in', lat: 40.1, lon: 9.2, unit: 'unknown', time: NOW - 600_000, equipment: 'small arms' } },
      QUEUED_ID,
      'queued',
    );
    const sitrep = messageFrom(
      { ...TEXT_DRAFT, content: { kind: 'sitrep', unit: '2nd Platoon', location: null, situation: 'Holding the crossing.', actions: 'none', plans: null, logistics: null } },
      FAILED_ID,
      'queued',
    );
    const host = fakeHost({ profiles: [EDGE], messages: [salute, sitrep], counts: { ...NO_MESSAGES, queued: 2 }, enqueueAnswer: null });
    await settle(() => root.current.render(<OutboxTab client={host.client} />));

    const [saluteRow, sitrepRow] = rows();
    expect(saluteRow?.textContent).toContain('SALUTE: 8 personnel, digging in at 40.10000° N  9.20000° E');
    expect(sitrepRow?.textContent).toContain('SITREP from 2nd Platoon: Holding the crossing.');
  });

  it('When the core refuses the message, Then its sentence is shown and the text is kept', async () => {
    const host = fakeHost({ profiles: [EDGE], messages: [], counts: NO_MESSAGES, enqueueAnswer: () => fail('failed', 'The outbox is full: 10,000 messages wait to be sent.') });
    await settle(() => root.current.render(<OutboxTab client={host.client} />));

    await settle(() => enter('compose-text', 'Resupply needed.'));
    await settle(() => byTestId('compose-submit').click());

    expect(byTestId('compose-error').textContent).toBe('The outbox is full: 10,000 messages wait to be sent.');
    expect((byTestId('compose-text') as HTMLTextAreaElement).value).toBe('Resupply needed.');
  });

  it('When there is no connection profile, Then a sentence sends the analyst to the Connections tab', async () => {
    const host = fakeHost({ profiles: [], messages: [], counts: NO_MESSAGES, enqueueAnswer: null });
    await settle(() => root.current.render(<OutboxTab client={host.client} />));

    expect(byTestId('compose-no-profiles').textContent).toContain('Add a connection profile in the Connections tab first.');
    expect(document.querySelector('[data-testid="compose-submit"]')).toBeNull();
  });

  it('When a message has failed, Then the counts, its precedence, its reason and Retry are shown, and Retry calls outbox.retry', async () => {
    const failed = messageFrom(TEXT_DRAFT, FAILED_ID, 'failed', TOPIC_MISSING);
    const queued = messageFrom({ ...TEXT_DRAFT, precedence: 'routine' }, QUEUED_ID, 'queued');
    const host = fakeHost({ profiles: [EDGE], messages: [queued, failed], counts: { ...NO_MESSAGES, queued: 1, failed: 1, sent: 7 }, enqueueAnswer: null });
    await settle(() => root.current.render(<OutboxTab client={host.client} />));

    expect(byTestId('outbox-count-queued').textContent).toBe('1');
    expect(byTestId('outbox-count-failed').textContent).toBe('1');
    expect(byTestId('outbox-count-sent').textContent).toBe('7');
    expect(rows().map((row) => row.dataset.state)).toEqual(['queued', 'failed']);
    const failedRow = rows()[1] as HTMLElement;
    expect(byTestId('outbox-precedence-badge', failedRow).textContent).toBe('FLASH');
    expect(byTestId('outbox-reason', failedRow).textContent).toBe(TOPIC_MISSING);
    expect(failedRow.textContent).toContain('Edge broker / outpost.outbox');
    expect(failedRow.textContent).toContain('1m ago');
    expect(failedRow.textContent).toContain('312 B');
    expect(failedRow.querySelector('details')?.textContent).toContain(TOPIC_MISSING);
    expect(failedRow.querySelector('[data-testid="outbox-precedence"]')).toBeNull();
    expect((rows()[0] as HTMLElement).querySelector('[data-testid="outbox-retry"]')).toBeNull();

    await settle(() => byTestId('outbox-retry', failedRow).click());

    expect(host.sent).toContainEqual({ method: 'outbox.retry', args: { id: FAILED_ID } });
    expect(rows()[1]?.dataset.state).toBe('queued');
  });

  it('When Cancel is pressed and confirmed, Then outbox.cancel is called for that message', async () => {
    const queued = messageFrom(TEXT_DRAFT, QUEUED_ID, 'queued');
    const host = fakeHost({ profiles: [EDGE], messages: [queued], counts: { ...NO_MESSAGES, queued: 1 }, enqueueAnswer: null });
    await settle(() => root.current.render(<OutboxTab client={host.client} />));

    await settle(() => byTestId('outbox-cancel').click());
    expect(host.sent.map((call) => call.method)).not.toContain('outbox.cancel');
    await settle(() => byTestId('outbox-cancel-confirm').click());

    expect(host.sent).toContainEqual({ method: 'outbox.cancel', args: { id: QUEUED_ID } });
    expect(rows()[0]?.dataset.state).toBe('cancelled');
  });

  it('When the outbox changes several times at once, Then the counts follow each change and the list is read again once', async () => {
    const host = fakeHost({ profiles: [EDGE], messages: [], counts: NO_MESSAGES, enqueueAnswer: null });
    await settle(() => root.current.render(<OutboxTab client={host.client} />));
    const listReads = (): number => host.sent.filter((call) => call.method === 'outbox.list').length;
    expect(listReads()).toBe(1);

    await settle(() => {
      host.changed({ ...NO_MESSAGES, queued: 1 });
      host.changed({ ...NO_MESSAGES, sending: 1 });
      host.changed({ ...NO_MESSAGES, sent: 1 });
    }, 400);

    expect(byTestId('outbox-count-sent').textContent).toBe('1');
    expect(listReads()).toBe(2);
  });
});

describe('Given the status bar', () => {
  const root = aRootPerTest();

  it('When the outbox is read at start and then changes, Then it shows the messages queued or sending', async () => {
    const host = fakeHost({ profiles: [], messages: [], counts: { ...NO_MESSAGES, queued: 2, sending: 1, failed: 4 }, enqueueAnswer: null });
    await settle(() => root.current.render(<StatusBarOnCounts client={host.client} />));
    expect(byTestId('outbox-queued').textContent).toBe('3 queued');

    await settle(() => host.changed({ ...NO_MESSAGES, sent: 3 }));
    expect(byTestId('outbox-queued').textContent).toBe('0 queued');
  });
});

const MARKER_DRAFT: OutboxDraft = {
  ...TEXT_DRAFT,
  topic: 'cot.outbound',
  precedence: 'immediate',
  format: 'json',
  classification: 'NATO RESTRICTED',
  content: { kind: 'marker', marker: 'hostile', lat: 40.361490239, lon: 9.145398732, label: 'Checkpoint', remarks: 'Two sentries' },
};
const SALUTE_DRAFT: OutboxDraft = {
  ...TEXT_DRAFT,
  precedence: 'priority',
  content: { kind: 'salute', size: '8 personnel', activity: 'Digging in', lat: 40.1, lon: 9.2, unit: 'unknown', time: NOW - 10 * 60_000, equipment: 'Small arms' },
};
const SITREP_DRAFT: OutboxDraft = {
  ...TEXT_DRAFT,
  precedence: 'routine',
  classification: 'UNCLASSIFIED',
  content: { kind: 'sitrep', unit: '2nd Platoon', location: { lat: 40.5, lon: 9.25 }, situation: 'Holding the crossing.', actions: 'none', plans: 'Withdraw at dusk.', logistics: null },
};
const ALREADY_SENDING = 'This message is already being sent, so it can no longer be changed. Queue a new message instead.';

function value(testId: string): string {
  return (byTestId(testId) as HTMLInputElement | HTMLTextAreaElement | HTMLSelectElement).value;
}

describe('Given a queued message in the Outbox tab', () => {
  const root = aRootPerTest();

  it.each([
    { kind: 'text', draft: TEXT_DRAFT, field: 'compose-text', shown: 'Bridge at the north crossing is down.', typed: 'Bridge is down. Use the ford.', change: { text: 'Bridge is down. Use the ford.' } },
    { kind: 'marker', draft: MARKER_DRAFT, field: 'compose-remarks', shown: 'Two sentries', typed: 'Four sentries', change: { remarks: 'Four sentries' } },
    { kind: 'salute', draft: SALUTE_DRAFT, field: 'compose-salute-activity', shown: 'Digging in', typed: 'Moving north', change: { activity: 'Moving north' } },
    { kind: 'sitrep', draft: SITREP_DRAFT, field: 'compose-sitrep-situation', shown: 'Holding the crossing.', typed: 'Crossing lost.', change: { situation: 'Crossing lost.' } },
  ])('When the $kind message is edited, Then the form opens filled in with it, and saving sends outbox.edit with the changed draft', async ({ kind, draft, field, shown, typed, change }) => {
    const host = fakeHost({ profiles: [EDGE], messages: [messageFrom(draft, QUEUED_ID, 'queued')], counts: { ...NO_MESSAGES, queued: 1 }, enqueueAnswer: null });
    await settle(() => root.current.render(<OutboxTab client={host.client} />));

    await settle(() => byTestId('outbox-edit').click());

    expect(byTestId('compose-heading').textContent).toBe('Edit queued message');
    expect(byTestId('compose-submit').textContent).toBe('Save changes');
    expect(byTestId('outbox-edit').textContent).toBe('Editing…');
    expect([value('compose-kind'), value('compose-profile'), value('compose-topic'), value('compose-precedence'), value('compose-format'), value('compose-classification')]).toEqual([
      kind,
      draft.profileId,
      draft.topic,
      draft.precedence,
      draft.format,
      draft.classification ?? '',
    ]);
    expect(value(field)).toBe(shown);

    await settle(() => enter(field, typed));
    await settle(() => byTestId('compose-submit').click());

    expect(calls(host.sent, 'outbox.edit')).toEqual([{ id: QUEUED_ID, draft: { ...draft, content: { ...draft.content, ...change } } }]);
    expect(enqueued(host.sent)).toEqual([]);
    expect(byTestId('compose-heading').textContent).toBe('New message');
    expect(byTestId('outbox-edit').textContent).toBe('Edit');
  });

  it('When a marker and a SALUTE are edited, Then their places read as the exact degrees and the SALUTE keeps the time it was seen', async () => {
    const marker = messageFrom(MARKER_DRAFT, QUEUED_ID, 'queued');
    const salute = messageFrom(SALUTE_DRAFT, FAILED_ID, 'queued');
    const host = fakeHost({ profiles: [EDGE], messages: [marker, salute], counts: { ...NO_MESSAGES, queued: 2 }, enqueueAnswer: null });
    await settle(() => root.current.render(<OutboxTab client={host.client} />));

    await settle(() => byTestId('outbox-edit', rows()[0]).click());
    expect([value('compose-marker'), value('compose-label'), value('compose-location')]).toEqual(['hostile', 'Checkpoint', '40.361490239, 9.145398732']);

    await settle(() => byTestId('outbox-edit', rows()[1]).click());
    expect(value('compose-salute-location')).toBe('40.1, 9.2');
    expect(value('compose-salute-time')).toBe('2025-06-01 11:50Z');
    await settle(() => byTestId('compose-submit').click());
    expect(calls(host.sent, 'outbox.edit')).toEqual([{ id: FAILED_ID, draft: SALUTE_DRAFT }]);
  });

  it('When the edit is saved, Then the list is read again and the row shows the new text', async () => {
    const host = fakeHost({ profiles: [EDGE], messages: [messageFrom(TEXT_DRAFT, QUEUED_ID, 'queued')], counts: { ...NO_MESSAGES, queued: 1 }, enqueueAnswer: null });
    await settle(() => root.current.render(<OutboxTab client={host.client} />));
    const listReads = (): number => calls(host.sent, 'outbox.list').length;
    const readsBefore = listReads();

    await settle(() => byTestId('outbox-edit').click());
    await settle(() => enter('compose-text', 'Bridge repaired.'));
    await settle(() => byTestId('compose-submit').click());

    expect(listReads()).toBe(readsBefore + 1);
    expect(byTestId('outbox-summary').textContent).toBe('Bridge repaired.');
    expect(value('compose-text')).toBe('');
  });

  it('When the core refuses the edit because the message is being sent, Then its sentence shows, the edited text stays and can go as a new message', async () => {
    const host = fakeHost({
      profiles: [EDGE],
      messages: [messageFrom(TEXT_DRAFT, QUEUED_ID, 'queued')],
      counts: { ...NO_MESSAGES, queued: 1 },
      enqueueAnswer: null,
      editRefusal: ALREADY_SENDING,
    });
    await settle(() => root.current.render(<OutboxTab client={host.client} />));

    await settle(() => byTestId('outbox-edit').click());
    await settle(() => enter('compose-text', 'Bridge repaired.'));
    await settle(() => byTestId('compose-submit').click());

    expect(byTestId('compose-error').textContent).toBe(ALREADY_SENDING);
    expect(value('compose-text')).toBe('Bridge repaired.');
    expect(byTestId('compose-heading').textContent).toBe('Edit queued message');

    await settle(() => byTestId('compose-copy-to-new').click());
    expect(byTestId('compose-heading').textContent).toBe('New message');
    expect(value('compose-text')).toBe('Bridge repaired.');
    await settle(() => byTestId('compose-submit').click());
    expect(enqueued(host.sent)).toEqual([{ ...TEXT_DRAFT, content: { kind: 'text', text: 'Bridge repaired.' } }]);
  });

  it('When editing stops without saving, Then the new message half written comes back, and editing again starts from what is queued', async () => {
    const host = fakeHost({ profiles: [EDGE], messages: [messageFrom(TEXT_DRAFT, QUEUED_ID, 'queued')], counts: { ...NO_MESSAGES, queued: 1 }, enqueueAnswer: null });
    await settle(() => root.current.render(<OutboxTab client={host.client} />));
    await settle(() => enter('compose-text', 'Resupply needed at'));

    await settle(() => byTestId('outbox-edit').click());
    await settle(() => enter('compose-text', 'Changed my mind.'));
    await settle(() => byTestId('compose-stop-editing').click());

    expect(byTestId('compose-heading').textContent).toBe('New message');
    expect(value('compose-text')).toBe('Resupply needed at');
    expect(document.querySelector('[data-testid="compose-stop-editing"]')).toBeNull();
    await settle(() => byTestId('outbox-edit').click());
    expect(value('compose-text')).toBe('Bridge at the north crossing is down.');
    expect(calls(host.sent, 'outbox.edit')).toEqual([]);
  });

  it('When messages are failed or sent, Then only the queued one can be edited, and its size shows with its compressed cost', async () => {
    const host = fakeHost({
      profiles: [EDGE],
      messages: [messageFrom(TEXT_DRAFT, QUEUED_ID, 'queued'), messageFrom(TEXT_DRAFT, FAILED_ID, 'failed', TOPIC_MISSING), messageFrom(TEXT_DRAFT, crypto.randomUUID(), 'sent')],
      counts: { ...NO_MESSAGES, queued: 1, failed: 1, sent: 1 },
      enqueueAnswer: null,
    });
    await settle(() => root.current.render(<OutboxTab client={host.client} />));

    expect(rows().map((row) => row.querySelector('[data-testid="outbox-edit"]') !== null)).toEqual([true, false, false]);
    expect(byTestId('outbox-size').textContent).toBe('312 B (208 B compressed)');
  });
});

const EDGE_DESTINATION: DestinationStatus = {
  profileId: 'edge',
  topic: 'outpost.outbox',
  queued: 3,
  queuedWireBytes: 12_400,
  budgetBytesPerSecond: 2_000,
  measuredBytesPerSecond: 1_900,
  sentWireBytes: 36_000,
  drainSeconds: 185,
  waiting: null,
};
const NO_BROKER = 'The broker at 10.0.0.5:9092 cannot be reached; the queue waits until it can.';

function destinationRows(): HTMLElement[] {
  return [...document.querySelectorAll<HTMLElement>('[data-testid="destination-row"]')];
}

/** Types a budget into an editor and saves it. */
async function saveBudget(editor: HTMLElement, typed: string): Promise<void> {
  await settle(() => {
    const input = byTestId('destination-budget-input', editor) as HTMLInputElement;
    Object.getOwnPropertyDescriptor(HTMLInputElement.prototype, 'value')?.set?.call(input, typed);
    input.dispatchEvent(new Event('input', { bubbles: true }));
  });
  await settle(() => byTestId('destination-budget-save', editor).click());
}

describe('Given the Destinations section of the Outbox tab', () => {
  const root = aRootPerTest();

  it('When destinations are listed, Then each shows its queue, size, budget in KB/s and kbit/s, measured rate, what it sent, drain time and why it waits', async () => {
    const host = fakeHost({
      profiles: [EDGE],
      messages: [],
      counts: NO_MESSAGES,
      enqueueAnswer: null,
      destinations: [
        EDGE_DESTINATION,
        { ...EDGE_DESTINATION, topic: 'cot.outbound', queued: 0, queuedWireBytes: 0, budgetBytesPerSecond: 1_200, measuredBytesPerSecond: null, sentWireBytes: 0, drainSeconds: 0 },
        {
          profileId: 'gone',
          topic: 'reports',
          queued: 1,
          queuedWireBytes: 480,
          budgetBytesPerSecond: null,
          measuredBytesPerSecond: null,
          sentWireBytes: 0,
          drainSeconds: null,
          waiting: NO_BROKER,
        },
        { ...EDGE_DESTINATION, topic: 'cot.radio', drainSeconds: 30, waiting: NO_BROKER },
      ],
    });
    await settle(() => root.current.render(<OutboxTab client={host.client} />));

    const [busy, idle, unknown, stalled] = destinationRows() as [HTMLElement, HTMLElement, HTMLElement, HTMLElement];
    expect(busy.textContent).toContain('Edge broker / outpost.outbox');
    expect(byTestId('destination-queued', busy).textContent).toBe('3 queued');
    expect(byTestId('destination-size', busy).textContent).toBe('12.4 KB to send');
    expect(byTestId('destination-budget', busy).textContent).toBe('Budget 2 KB/s ≈ 16 kbit/s');
    expect(byTestId('destination-measured', busy).textContent).toBe('Measured 1.9 KB/s');
    expect(byTestId('destination-sent', busy).textContent).toBe('36 KB sent since start');
    expect(byTestId('destination-drain', busy).textContent).toBe('drains in about 3 min');
    expect((byTestId('destination-budget-input', busy) as HTMLInputElement).value).toBe('2');
    expect(busy.querySelector('[data-testid="destination-budget-hint"]')).toBeNull();

    expect(byTestId('destination-budget', idle).textContent).toBe('Budget 1.2 KB/s ≈ 9.6 kbit/s');
    expect(idle.querySelector('[data-testid="destination-drain"]')).toBeNull();
    expect(idle.querySelector('[data-testid="destination-sent"]')).toBeNull();

    expect(unknown.textContent).toContain('gone / reports');
    expect(byTestId('destination-budget', unknown).textContent).toBe('No limit');
    expect(byTestId('destination-drain', unknown).textContent).toBe('—');
    expect(byTestId('destination-waiting', unknown).textContent).toBe(NO_BROKER);
    expect(unknown.querySelector('[data-testid="destination-budget-lift"]')).toBeNull();
    expect(byTestId('destination-drain', stalled).textContent).toBe('drains in under a minute once it can send');
    expect(byTestId('destination-budget-hint', unknown).textContent).toBe('In KB/s, 1 KB = 1,000 bytes: a 9.6 kbit/s radio link carries 1.2 KB/s.');
  });

  it('When a budget is typed in KB/s and saved, Then outbox.setBudget gets bytes per second and the row shows the new budget', async () => {
    const host = fakeHost({ profiles: [EDGE], messages: [], counts: NO_MESSAGES, enqueueAnswer: null, destinations: [EDGE_DESTINATION] });
    await settle(() => root.current.render(<OutboxTab client={host.client} />));
    const row = destinationRows()[0] as HTMLElement;

    await settle(() => enter('destination-budget-input', '1.2'));
    expect(byTestId('destination-budget-hint', row).textContent).toBe('1.2 KB/s ≈ 9.6 kbit/s');
    await saveBudget(row, '1.2');

    expect(calls(host.sent, 'outbox.setBudget')).toEqual([{ profileId: 'edge', topic: 'outpost.outbox', bytesPerSecond: 1_200 }]);
    expect(byTestId('destination-budget').textContent).toBe('Budget 1.2 KB/s ≈ 9.6 kbit/s');
    expect(document.querySelector('[data-testid="destination-budget-error"]')).toBeNull();
  });

  it('When No limit is pressed, Then outbox.setBudget lifts the budget with null', async () => {
    const host = fakeHost({ profiles: [EDGE], messages: [], counts: NO_MESSAGES, enqueueAnswer: null, destinations: [EDGE_DESTINATION] });
    await settle(() => root.current.render(<OutboxTab client={host.client} />));

    await settle(() => byTestId('destination-budget-lift').click());

    expect(calls(host.sent, 'outbox.setBudget')).toEqual([{ profileId: 'edge', topic: 'outpost.outbox', bytesPerSecond: null }]);
    expect(byTestId('destination-budget').textContent).toBe('No limit');
    expect((byTestId('destination-budget-input') as HTMLInputElement).value).toBe('');
  });

  it.each([
    ['0', 'A budget must be more than 0 KB/s. To let the destination send as fast as it can, choose No limit.'],
    ['-2', 'A budget must be more than 0 KB/s. To let the destination send as fast as it can, choose No limit.'],
    ['fast', 'Outpost cannot read “fast” as a rate. Enter the budget in KB/s as a number, such as 1.2.'],
    ['', 'Enter the budget in KB/s, such as 1.2 for a 9.6 kbit/s radio link.'],
    ['0.05', 'The lowest budget is 0.1 KB/s ≈ 0.8 kbit/s: anything slower would hold a report for minutes.'],
  ])('When the budget typed is “%s”, Then it says what to enter and nothing is sent', async (typed, problem) => {
    const host = fakeHost({ profiles: [EDGE], messages: [], counts: NO_MESSAGES, enqueueAnswer: null, destinations: [EDGE_DESTINATION] });
    await settle(() => root.current.render(<OutboxTab client={host.client} />));

    await saveBudget(destinationRows()[0] as HTMLElement, typed);

    expect(byTestId('destination-budget-error').textContent).toBe(problem);
    expect(byTestId('destination-budget-input').getAttribute('aria-invalid')).toBe('true');
    expect(calls(host.sent, 'outbox.setBudget')).toEqual([]);
  });

  it('When the core refuses a budget, Then its sentence is shown under the rate', async () => {
    const refusal = 'There is no connection profile “edge” any more. Choose another destination.';
    const host = fakeHost({ profiles: [EDGE], messages: [], counts: NO_MESSAGES, enqueueAnswer: null, destinations: [EDGE_DESTINATION], budgetRefusal: refusal });
    await settle(() => root.current.render(<OutboxTab client={host.client} />));

    await saveBudget(destinationRows()[0] as HTMLElement, '5');

    expect(byTestId('destination-budget-error').textContent).toBe(refusal);
  });

  it('When a budget is set for a destination not listed yet, Then it is saved for that profile and topic and gets its own row', async () => {
    const host = fakeHost({ profiles: [EDGE], messages: [], counts: NO_MESSAGES, enqueueAnswer: null });
    await settle(() => root.current.render(<OutboxTab client={host.client} />));
    expect(byTestId('outbox-destinations').textContent).toContain('Nothing is queued, and no destination has a budget.');
    const other = byTestId('destination-other');

    await settle(() => enter('destination-other-topic', 'no spaces allowed'));
    await saveBudget(other, '1.2');
    expect(byTestId('destination-other-topic-error').textContent).toBe('A topic name uses letters, digits, ".", "_" and "-".');
    expect(calls(host.sent, 'outbox.setBudget')).toEqual([]);

    await settle(() => enter('destination-other-topic', 'cot.radio'));
    await saveBudget(other, '1.2');

    expect(calls(host.sent, 'outbox.setBudget')).toEqual([{ profileId: 'edge', topic: 'cot.radio', bytesPerSecond: 1_200 }]);
    expect(destinationRows().map((row) => row.dataset.topic)).toEqual(['cot.radio']);
    expect((byTestId('destination-budget-input', other) as HTMLInputElement).value).toBe('');
  });

  it('When the outbox changes in a burst, and then as time passes, Then the destinations are read again once per burst and every 5 seconds', async () => {
    vi.useFakeTimers({ toFake: ['setInterval', 'clearInterval'] });
    try {
      const host = fakeHost({ profiles: [EDGE], messages: [], counts: NO_MESSAGES, enqueueAnswer: null, destinations: [EDGE_DESTINATION] });
      await settle(() => root.current.render(<OutboxTab client={host.client} />));
      const reads = (): number => calls(host.sent, 'outbox.destinations').length;
      expect(reads()).toBe(1);

      await settle(() => {
        host.changed({ ...NO_MESSAGES, queued: 4 });
        host.changed({ ...NO_MESSAGES, queued: 5 });
      }, 400);
      expect(reads()).toBe(2);

      await settle(() => vi.advanceTimersByTime(5_000));
      expect(reads()).toBe(3);
    } finally {
      vi.useRealTimers();
    }
  });
});
