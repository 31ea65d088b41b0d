// @vitest-environment jsdom
import type { ReactNode } from 'react';
import { describe, expect, it } from 'vitest';
import type { Basemap } from '../../shared/basemaps';
import type { Profile, Subscription } from '../../shared/connections';
import type { MethodName } from '../../shared/contract';
import type { DestinationStatus } from '../../shared/outbox';
import { ok } from '../../shared/result';
import { mayCall, ROLES, type Role } from '../../shared/roles';
import type { SavedSearch } from '../../shared/search';
import { AlertsPanel } from '../../renderer/alerts/AlertsPanel';
import { CachePanel } from '../../renderer/cache/CachePanel';
import type { Client } from '../../renderer/client';
import { ConnectionsPanel } from '../../renderer/connections/ConnectionsPanel';
import { BasemapOption } from '../../renderer/map/basemaps/BasemapOption';
import { OutboxPanel } from '../../renderer/outbox/OutboxPanel';
import { useAreaDrawing } from '../../renderer/rules/use-area-drawing';
import { SearchPanel } from '../../renderer/search/SearchPanel';
import { RoleContext } from '../../renderer/security/role-context';
import { ExportSection } from '../../renderer/transfer/ExportSection';
import { FilesPanel } from '../../renderer/transfer/FilesPanel';
import { JobProgress } from '../../renderer/transfer/JobProgress';
import { useJobs } from '../../renderer/transfer/use-jobs';
import { anOutboxDraft } from '../builders/outbox-draft-builder';
import { aRule } from '../builders/rule-builder';
import { anAlert, NOW } from './support/alert-builder';
import { aRootPerTest, byTestId, has, settle, valueOf } from './support/dom';
import { fakeClient } from './support/fake-client';
import { aJob, JOB_STARTED } from './support/job-builder';
import { anOutboxMessage } from '../builders/outbox-message-builder';
import { ForwardingPanel } from '../../renderer/forwarding/ForwardingPanel';
import { aForwardRule } from '../builders/forward-rule-builder';

const EDGE: Profile = { id: 'edge', name: 'Edge broker', brokers: ['10.0.0.5:9092'], clientId: 'outpost', groupId: null, tls: null, sasl: null, enabled: true };
const COT_SUBSCRIPTION: Subscription = { id: 1, profileId: 'edge', topic: 'cot', pattern: null, format: 'cot', mapping: null, received: 1_200, quarantined: 0 };
const BUDGETED: DestinationStatus = {
  profileId: 'edge',
  topic: 'outbox',
  queued: 1,
  queuedWireBytes: 208,
  budgetBytesPerSecond: 1_200,
  measuredBytesPerSecond: null,
  sentWireBytes: 0,
  drainSeconds: 1,
  waiting: null,
};
const SAVED_SEARCH: SavedSearch = { id: '0b5a3c1e-8f4d-4e2a-9b7c-6d5e4f3a2b1c', name: 'Hostile air', query: { affiliations: ['hostile'] }, problem: null, createdAt: JOB_STARTED, updatedAt: JOB_STARTED };
const PACKAGE: Basemap = {
  id: 'sardinia',
  name: 'Sardinia streets',
  kind: 'pmtiles',
  tileType: 'vector',
  format: 'pbf',
  minZoom: 0,
  maxZoom: 14,
  bounds: null,
  center: null,
  attribution: null,
  vectorLayers: [],
  tilesPath: 'tiles/sardinia/{z}/{x}/{y}',
  unavailableReason: null,
};

