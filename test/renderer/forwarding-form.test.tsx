// @vitest-environment jsdom
import { describe, expect, it } from 'vitest';
import type { Profile } from '../../shared/connections';
import type { ForwardDryRun, ForwardRule, ForwardRuleInput } from '../../shared/forwarding';
import { fail, ok, type Result } from '../../shared/result';
import { ForwardingPanel } from '../../renderer/forwarding/ForwardingPanel';
import { aForwardDryRun, aForwardRule, aForwardRuleInput } from '../builders/forward-rule-builder';
import { allByTestId, aRootPerTest, byTestId, enter, has, settle, valueOf } from './support/dom';
import { fakeClient } from './support/fake-client';

const EDGE: Profile = { id: 'edge', name: 'Edge broker', brokers: ['10.0.0.5:9092'], clientId: 'outpost', groupId: null, tls: null, sasl: null, enabled: true };
const CLOUD: Profile = { id: 'cloud', name: 'Cloud', brokers: ['kafka.example.org:9093'], clientId: 'outpost', groupId: null, tls: null, sasl: null, enabled: true };
const NO_TOPIC = 'The broker behind “Cloud” has no topic “outpost.up” and does not create topics on request. Create it there, or choose another topic.';

interface HostAnswers {
  readonly rules?: readonly ForwardRule[];
  readonly save?: (rule: ForwardRuleInput) => Result<ForwardRule>;
  readonly dryRun?: ForwardDryRun;
}

function forwardingHost({ rules = [], save = (rule) => ok(aForwardRule(rule)), dryRun = aForwardDryRun() }: HostAnswers = {}) {
  return fakeClient((method, args) => {
    switch (method) {
      case 'profiles.list':
        return ok([EDGE, CLOUD]);
      case 'forwarding.list':
        return ok(rules);
      case 'forwarding.save':
        return save((args as { rule: ForwardRuleInput }).rule);
      case 'forwarding.dryRun':
        return ok(dryRun);
      default:
        return undefined;
    }
  });
}

const saved = (host: ReturnType<typeof forwardingHost>): unknown[] => host.calls('forwarding.save').map((args) => (args as { rule: unknown }).rule);

/** Writes a rule that reads every CoT topic on the edge and sends hostile positions, one a minute, to the cloud. */
async function writePatternRule(): Promise<void> {
  await settle(() => byTestId('forward-new').click());
  await settle(() => byTestId('forward-source-kind-pattern').click());
  await settle(() => {
    enter('forward-name', 'Hostile air up');
    enter('forward-source-pattern', 'cot\\..*');
    enter('forward-destination-profile', 'cloud');
    enter('forward-destination-topic', 'outpost.up');
    enter('forward-filter', 'affiliation = "hostile"');
    enter('forward-decimation', '60');
    enter('forward-precedence', 'immediate');
  });
  await settle(() => byTestId('forward-drop-source').click());
}

