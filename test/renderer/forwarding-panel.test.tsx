// @vitest-environment jsdom
import { describe, expect, it } from 'vitest';
import type { Profile } from '../../shared/connections';
import type { ForwardRule } from '../../shared/forwarding';
import { fail, ok } from '../../shared/result';
import type { Role } from '../../shared/roles';
import { ForwardingPanel } from '../../renderer/forwarding/ForwardingPanel';
import { RoleContext } from '../../renderer/security/role-context';
import { aForwardRule } from '../builders/forward-rule-builder';
import { allByTestId, aRootPerTest, byTestId, has, settle } from './support/dom';
import { fakeClient } from './support/fake-client';

const EDGE: Profile = { id: 'edge', name: 'Edge broker', brokers: ['10.0.0.5:9092'], clientId: 'outpost', groupId: null, tls: null, sasl: null, enabled: true };
const CLOUD: Profile = { id: 'cloud', name: 'Cloud', brokers: ['kafka.example.org:9093'], clientId: 'outpost', groupId: null, tls: null, sasl: null, enabled: true };

const BUSY_RULE = aForwardRule({
  stats: { recordsSeen: 48_210, recordsForwarded: 1_610, bytesSeen: 48_000_000, bytesSent: 1_200_000, queued: 12, queuedWireBytes: 9_000, drainSeconds: 180 },
});
const PATTERN_RULE = aForwardRule({
  id: 'all-cot',
  name: 'Every CoT topic',
  source: { kind: 'pattern', profileId: 'edge', pattern: 'cot\\..*' },
  filter: null,
  decimationSeconds: null,
  dropFields: [],
  precedence: 'flash',
  paused: true,
});

/** A core that lists `rules` and answers pause, resume and remove as the real one would. */
function forwardingHost(rules: readonly ForwardRule[]) {
  let held = [...rules];
  return fakeClient((method, args) => {
    switch (method) {
      case 'profiles.list':
        return ok([EDGE, CLOUD]);
      case 'forwarding.list':
        return ok(held);
      case 'forwarding.setPaused': {
        const { id, paused } = args as { id: string; paused: boolean };
        const rule = held.find((candidate) => candidate.id === id);
        if (rule === undefined) return fail('failed', `There is no forwarding rule “${id}”.`);
        const changed = { ...rule, paused };
        held = held.map((candidate) => (candidate.id === id ? changed : candidate));
        return ok(changed);
      }
      case 'forwarding.remove': {
        const { id } = args as { id: string };
        held = held.filter((rule) => rule.id !== id);
        return ok({ removed: true });
      }
      default:
        return undefined;
    }
  });
}

function rowOf(id: string): HTMLElement {
  const row = allByTestId('forward-rule-row').find((candidate) => candidate.dataset.id === id);
  if (row === undefined) throw new Error(`No row for the forwarding rule ${id}.`);
  return row;
}

const text = (testId: string, within: ParentNode): string | null => byTestId(testId, within).textContent;

