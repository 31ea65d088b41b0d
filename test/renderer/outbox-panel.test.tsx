// @vitest-environment jsdom
import { act } from 'react';
import { createRoot, type Root } from 'react-dom/client';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import type { Profile } from '../../shared/connections';
import type { OutboxCounts, OutboxDraft, OutboxMessage } from '../../shared/outbox';
import { fail, ok, type Result } from '../../shared/result';
import { createClient, type Client } from '../../renderer/client';
import { StatusBar } from '../../renderer/components/StatusBar';
import { OutboxPanel } from '../../renderer/outbox/OutboxPanel';
import { useOutboxCounts, waitingToSend } from '../../renderer/outbox/use-outbox-counts';

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

function messageFrom(draft: OutboxDraft, id: string, state: OutboxMessage['state'], reason: string | null = null): OutboxMessage {
  return {
    ...draft,
    id,
    state,
    reason,
    bytes: 312,
    attempts: state === 'failed' ? 3 : 0,
    createdAt: NOW - 90_000,
    updatedAt: NOW - 30_000,
    partition: null,
    offset: null,
    history: [{ state: 'queued', at: NOW - 90_000, note: null }, ...(state === 'failed' ? [{ state: 'failed' as const, at: NOW - 30_000, note: reason }] : [])],
  };
}

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
  return <StatusBar status={null} connections={[]} trackCount={0} outboxQueued={counts === null ? null : waitingToSend(counts)} problem={null} />;
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

function enqueued(sent: readonly SentCall[]): unknown[] {
  return sent.filter((call) => call.method === 'outbox.enqueue').map((call) => (call.args as { draft: unknown }).draft);
}

describe('Given the Outbox tab', () => {
  let root: Root;

  beforeEach(() => {
    const container = document.createElement('div');
    document.body.append(container);
    root = createRoot(container);
  });

  afterEach(() => {
    act(() => root.unmount());
    document.body.innerHTML = '';
  });

  it('When a FLASH text message is composed and queued, Then the draft goes to outbox.enqueue, the text clears and it says Queued', async () => {
    const host = fakeHost({ profiles: [EDGE], messages: [], counts: NO_MESSAGES, enqueueAnswer: null });
    await settle(() => root.render(<OutboxTab client={host.client} />));

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
    await settle(() => root.render(<OutboxTab client={host.client} />));

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
    await settle(() => root.render(<OutboxTab client={host.client} />));

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
    await settle(() => root.render(<OutboxTab client={host.client} />));

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
    await settle(() => root.render(<OutboxTab client={host.client} />));

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
    await settle(() => root.render(<OutboxTab client={host.client} />));

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
    await settle(() => root.render(<OutboxTab client={host.client} />));

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
    await settle(() => root.render(<OutboxTab client={host.client} />));

    const [saluteRow, sitrepRow] = rows();
    expect(saluteRow?.textContent).toContain('SALUTE: 8 personnel, digging in at 40.10000° N  9.20000° E');
    expect(sitrepRow?.textContent).toContain('SITREP from 2nd Platoon: Holding the crossing.');
  });

  it('When the core refuses the message, Then its sentence is shown and the text is kept', async () => {
    const host = fakeHost({ profiles: [EDGE], messages: [], counts: NO_MESSAGES, enqueueAnswer: () => fail('failed', 'The outbox is full: 10,000 messages wait to be sent.') });
    await settle(() => root.render(<OutboxTab client={host.client} />));

    await settle(() => enter('compose-text', 'Resupply needed.'));
    await settle(() => byTestId('compose-submit').click());

    expect(byTestId('compose-error').textContent).toBe('The outbox is full: 10,000 messages wait to be sent.');
    expect((byTestId('compose-text') as HTMLTextAreaElement).value).toBe('Resupply needed.');
  });

  it('When there is no connection profile, Then a sentence sends the analyst to the Connections tab', async () => {
    const host = fakeHost({ profiles: [], messages: [], counts: NO_MESSAGES, enqueueAnswer: null });
    await settle(() => root.render(<OutboxTab client={host.client} />));

    expect(byTestId('compose-no-profiles').textContent).toContain('Add a connection profile in the Connections tab first.');
    expect(document.querySelector('[data-testid="compose-submit"]')).toBeNull();
  });

  it('When a message has failed, Then the counts, its precedence, its reason and Retry are shown, and Retry calls outbox.retry', async () => {
    const failed = messageFrom(TEXT_DRAFT, FAILED_ID, 'failed', TOPIC_MISSING);
    const queued = messageFrom({ ...TEXT_DRAFT, precedence: 'routine' }, QUEUED_ID, 'queued');
    const host = fakeHost({ profiles: [EDGE], messages: [queued, failed], counts: { ...NO_MESSAGES, queued: 1, failed: 1, sent: 7 }, enqueueAnswer: null });
    await settle(() => root.render(<OutboxTab client={host.client} />));

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
    await settle(() => root.render(<OutboxTab client={host.client} />));

    await settle(() => byTestId('outbox-cancel').click());
    expect(host.sent.map((call) => call.method)).not.toContain('outbox.cancel');
    await settle(() => byTestId('outbox-cancel-confirm').click());

    expect(host.sent).toContainEqual({ method: 'outbox.cancel', args: { id: QUEUED_ID } });
    expect(rows()[0]?.dataset.state).toBe('cancelled');
  });

  it('When the outbox changes several times at once, Then the counts follow each change and the list is read again once', async () => {
    const host = fakeHost({ profiles: [EDGE], messages: [], counts: NO_MESSAGES, enqueueAnswer: null });
    await settle(() => root.render(<OutboxTab client={host.client} />));
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
  let root: Root;

  beforeEach(() => {
    const container = document.createElement('div');
    document.body.append(container);
    root = createRoot(container);
  });

  afterEach(() => {
    act(() => root.unmount());
    document.body.innerHTML = '';
  });

  it('When the outbox is read at start and then changes, Then it shows the messages queued or sending', async () => {
    const host = fakeHost({ profiles: [], messages: [], counts: { ...NO_MESSAGES, queued: 2, sending: 1, failed: 4 }, enqueueAnswer: null });
    await settle(() => root.render(<StatusBarOnCounts client={host.client} />));
    expect(byTestId('outbox-queued').textContent).toBe('3 queued');

    await settle(() => host.changed({ ...NO_MESSAGES, sent: 3 }));
    expect(byTestId('outbox-queued').textContent).toBe('0 queued');
  });
});