describe('Given the forwarding rule form', () => {
  const root = aRootPerTest();

  it('When a pattern rule is written and saved, Then forwarding.save gets exactly that rule, with its id made from the name', async () => {
    const host = forwardingHost();
    await settle(() => root.current.render(<ForwardingPanel client={host.client} active />));

    await writePatternRule();
    expect(valueOf('forward-id')).toBe('hostile-air-up');
    await settle(() => byTestId('forward-save').click());

    expect(saved(host)).toEqual([
      {
        id: 'hostile-air-up',
        name: 'Hostile air up',
        source: { kind: 'pattern', profileId: 'edge', pattern: 'cot\\..*' },
        destination: { profileId: 'cloud', topic: 'outpost.up' },
        filter: 'affiliation = "hostile"',
        decimationSeconds: 60,
        dropFields: ['raw', 'source'],
        precedence: 'immediate',
        budgetBytesPerSecond: null,
      },
    ]);
    expect(has('forward-form')).toBe(false);
    expect(allByTestId('forward-rule-row').map((row) => row.dataset.id)).toEqual(['hostile-air-up']);
  });

  it('When the filter, decimation and budget are left empty and nothing is dropped, Then they go as null and an empty list', async () => {
    const host = forwardingHost();
    await settle(() => root.current.render(<ForwardingPanel client={host.client} active />));

    await settle(() => byTestId('forward-new').click());
    await settle(() => {
      enter('forward-name', 'Everything up');
      enter('forward-source-topic', 'cot.ground');
      enter('forward-destination-topic', 'outpost.up');
    });
    await settle(() => byTestId('forward-drop-raw').click());
    await settle(() => byTestId('forward-save').click());

    expect(saved(host)).toEqual([
      aForwardRuleInput({
        id: 'everything-up',
        name: 'Everything up',
        source: { kind: 'topic', profileId: 'edge', topic: 'cot.ground' },
        destination: { profileId: 'edge', topic: 'outpost.up' },
        filter: null,
        decimationSeconds: null,
        dropFields: [],
        precedence: 'routine',
        budgetBytesPerSecond: null,
      }),
    ]);
  });

  it('When a budget is typed in KB/s, Then it is saved in bytes a second and the hint shows it in kbit/s too', async () => {
    const host = forwardingHost();
    await settle(() => root.current.render(<ForwardingPanel client={host.client} active />));

    await settle(() => byTestId('forward-new').click());
    await settle(() => {
      enter('forward-name', 'Thin link');
      enter('forward-source-topic', 'cot.ground');
      enter('forward-destination-topic', 'outpost.up');
      enter('forward-budget', '1.2');
    });
    expect(byTestId('forward-form').textContent).toContain('1.2 KB/s ≈ 9.6 kbit/s');
    await settle(() => byTestId('forward-save').click());

    expect(saved(host)).toMatchObject([{ budgetBytesPerSecond: 1_200 }]);
  });

  it('When the core refuses the rule, Then its sentence shows and the form keeps what was typed', async () => {
    const host = forwardingHost({ save: () => fail('failed', NO_TOPIC) });
    await settle(() => root.current.render(<ForwardingPanel client={host.client} active />));

    await writePatternRule();
    await settle(() => byTestId('forward-save').click());

    expect(byTestId('forward-error').textContent).toBe(NO_TOPIC);
    expect(valueOf('forward-destination-topic')).toBe('outpost.up');
    expect(has('forward-rule-row')).toBe(false);
  });

  it('When fields are wrong, Then each says so and nothing is sent', async () => {
    const host = forwardingHost();
    await settle(() => root.current.render(<ForwardingPanel client={host.client} active />));

    await settle(() => byTestId('forward-new').click());
    await settle(() => {
      enter('forward-source-topic', 'no spaces allowed');
      enter('forward-decimation', 'half a minute');
      enter('forward-budget', '0');
    });
    await settle(() => byTestId('forward-save').click());

    expect(saved(host)).toEqual([]);
    expect(byTestId('forward-name-error').textContent).toBe('Enter a name.');
    expect(byTestId('forward-source-topic-error').textContent).toBe('A topic name uses letters, digits, ".", "_" and "-".');
    expect(byTestId('forward-decimation-error').textContent).toBe(
      'Enter the seconds between positions of one entity as a whole number from 1 to 86,400, or leave it empty to forward every position.',
    );
    expect(byTestId('forward-budget-error').textContent).toMatch(/^A budget must be more than 0 KB\/s\./);
  });

  it('When a saved rule is opened and saved unchanged, Then the same rule goes back, budget and all', async () => {
    const input = aForwardRuleInput({ budgetBytesPerSecond: 1_200, dropFields: ['raw', 'hae'], source: { kind: 'pattern', profileId: 'edge', pattern: 'cot\\..*' } });
    const rule = aForwardRule({ ...input, paused: true, stats: { recordsSeen: 10 } });
    const host = forwardingHost({ rules: [rule] });
    await settle(() => root.current.render(<ForwardingPanel client={host.client} active />));

    await settle(() => byTestId('forward-edit').click());
    expect((byTestId('forward-id') as HTMLInputElement).readOnly).toBe(true);
    await settle(() => byTestId('forward-save').click());

    expect(saved(host)).toEqual([input]);
  });

  it('When a dry run is asked for a week, Then the unsaved rule and the hours go to forwarding.dryRun and the result reads in plain words', async () => {
    const host = forwardingHost({
      dryRun: aForwardDryRun({
        hours: 168,
        recordsRead: 60_000,
        recordsSeen: 48_210,
        recordsForwarded: 1_610,
        bytesSeen: 48_000_000,
        wireBytes: 900_000,
        examples: ['{"uid":"HOSTILE-1","time":1748779200000,"lat":40.1,"lon":9.2}', '{"uid":"HOSTILE-2","time":1748779260000,"lat":40.2,"lon":9.3}'],
      }),
    });
    await settle(() => root.current.render(<ForwardingPanel client={host.client} active />));

    await writePatternRule();
    await settle(() => enter('forward-dry-run-hours', '168'));
    await settle(() => byTestId('forward-dry-run').click());

    const [call] = host.calls('forwarding.dryRun') as { rule: ForwardRuleInput; hours: number }[];
    expect(call?.hours).toBe(168);
    expect(call?.rule).toMatchObject({ id: 'hostile-air-up', source: { kind: 'pattern', pattern: 'cot\\..*' }, decimationSeconds: 60 });
    expect(byTestId('forward-dry-run-summary').textContent).toBe(
      'Over the last 168 h: 48,210 records seen, 1,610 would be sent; 48 MB seen, 900 KB on the wire (98% saved).',
    );
    expect(allByTestId('forward-dry-run-example').map((example) => example.textContent)).toEqual([
      '{"uid":"HOSTILE-1","time":1748779200000,"lat":40.1,"lon":9.2}',
      '{"uid":"HOSTILE-2","time":1748779260000,"lat":40.2,"lon":9.3}',
    ]);
    expect(saved(host)).toEqual([]);
  });

  it('When the rule changes after a dry run, Then the stale result goes', async () => {
    const host = forwardingHost({ dryRun: aForwardDryRun({ recordsSeen: 10, recordsForwarded: 2, bytesSeen: 1_000, wireBytes: 100 }) });
    await settle(() => root.current.render(<ForwardingPanel client={host.client} active />));

    await writePatternRule();
    await settle(() => byTestId('forward-dry-run').click());
    expect(has('forward-dry-run-result')).toBe(true);

    await settle(() => enter('forward-decimation', '120'));

    expect(has('forward-dry-run-result')).toBe(false);
  });
});