/** One core that answers every read the panels make, so each panel shows a row of everything it lists. */
function everythingHost() {
  return fakeClient((method) => {
    switch (method) {
      case 'profiles.list':
        return ok([EDGE]);
      case 'subscriptions.list':
        return ok([COT_SUBSCRIPTION]);
      case 'outbox.list':
        return ok([
          anOutboxMessage(anOutboxDraft(), '1c8f3a5b-0d2e-4f9c-b3a4-6e7d8c9b0f12', 'queued', { now: NOW }),
          anOutboxMessage(anOutboxDraft(), '0b7e2f4a-9c1d-4e8b-a2f3-5d6c7b8a9e01', 'failed', { now: NOW }),
        ]);
      case 'outbox.destinations':
        return ok([BUDGETED]);
      case 'alerts.list':
        return ok([anAlert()]);
      case 'rules.list':
        return ok([aRule({ kind: 'stale', silentSeconds: 600, pastStaleTime: false })]);
      case 'cache.stats':
        return ok({ fileBytes: 900_000_000, usedBytes: 600_000_000, streams: [] });
      case 'cache.retention':
        return ok({ maxAgeHours: 168, maxBytes: 4_000_000_000 });
      case 'cache.pins.list':
        return ok([{ id: 1, from: JOB_STARTED, to: JOB_STARTED + 3_600_000, label: 'Ambush', createdAt: JOB_STARTED }]);
      case 'jobs.list':
        return ok([]);
      case 'import.sources':
        return ok([{ id: '6a7b8c9d-0e1f-4a2b-8c3d-4e5f6a7b8c9d', name: 'Mission', format: 'outpost-geojson', fileName: 'mission.geojson', records: 7_200, quarantined: 0, importedAt: JOB_STARTED }]);
      case 'search.saved.list':
        return ok([SAVED_SEARCH]);
      case 'forwarding.list':
        return ok([aForwardRule()]);
      default:
        return undefined;
    }
  });
}

const EXPORTING = { enabled: true, marking: 'UNCLASSIFIED' };

function Alerts({ client }: { readonly client: Client }) {
  return <AlertsPanel client={client} counts={null} active now={NOW} onShowAlert={() => undefined} sound={false} onSoundChange={() => undefined} areaDrawing={useAreaDrawing()} />;
}

function Cache({ client }: { readonly client: Client }) {
  return <CachePanel client={client} jobs={useJobs(client)} active reviewTime={null} />;
}

function Search({ client }: { readonly client: Client }) {
  return <SearchPanel client={client} areaDrawing={useAreaDrawing()} policy={EXPORTING} jobs={[]} downloadUrl={() => null} onShowRow={() => undefined} />;
}

/** A control and the one core method it calls. */
interface Control {
  readonly testId: string;
  readonly method: MethodName;
}

interface Panel {
  readonly render: (client: Client) => ReactNode;
  /** What the analyst clicks first to reach the controls, such as the Rules view and New rule. */
  readonly opening?: readonly string[];
  readonly controls: readonly Control[];
  /** What the panel shows to read, which every role sees. */
  readonly reads: readonly string[];
}

