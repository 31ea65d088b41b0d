// @vitest-environment jsdom
import { describe, expect, it, vi } from 'vitest';
import type { Alert, AlertCounts } from '../../shared/alerts';
import { fail, ok, type Result } from '../../shared/result';
import type { Client } from '../../renderer/client';
import { AlertBadge } from '../../renderer/alerts/AlertBadge';
import { AlertsPanel } from '../../renderer/alerts/AlertsPanel';
import { useAlertCounts } from '../../renderer/alerts/use-alert-counts';
import { StatusBar } from '../../renderer/components/StatusBar';
import { useAreaDrawing } from '../../renderer/rules/use-area-drawing';
import { anAlert, NOW } from './support/alert-builder';
import { allByTestId, aRootPerTest, byTestId, enter, has, settle } from './support/dom';
import { fakeClient } from './support/fake-client';

const RESOLVED_ALREADY = 'This alert is already resolved; there is nothing left to acknowledge.';
const NO_ALERTS: AlertCounts = { new: 0, acknowledged: 0, resolved: 0, newCritical: 0 };

const NEWEST = anAlert();
const OLDER = anAlert({
  id: '5a6b7c8d-9e0f-4a1b-8c2d-3e4f5a6b7c8d',
  ruleName: 'Gone quiet',
  ruleKind: 'stale',
  severity: 'warning',
  subject: 'demo-silent-1',
  callsign: 'WHISKEY 7',
  time: NOW - 2 * 3_600_000,
  message: 'WHISKEY 7 has sent nothing for 10 min.',
  state: 'acknowledged',
  acknowledged: { by: 'kim', at: NOW - 3_500_000, note: 'Radio check requested.' },
});
const RATE = anAlert({
  id: '7c8d9e0f-1a2b-4c3d-9e4f-5a6b7c8d9e0f',
  ruleName: 'Feed rate out of range',
  ruleKind: 'rate',
  severity: 'info',
  subject: 'edge/cot',
  callsign: null,
  lat: null,
  lon: null,
  message: 'edge/cot carried 4 messages in the last minute, against about 600 usually.',
});

interface HostState {
  alerts: Alert[];
  counts: AlertCounts;
  /** Refuses alerts.acknowledge with this sentence. */
  refusal?: string;
}

function alertsHost(state: HostState) {
  const step = (id: string, note: string | null, to: 'acknowledged' | 'resolved'): Result<Alert> => {
    const found = state.alerts.find((alert) => alert.id === id);
    if (found === undefined) return fail('failed', 'That alert is not in the cache.');
    const changed: Alert = { ...found, state: to, [to]: { by: 'analyst', at: NOW, note } };
    state.alerts = state.alerts.map((alert) => (alert.id === id ? changed : alert));
    return ok(changed);
  };
  return fakeClient((method, args) => {
    const { id, note = null } = args as { id: string; note?: string | null };
    switch (method) {
      case 'alerts.list':
        return ok(state.alerts);
      case 'alerts.counts':
        return ok(state.counts);
      case 'alerts.acknowledge':
        return state.refusal === undefined ? step(id, note, 'acknowledged') : fail('failed', state.refusal);
      case 'alerts.resolve':
        return step(id, note, 'resolved');
      case 'profiles.list':
      case 'rules.list':
        return ok([]);
      default:
        return undefined;
    }
  });
}

/** The tab as the App wires it: counts from the hook the badge and the status bar share. */
function AlertsTab({ client, onShowAlert = () => undefined }: { readonly client: Client; readonly onShowAlert?: (alert: Alert) => void }) {
  const counts = useAlertCounts(client);
  const areaDrawing = useAreaDrawing();
  return <AlertsPanel client={client} counts={counts} active now={NOW} onShowAlert={onShowAlert} sound={false} onSoundChange={() => undefined} areaDrawing={areaDrawing} />;
}

function BadgeAndStatusBar({ client }: { readonly client: Client }) {
  const counts = useAlertCounts(client);
  return (
    <>
      <AlertBadge counts={counts} />
      <StatusBar status={null} connections={[]} trackCount={0} outboxQueued={null} alertCounts={counts} problem={null} />
    </>
  );
}

function rows(): HTMLElement[] {
  return allByTestId('alert-row');
}