describe('Given the Forwarding tab', () => {
  const root = aRootPerTest();

  it('When it opens, Then each rule shows its route, filter, decimation, dropped fields, precedence and figures in plain words', async () => {
    const host = forwardingHost([BUSY_RULE, PATTERN_RULE]);

    await settle(() => root.current.render(<ForwardingPanel client={host.client} active />));

    expect(host.calls('forwarding.list')).toHaveLength(1);
    const busy = rowOf('hostile-air-up');
    expect(text('forward-rule-name', busy)).toBe('Hostile air to the cloud');
    expect(text('forward-route', busy)).toBe('Edge broker / cot.air → Cloud / outpost.forwarded');
    expect(text('forward-filter', busy)).toBe('affiliation = "hostile"');
    expect(text('forward-decimation', busy)).toBe('one per entity every 30 s');
    expect(text('forward-dropped', busy)).toBe('drops raw');
    expect(text('forward-precedence', busy)).toBe('ROUTINE');
    expect(text('forward-seen', busy)).toBe('seen 48,210 records, forwarded 1,610');
    expect(text('forward-sent-summary', busy)).toBe('sent 1.2 MB of 48 MB seen, 97% saved');
    expect(text('forward-queue', busy)).toBe('12 queued, about 3 min to drain');
    expect(text('forward-state', busy)).toBe('Forwarding');

    const pattern = rowOf('all-cot');
    expect(text('forward-route', pattern)).toBe('Edge broker / topics matching cot\\..* → Cloud / outpost.forwarded');
    expect(text('forward-filter', pattern)).toBe('every position');
    expect(text('forward-decimation', pattern)).toBe('every position');
    expect(text('forward-dropped', pattern)).toBe('sends every field');
    expect(text('forward-precedence', pattern)).toBe('FLASH');
    expect(text('forward-sent-summary', pattern)).toBe('sent 0 B, nothing seen yet');
    expect(text('forward-queue', pattern)).toBe('nothing queued');
    expect(text('forward-state', pattern)).toBe('Paused');
    expect(pattern.dataset.paused).toBe('true');
  });

  it('When the core reports new figures, Then the rows follow the forwarding.changed event without another read', async () => {
    const host = forwardingHost([BUSY_RULE]);
    await settle(() => root.current.render(<ForwardingPanel client={host.client} active />));

    await settle(() => host.emit('forwarding.changed', [aForwardRule({ stats: { recordsSeen: 50_000, recordsForwarded: 1_700, bytesSeen: 50_000_000, bytesSent: 1_000_000, queued: 0 } })]));

    const row = rowOf('hostile-air-up');
    expect(text('forward-seen', row)).toBe('seen 50,000 records, forwarded 1,700');
    expect(text('forward-sent-summary', row)).toBe('sent 1 MB of 50 MB seen, 98% saved');
    expect(text('forward-queue', row)).toBe('nothing queued');
    expect(host.calls('forwarding.list')).toHaveLength(1);
  });

  it('When a running rule is paused and then resumed, Then each goes to forwarding.setPaused and the row shows the state', async () => {
    const host = forwardingHost([BUSY_RULE]);
    await settle(() => root.current.render(<ForwardingPanel client={host.client} active />));

    await settle(() => byTestId('forward-pause', rowOf('hostile-air-up')).click());

    expect(host.calls('forwarding.setPaused')).toEqual([{ id: 'hostile-air-up', paused: true }]);
    expect(text('forward-state', rowOf('hostile-air-up'))).toBe('Paused');
    expect(has('forward-pause', rowOf('hostile-air-up'))).toBe(false);

    await settle(() => byTestId('forward-resume', rowOf('hostile-air-up')).click());

    expect(host.calls('forwarding.setPaused')).toEqual([
      { id: 'hostile-air-up', paused: true },
      { id: 'hostile-air-up', paused: false },
    ]);
    expect(text('forward-state', rowOf('hostile-air-up'))).toBe('Forwarding');
  });

  it('When Remove is clicked, Then nothing goes until the second click confirms, and then the row leaves', async () => {
    const host = forwardingHost([BUSY_RULE, PATTERN_RULE]);
    await settle(() => root.current.render(<ForwardingPanel client={host.client} active />));

    await settle(() => byTestId('forward-remove', rowOf('all-cot')).click());
    expect(host.calls('forwarding.remove')).toEqual([]);

    await settle(() => byTestId('forward-remove-confirm', rowOf('all-cot')).click());

    expect(host.calls('forwarding.remove')).toEqual([{ id: 'all-cot' }]);
    expect(allByTestId('forward-rule-row').map((row) => row.dataset.id)).toEqual(['hostile-air-up']);
  });

  it('When the list cannot be read, Then the core’s sentence shows', async () => {
    const host = fakeClient((method) => (method === 'forwarding.list' ? fail('failed', 'The cache is locked. Unlock it to see the forwarding rules.') : method === 'profiles.list' ? ok([EDGE]) : undefined));

    await settle(() => root.current.render(<ForwardingPanel client={host.client} active />));

    expect(byTestId('forwarding-problem').textContent).toBe('The cache is locked. Unlock it to see the forwarding rules.');
  });
});

describe('Given the Forwarding tab under a role', () => {
  const root = aRootPerTest();

  const renderAs = async (role: Role) => {
    const host = forwardingHost([BUSY_RULE, PATTERN_RULE]);
    await settle(() =>
      root.current.render(
        <RoleContext.Provider value={role}>
          <ForwardingPanel client={host.client} active />
        </RoleContext.Provider>,
      ),
    );
    return host;
  };

  it('When a viewer looks, Then the rules and their figures show, and a rule opens for a dry run, but nothing pauses, removes or saves', async () => {
    await renderAs('viewer');

    expect(allByTestId('forward-rule-row')).toHaveLength(2);
    expect(text('forward-sent-summary', rowOf('hostile-air-up'))).toBe('sent 1.2 MB of 48 MB seen, 97% saved');
    expect(has('forward-pause')).toBe(false);
    expect(has('forward-resume')).toBe(false);
    expect(has('forward-remove')).toBe(false);

    await settle(() => byTestId('forward-edit', rowOf('hostile-air-up')).click());

    expect(has('forward-save')).toBe(false);
    expect(byTestId('role-note').textContent).toBe('Your role, viewer, may not save forwarding rules.');
    expect(has('forward-dry-run')).toBe(true);
  });

  it('When an operator looks, Then rules pause and resume, but none is removed or saved', async () => {
    const host = await renderAs('operator');

    expect(has('forward-pause', rowOf('hostile-air-up'))).toBe(true);
    expect(has('forward-resume', rowOf('all-cot'))).toBe(true);
    expect(has('forward-remove')).toBe(false);

    await settle(() => byTestId('forward-resume', rowOf('all-cot')).click());
    expect(host.calls('forwarding.setPaused')).toEqual([{ id: 'all-cot', paused: false }]);

    await settle(() => byTestId('forward-new').click());
    expect(has('forward-save')).toBe(false);
    expect(byTestId('role-note').textContent).toBe('Your role, operator, may not save forwarding rules.');
  });

  it('When an administrator looks, Then every control is there', async () => {
    await renderAs('admin');

    expect(has('forward-pause')).toBe(true);
    expect(has('forward-remove')).toBe(true);
    await settle(() => byTestId('forward-new').click());
    expect(has('forward-save')).toBe(true);
    expect(has('role-note')).toBe(false);
  });
});