const PANELS: Readonly<Record<string, Panel>> = {
  Forwarding: {
    render: (client) => <ForwardingPanel client={client} active />,
    // The form opens for every role, as anyone may dry-run a rule; only saving is kept back.
    opening: ['forward-new'],
    controls: [
      { testId: 'forward-pause', method: 'forwarding.setPaused' },
      { testId: 'forward-remove', method: 'forwarding.remove' },
      { testId: 'forward-save', method: 'forwarding.save' },
    ],
    reads: ['forward-rule-row', 'forward-sent-summary', 'forward-dry-run'],
  },
  Outbox: {
    render: (client) => <OutboxPanel client={client} counts={null} active now={NOW} />,
    controls: [
      { testId: 'compose-form', method: 'outbox.enqueue' },
      { testId: 'outbox-edit', method: 'outbox.edit' },
      { testId: 'outbox-precedence', method: 'outbox.setPrecedence' },
      { testId: 'outbox-retry', method: 'outbox.retry' },
      { testId: 'outbox-cancel', method: 'outbox.cancel' },
      { testId: 'destination-budget-save', method: 'outbox.setBudget' },
      { testId: 'destination-other', method: 'outbox.setBudget' },
    ],
    reads: ['outbox-row', 'destination-row', 'destination-budget'],
  },
  Alerts: {
    render: (client) => <Alerts client={client} />,
    controls: [
      { testId: 'alert-acknowledge', method: 'alerts.acknowledge' },
      { testId: 'alert-resolve', method: 'alerts.resolve' },
      { testId: 'alert-forward', method: 'outbox.enqueue' },
    ],
    reads: ['alert-row', 'alert-message'],
  },
  Rules: {
    render: (client) => <Alerts client={client} />,
    opening: ['alerts-view-rules', 'rule-new'],
    controls: [
      { testId: 'rule-row-delete', method: 'rules.remove' },
      { testId: 'rule-save', method: 'rules.save' },
      { testId: 'rule-test-run', method: 'rules.testAgainstCache' },
    ],
    reads: ['rule-row', 'rule-row-enabled', 'rule-editor'],
  },
  Connections: {
    render: (client) => <ConnectionsPanel client={client} statuses={[]} demo={false} quarantinedCount={0} active />,
    controls: [
      { testId: 'add-profile', method: 'profiles.save' },
      { testId: 'edit-profile-edge', method: 'profiles.save' },
      { testId: 'test-profile-edge', method: 'profiles.test' },
      { testId: 'remove-profile-edge', method: 'profiles.remove' },
      { testId: 'add-subscription-edge', method: 'subscriptions.add' },
      { testId: 'remove-subscription-1', method: 'subscriptions.remove' },
    ],
    reads: ['profile-row-edge', 'subscription-row-1', 'subscription-received-1'],
  },
  Cache: {
    render: (client) => <Cache client={client} />,
    controls: [
      { testId: 'cache-compact', method: 'cache.compact' },
      { testId: 'retention-save', method: 'cache.setRetention' },
      { testId: 'pin-add', method: 'cache.pins.add' },
      { testId: 'cache-pin-remove', method: 'cache.pins.remove' },
    ],
    reads: ['cache-size', 'retention-hours', 'cache-pin'],
  },
  Files: {
    render: (client) => <FilesPanel client={client} policy={EXPORTING} jobs={[]} downloadUrl={() => null} reviewTime={null} />,
    controls: [
      { testId: 'export-window-from', method: 'export.start' },
      { testId: 'import-start', method: 'import.start' },
    ],
    reads: ['import-source'],
  },
  'Search results export': {
    render: (client) => <ExportSection client={client} policy={EXPORTING} jobs={[]} scope={{ kind: 'window', from: JOB_STARTED, to: JOB_STARTED + 60_000 }} downloadUrl={() => null} action="Export these" />,
    controls: [{ testId: 'export-start', method: 'export.start' }],
    reads: [],
  },
  'Saved searches': {
    render: (client) => <Search client={client} />,
    controls: [
      { testId: 'saved-search-save', method: 'search.saved.save' },
      { testId: 'saved-search-remove', method: 'search.saved.remove' },
      { testId: 'search-run', method: 'search.query' },
    ],
    reads: ['saved-search-run'],
  },
  'Running job': {
    render: (client) => <JobProgress client={client} job={aJob()} downloadUrl={() => null} />,
    controls: [{ testId: 'job-cancel', method: 'jobs.cancel' }],
    reads: ['job-bar'],
  },
  'Basemap list': {
    render: () => (
      <ul>
        <BasemapOption basemap={PACKAGE} shown={false} onChoose={() => undefined} onRemove={async () => null} />
      </ul>
    ),
    controls: [{ testId: 'basemap-remove', method: 'basemaps.remove' }],
    reads: ['basemap-option'],
  },
};