describe('Given the Alerts tab', () => {
  const root = aRootPerTest();

  it('When it opens, Then it lists the open alerts newest first, each with its severity, rule, callsign, message, age and state', async () => {
    const host = alertsHost({ alerts: [NEWEST, OLDER], counts: { ...NO_ALERTS, new: 1, acknowledged: 1, newCritical: 1 } });
    await settle(() => root.current.render(<AlertsTab client={host.client} />));

    expect(host.calls('alerts.list')).toEqual([{ limit: 200, states: ['new', 'acknowledged'] }]);
    const [first, second] = rows() as [HTMLElement, HTMLElement];
    expect(first.dataset).toMatchObject({ severity: 'critical', state: 'new' });
    expect(byTestId('alert-severity', first).textContent).toBe('▲ Critical');
    expect(first.textContent).toContain('Fast hostile aircraft');
    expect(byTestId('alert-who', first).textContent).toBe('RAPTOR 3');
    expect(byTestId('alert-message', first).textContent).toBe(NEWEST.message);
    expect(byTestId('alert-age', first).textContent).toBe('3m ago');
    expect(byTestId('alert-location', first).textContent).toBe('40.12345° N  9.01234° E');
    expect(byTestId('alert-state', first).textContent).toBe('new');
    expect(byTestId('alert-severity', second).textContent).toBe('◆ Warning');
    expect(byTestId('alert-age', second).textContent).toBe('2h ago');
    expect(byTestId('alert-history-acknowledged', second).textContent).toContain('acknowledged by kim: Radio check requested.');
    expect([byTestId('alert-count-new').textContent, byTestId('alert-count-critical').textContent, byTestId('alert-count-acknowledged').textContent]).toEqual(['1', '1', '1']);
  });

  it('When the severities and states are filtered, Then the list is read for just those, and with no severity ticked it is not read at all', async () => {
    const host = alertsHost({ alerts: [NEWEST], counts: NO_ALERTS });
    await settle(() => root.current.render(<AlertsTab client={host.client} />));

    await settle(() => byTestId('alert-filter-info').click());
    await settle(() => enter('alert-filter-state', 'resolved'));
    await settle(() => enter('alert-filter-state', 'all'));
    await settle(() => byTestId('alert-filter-critical').click());
    await settle(() => byTestId('alert-filter-warning').click());

    expect(host.calls('alerts.list')).toEqual([
      { limit: 200, states: ['new', 'acknowledged'] },
      { limit: 200, states: ['new', 'acknowledged'], severities: ['critical', 'warning'] },
      { limit: 200, states: ['resolved'], severities: ['critical', 'warning'] },
      { limit: 200, severities: ['critical', 'warning'] },
      { limit: 200, severities: ['warning'] },
    ]);
    expect(byTestId('alerts-view').textContent).toContain('Tick at least one severity to see alerts.');
  });

  it('When an alert is acknowledged with a note, Then the core gets the note and the row reads acknowledged, with who did it and the note', async () => {
    const host = alertsHost({ alerts: [NEWEST], counts: { ...NO_ALERTS, new: 1, newCritical: 1 } });
    await settle(() => root.current.render(<AlertsTab client={host.client} />));

    await settle(() => byTestId('alert-acknowledge').click());
    await settle(() => enter('alert-note', '  Tasked the CAP to intercept.  '));
    await settle(() => byTestId('alert-step-submit').click());

    expect(host.calls('alerts.acknowledge')).toEqual([{ id: NEWEST.id, note: 'Tasked the CAP to intercept.' }]);
    const [row] = rows() as [HTMLElement];
    expect(row.dataset['state']).toBe('acknowledged');
    expect(byTestId('alert-history-acknowledged', row).textContent).toMatch(/^\d\d:\d\d:\d\dZ acknowledged by analyst: Tasked the CAP to intercept\.$/);
    expect(has('alert-acknowledge', row)).toBe(false);
    expect(has('alert-step-form', row)).toBe(false);
  });

  it('When an alert is resolved with the note left empty, Then the core gets no note, and a resolved alert offers neither step again', async () => {
    const host = alertsHost({ alerts: [OLDER], counts: { ...NO_ALERTS, acknowledged: 1 } });
    await settle(() => root.current.render(<AlertsTab client={host.client} />));

    await settle(() => byTestId('alert-resolve').click());
    await settle(() => byTestId('alert-step-submit').click());

    expect(host.calls('alerts.resolve')).toEqual([{ id: OLDER.id, note: null }]);
    const [row] = rows() as [HTMLElement];
    expect(row.dataset['state']).toBe('resolved');
    expect(byTestId('alert-history-resolved', row).textContent).toMatch(/resolved by analyst$/);
    expect([has('alert-acknowledge', row), has('alert-resolve', row), has('alert-forward', row)]).toEqual([false, false, true]);
  });

  it('When the core refuses a step, Then its sentence shows on the row and the form stays open', async () => {
    const host = alertsHost({ alerts: [NEWEST], counts: NO_ALERTS, refusal: RESOLVED_ALREADY });
    await settle(() => root.current.render(<AlertsTab client={host.client} />));

    await settle(() => byTestId('alert-acknowledge').click());
    await settle(() => byTestId('alert-step-submit').click());

    expect(byTestId('alert-row-problem').textContent).toBe(RESOLVED_ALREADY);
    expect(has('alert-step-form')).toBe(true);
  });

  it('When an alert is clicked, Then it is shown on the map; an alert with no place, such as a rate, offers no such click', async () => {
    const host = alertsHost({ alerts: [NEWEST, RATE], counts: NO_ALERTS });
    const shown: Alert[] = [];
    await settle(() => root.current.render(<AlertsTab client={host.client} onShowAlert={(alert) => shown.push(alert)} />));

    const [placed, rate] = rows() as [HTMLElement, HTMLElement];
    await settle(() => byTestId('alert-show', placed).click());

    expect(shown).toEqual([NEWEST]);
    expect(has('alert-show', rate)).toBe(false);
    expect(byTestId('alert-who', rate).textContent).toBe('edge/cot');
  });

  it('When alerts change in a burst, Then the list is read again once for the burst', async () => {
    const host = alertsHost({ alerts: [NEWEST], counts: NO_ALERTS });
    await settle(() => root.current.render(<AlertsTab client={host.client} />));
    const readsBefore = host.calls('alerts.list').length;

    await settle(() => {
      for (let count = 1; count <= 5; count += 1) host.emit('alerts.changed', { ...NO_ALERTS, new: count });
    }, 400);

    expect(host.calls('alerts.list').length).toBe(readsBefore + 1);
    expect(byTestId('alert-count-new').textContent).toBe('5');
  });
});

