// @vitest-environment jsdom
import { describe, expect, it } from 'vitest';
import type { Alert } from '../../shared/alerts';
import type { Profile } from '../../shared/connections';
import { OutboxDraftSchema, type OutboxCounts, type OutboxDraft, type OutboxMessage } from '../../shared/outbox';
import { fail, ok } from '../../shared/result';
import type { Client } from '../../renderer/client';
import { AlertsPanel } from '../../renderer/alerts/AlertsPanel';
import { OutboxPanel } from '../../renderer/outbox/OutboxPanel';
import { summariseContent } from '../../renderer/outbox/message-summary';
import { useAreaDrawing } from '../../renderer/rules/use-area-drawing';
import { anAlert, NOW } from './support/alert-builder';
import { allByTestId, aRootPerTest, byTestId, enter, has, settle, valueOf } from './support/dom';
import { fakeClient } from './support/fake-client';

const EDGE: Profile = { id: 'edge', name: 'Edge broker', brokers: ['10.0.0.5:9092'], clientId: 'outpost', groupId: null, tls: null, sasl: null, enabled: true };
const CRITICAL = anAlert();
const RATE_WARNING = anAlert({
  id: '7c8d9e0f-1a2b-4c3d-9e4f-5a6b7c8d9e0f',
  ruleName: 'Feed rate out of range',
  ruleKind: 'rate',
  severity: 'warning',
  subject: 'edge/cot',
  callsign: null,
  lat: null,
  lon: null,
  message: 'edge/cot carried 4 messages in the last minute, against about 600 usually.',
});
const TOPIC_MISSING = 'There is no connection profile “edge” any more. Choose another destination.';

function forwardHost(alerts: Alert[], profiles: Profile[], refusal?: string) {
  return fakeClient((method, args) => {
    switch (method) {
      case 'alerts.list':
        return ok(alerts);
      case 'alerts.counts':
        return ok({ new: alerts.length, acknowledged: 0, resolved: 0, newCritical: 0 });
      case 'profiles.list':
        return ok(profiles);
      case 'rules.list':
        return ok([]);
      case 'outbox.enqueue': {
        if (refusal !== undefined) return fail('failed', refusal);
        return ok(messageFrom((args as { draft: OutboxDraft }).draft));
      }
      default:
        return undefined;
    }
  });
}

function messageFrom(draft: OutboxDraft): OutboxMessage {
  return { ...draft, id: crypto.randomUUID(), state: 'queued', reason: null, bytes: 640, wireBytes: 410, attempts: 0, createdAt: NOW, updatedAt: NOW, partition: null, offset: null, history: [] };
}

function AlertsTab({ client }: { readonly client: Client }) {
  const areaDrawing = useAreaDrawing();
  return <AlertsPanel client={client} counts={null} active now={NOW} onShowAlert={() => undefined} sound={false} onSoundChange={() => undefined} areaDrawing={areaDrawing} />;
}

function enqueued(host: ReturnType<typeof forwardHost>): unknown[] {
  return host.calls('outbox.enqueue').map((args) => (args as { draft: unknown }).draft);
}