describe('Given a session with a role', () => {
  const root = aRootPerTest();

  const show = async (role: Role, panel: Panel): Promise<void> => {
    const host = everythingHost();
    await settle(() => root.current.render(<RoleContext.Provider value={role}>{panel.render(host.client)}</RoleContext.Provider>));
    for (const testId of panel.opening ?? []) await settle(() => byTestId(testId).click());
  };

  describe.each(ROLES)('When the role is %s', (role) => {
    it.each(Object.keys(PANELS))('Then the %s panel offers each control exactly when the role may call its method, and still shows what it reads', async (name) => {
      const panel = PANELS[name] as Panel;
      await show(role, panel);

      expect(Object.fromEntries(panel.controls.map(({ testId }) => [testId, has(testId)]))).toEqual(
        Object.fromEntries(panel.controls.map(({ testId, method }) => [testId, mayCall(role, method)])),
      );
      expect(panel.reads.filter((testId) => !has(testId))).toEqual([]);
    });
  });

  it('When a viewer opens the Outbox, Then one line says the role may not send in place of the compose form, and no message can be changed', async () => {
    await show('viewer', PANELS.Outbox as Panel);

    expect(has('compose-form')).toBe(false);
    expect(byTestId('role-note').textContent).toBe('Your role, viewer, may not send messages.');
    expect(['outbox-edit', 'outbox-precedence', 'outbox-retry', 'outbox-cancel'].filter((testId) => has(testId))).toEqual([]);
    expect(has('outbox-row')).toBe(true);
  });

  it('When an operator opens the Outbox, Then the compose form and the message controls are there but no link budget can be set', async () => {
    await show('operator', PANELS.Outbox as Panel);

    expect(['compose-form', 'outbox-edit', 'outbox-precedence', 'outbox-retry', 'outbox-cancel'].filter((testId) => !has(testId))).toEqual([]);
    expect(has('destination-budget-save')).toBe(false);
    expect(has('destination-other')).toBe(false);
    expect(byTestId('destination-budget').textContent).toBe('Budget 1.2 KB/s ≈ 9.6 kbit/s');
  });

  it('When a viewer opens the alerts, Then no alert can be acknowledged, resolved or forwarded, and one line says why', async () => {
    await show('viewer', PANELS.Alerts as Panel);

    expect(['alert-acknowledge', 'alert-resolve', 'alert-forward'].filter((testId) => has(testId))).toEqual([]);
    expect(byTestId('role-note').textContent).toBe('Your role, viewer, may not acknowledge or resolve alerts.');
    expect(has('alert-row')).toBe(true);
  });

  it('When an operator opens the alerts, Then acknowledging, resolving and forwarding are offered, with no note', async () => {
    await show('operator', PANELS.Alerts as Panel);

    expect(['alert-acknowledge', 'alert-resolve', 'alert-forward'].filter((testId) => !has(testId))).toEqual([]);
    expect(has('role-note')).toBe(false);
  });

  it('When an operator opens a new rule, Then it can be tested against the cache but not saved, and a rule shows whether it is on without being switchable', async () => {
    await show('operator', PANELS.Rules as Panel);

    expect(has('rule-save')).toBe(false);
    expect(has('rule-test-run')).toBe(true);
    expect(byTestId('rule-editor').textContent).toContain('Your role, operator, may not save rules.');
    const enabled = byTestId('rule-row-enabled') as HTMLInputElement;
    expect([enabled.checked, enabled.disabled]).toEqual([true, true]);
    expect(enabled.parentElement?.title).toBe('Your role, operator, may not switch rules on or off; that needs the admin role.');
  });

  it('When an administrator opens the rules, Then the switch is live and carries no refusal', async () => {
    await show('admin', PANELS.Rules as Panel);

    const enabled = byTestId('rule-row-enabled') as HTMLInputElement;
    expect([enabled.disabled, enabled.parentElement?.title]).toEqual([false, '']);
  });

  it('When an operator opens Connections, Then profiles and subscriptions are listed without the profile editor, and one line says why', async () => {
    await show('operator', PANELS.Connections as Panel);

    expect(['add-profile', 'edit-profile-edge', 'test-profile-edge', 'remove-profile-edge', 'add-subscription-edge', 'remove-subscription-1'].filter((testId) => has(testId))).toEqual([]);
    expect(byTestId('role-note').textContent).toBe('Your role, operator, may not change connection profiles or subscriptions.');
    expect(has('profile-row-edge')).toBe(true);
  });

  it('When an operator opens the Cache tab, Then retention is shown read-only without a save, pins are listed without pinning, and there is no Compact', async () => {
    await show('operator', PANELS.Cache as Panel);

    const hours = byTestId('retention-hours') as HTMLInputElement;
    expect([valueOf('retention-hours'), hours.readOnly]).toEqual(['168', true]);
    expect(['retention-save', 'pin-add', 'cache-pin-remove', 'cache-compact'].filter((testId) => has(testId))).toEqual([]);
    expect(byTestId('cache-pin').textContent).toContain('Ambush');
    expect([...document.querySelectorAll('[data-testid="role-note"]')].map((note) => note.textContent)).toEqual([
      'Your role, operator, may not change retention.',
      'Your role, operator, may not pin windows of time.',
    ]);
  });

  it('When a viewer opens the Files tab, Then export and import each say the role may not, and the imported files are still listed', async () => {
    await show('viewer', PANELS.Files as Panel);

    expect([...document.querySelectorAll('[data-testid="role-note"]')].map((note) => note.textContent)).toEqual([
      'Your role, viewer, may not export from the cache.',
      'Your role, viewer, may not import files.',
    ]);
    expect(has('import-source')).toBe(true);
  });
});