describe('Given the Alerts tab’s badge and the status bar', () => {
  const root = aRootPerTest();

  it('When new alerts are counted, Then the badge shows how many, red while any is critical, and the status bar says so in words', async () => {
    const host = alertsHost({ alerts: [], counts: { new: 3, acknowledged: 2, resolved: 9, newCritical: 1 } });
    await settle(() => root.current.render(<BadgeAndStatusBar client={host.client} />));

    expect(byTestId('alerts-badge').dataset['level']).toBe('critical');
    expect(byTestId('alerts-badge').querySelector('[aria-hidden="true"]')?.textContent).toBe('3');
    expect(byTestId('alerts-badge').querySelector('.visually-hidden')?.textContent).toBe(': 3 new alerts, 1 critical');
    expect(byTestId('alerts-new').textContent).toBe('3 new alerts, 1 critical');

    await settle(() => host.emit('alerts.changed', { new: 1, acknowledged: 4, resolved: 9, newCritical: 0 }));
    expect(byTestId('alerts-badge').dataset['level']).toBe('some');
    expect(byTestId('alerts-new').textContent).toBe('1 new alert');

    await settle(() => host.emit('alerts.changed', { new: 0, acknowledged: 5, resolved: 9, newCritical: 0 }));
    expect(has('alerts-badge')).toBe(false);
    expect(byTestId('alerts-new').textContent).toBe('0 new alerts');
  });

  it('When an event overtakes the first count, Then the newer event stands', async () => {
    let answerCounts: (value: Result<AlertCounts>) => void = () => undefined;
    const host = fakeClient(() => undefined);
    // Only alerts.counts is called, and it answers when the test says.
    const slow = { ...host.client, call: vi.fn(() => new Promise<Result<AlertCounts>>((resolve) => (answerCounts = resolve))) } as unknown as Client;
    await settle(() => root.current.render(<BadgeAndStatusBar client={slow} />));

    await settle(() => host.emit('alerts.changed', { new: 2, acknowledged: 0, resolved: 0, newCritical: 0 }));
    await settle(() => answerCounts(ok({ new: 7, acknowledged: 0, resolved: 0, newCritical: 7 })));

    expect(byTestId('alerts-new').textContent).toBe('2 new alerts');
  });
});