describe('Given an alert in the Alerts tab', () => {
  const root = aRootPerTest();

  it('When a critical alert is forwarded with a classification and a comment, Then the outbox gets an IMMEDIATE alert message carrying the alert’s own words, and it says Queued', async () => {
    const host = forwardHost([CRITICAL], [EDGE]);
    await settle(() => root.current.render(<AlertsTab client={host.client} />));

    await settle(() => byTestId('alert-forward').click());
    expect([valueOf('forward-profile'), valueOf('forward-topic'), valueOf('forward-precedence'), valueOf('forward-format')]).toEqual(['edge', 'outpost.outbox', 'immediate', 'cot']);
    await settle(() => {
      enter('forward-classification', 'NATO RESTRICTED');
      enter('forward-comment', ' CAP tasked. ');
    });
    await settle(() => byTestId('forward-submit').click());

    const expected: OutboxDraft = {
      profileId: 'edge',
      topic: 'outpost.outbox',
      precedence: 'immediate',
      format: 'cot',
      classification: 'NATO RESTRICTED',
      content: {
        kind: 'alert',
        alertId: CRITICAL.id,
        rule: 'Fast hostile aircraft',
        severity: 'critical',
        subject: 'demo-jump-1',
        callsign: 'RAPTOR 3',
        time: CRITICAL.time,
        location: { lat: 40.12345, lon: 9.01234 },
        message: CRITICAL.message,
        comment: 'CAP tasked.',
      },
    };
    expect(enqueued(host)).toEqual([expected]);
    expect(OutboxDraftSchema.parse(expected)).toEqual(expected);
    expect(byTestId('alert-forwarded').textContent).toBe('Queued in the outbox.');
    expect(has('forward-form')).toBe(false);
  });

  it('When a warning with no place is forwarded as JSON to another topic, Then it goes at PRIORITY, with no location and no comment', async () => {
    const host = forwardHost([RATE_WARNING], [EDGE]);
    await settle(() => root.current.render(<AlertsTab client={host.client} />));

    await settle(() => byTestId('alert-forward').click());
    expect(valueOf('forward-precedence')).toBe('priority');
    await settle(() => {
      enter('forward-topic', 'alerts.out');
      enter('forward-format', 'json');
    });
    await settle(() => byTestId('forward-submit').click());

    expect(enqueued(host)).toEqual([
      expect.objectContaining({ topic: 'alerts.out', precedence: 'priority', format: 'json', classification: null, content: expect.objectContaining({ location: null, callsign: null, comment: null }) }),
    ]);
  });

  it('When the topic is not a topic name, Then the form says so and nothing is queued', async () => {
    const host = forwardHost([CRITICAL], [EDGE]);
    await settle(() => root.current.render(<AlertsTab client={host.client} />));

    await settle(() => byTestId('alert-forward').click());
    await settle(() => enter('forward-topic', 'no spaces allowed'));
    await settle(() => byTestId('forward-submit').click());

    expect(byTestId('forward-topic-error').textContent).toBe('A topic name uses letters, digits, ".", "_" and "-".');
    expect(enqueued(host)).toEqual([]);
  });

  it('When the core refuses the message, Then its sentence shows in the form, which stays open', async () => {
    const host = forwardHost([CRITICAL], [EDGE], TOPIC_MISSING);
    await settle(() => root.current.render(<AlertsTab client={host.client} />));

    await settle(() => byTestId('alert-forward').click());
    await settle(() => byTestId('forward-submit').click());

    expect(byTestId('forward-error').textContent).toBe(TOPIC_MISSING);
    expect(has('alert-forwarded')).toBe(false);
  });

  it('When there is no connection profile, Then forwarding says to add one first', async () => {
    const host = forwardHost([CRITICAL], []);
    await settle(() => root.current.render(<AlertsTab client={host.client} />));

    await settle(() => byTestId('alert-forward').click());

    expect(byTestId('forward-no-profiles').textContent).toContain('Add a connection profile in the Connections tab first.');
  });
});

describe('Given a forwarded alert in the Outbox tab', () => {
  const root = aRootPerTest();
  const ONE_QUEUED: OutboxCounts = { queued: 1, sending: 0, sent: 0, failed: 0, cancelled: 0 };
  const forwarded = messageFrom({
    profileId: 'edge',
    topic: 'outpost.outbox',
    precedence: 'immediate',
    format: 'cot',
    classification: null,
    content: {
      kind: 'alert',
      alertId: CRITICAL.id,
      rule: CRITICAL.ruleName,
      severity: 'critical',
      subject: CRITICAL.subject,
      callsign: CRITICAL.callsign,
      time: CRITICAL.time,
      location: { lat: 40.12345, lon: 9.01234 },
      message: CRITICAL.message,
      comment: null,
    },
  });

  it('When it is listed, Then its summary names the rule and what it said, and it cannot be edited, only reprioritised or cancelled', async () => {
    const host = fakeClient((method) => {
      if (method === 'outbox.list') return ok([forwarded]);
      if (method === 'outbox.counts') return ok(ONE_QUEUED);
      if (method === 'profiles.list') return ok([EDGE]);
      if (method === 'outbox.destinations') return ok([]);
      return undefined;
    });
    await settle(() => root.current.render(<OutboxPanel client={host.client} counts={ONE_QUEUED} active now={NOW} />));

    expect(byTestId('outbox-summary').textContent).toBe('Critical alert, Fast hostile aircraft: RAPTOR 3 matches affiliation = "hostile"…');
    expect([has('outbox-edit'), has('outbox-precedence'), has('outbox-cancel')]).toEqual([false, true, true]);
  });

  it('When a message is composed, Then the kinds offered do not include a forwarded alert', async () => {
    const host = fakeClient((method) => {
      if (method === 'outbox.list') return ok([]);
      if (method === 'profiles.list') return ok([EDGE]);
      if (method === 'outbox.destinations') return ok([]);
      return undefined;
    });
    await settle(() => root.current.render(<OutboxPanel client={host.client} counts={ONE_QUEUED} active now={NOW} />));

    expect(allByTestId('compose-kind').flatMap((select) => [...(select as HTMLSelectElement).options].map((option) => option.value))).toEqual(['text', 'marker', 'salute', 'sitrep']);
  });

  it('When a short alert is summarised, Then it is whole on one line', () => {
    const content = forwarded.content;
    if (content.kind !== 'alert') throw new Error('The forwarded message holds an alert.');
    expect(summariseContent({ ...content, severity: 'info', rule: 'First sighting', message: 'KILO 5\nseen first.' })).toBe('Info alert, First sighting: KILO 5 seen first.');
  });
});
