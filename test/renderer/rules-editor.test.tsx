// @vitest-environment jsdom
import type { Root } from 'react-dom/client';
import { describe, expect, it } from 'vitest';
import { RuleInputSchema, type GeofenceArea, type Rule, type RuleDefinition, type RuleInput, type RuleKind, type RuleTestResult } from '../../shared/rules';
import { fail, ok } from '../../shared/result';
import type { Client } from '../../renderer/client';
import { RulesView } from '../../renderer/rules/RulesView';
import { useAreaDrawing } from '../../renderer/rules/use-area-drawing';
import { NOW } from './support/alert-builder';
import { allByTestId, aRootPerTest, byTestId, enter, has, settle, valueOf } from './support/dom';
import { fakeClient } from './support/fake-client';

const BRAVO_RING: [number, number][] = [
  [8.93, 39.985],
  [9.03, 39.985],
  [9.03, 39.915],
  [8.93, 39.915],
];
const DRAWN_CIRCLE: GeofenceArea = { shape: 'circle', lat: 40.1, lon: 9.2, radiusMetres: 2_500 };
const NOT_YET = 'Outpost cannot test rules against the cache yet: the core does not offer rules.testAgainstCache.';

const RESTRICTED_INPUT: RuleInput = {
  id: 'demo-restricted-area',
  name: 'RESTRICTED AREA BRAVO',
  severity: 'critical',
  enabled: true,
  filter: 'affiliation = "hostile"',
  definition: { kind: 'geofence', area: { shape: 'polygon', ring: BRAVO_RING }, trigger: 'enter', dwellSeconds: null },
};
const RESTRICTED: Rule = { ...RESTRICTED_INPUT, createdAt: NOW - 60_000, updatedAt: NOW - 60_000 };

interface HostState {
  rules: Rule[];
  testAnswer?: RuleTestResult;
}

function rulesHost(state: HostState) {
  return fakeClient((method, args) => {
    switch (method) {
      case 'rules.list':
        return ok(state.rules);
      case 'rules.save': {
        const saved: Rule = { ...(args as { rule: RuleInput }).rule, createdAt: NOW, updatedAt: NOW };
        state.rules = [...state.rules.filter((rule) => rule.id !== saved.id), saved];
        return ok(saved);
      }
      case 'rules.setEnabled': {
        const { id, enabled } = args as { id: string; enabled: boolean };
        const found = state.rules.find((rule) => rule.id === id);
        return found === undefined ? fail('failed', `There is no rule with the id ${id}.`) : ok({ ...found, enabled });
      }
      case 'rules.remove':
        return ok({ removed: true });
      case 'rules.testAgainstCache':
        return state.testAnswer === undefined ? fail('unknown-method', NOT_YET) : ok(state.testAnswer);
      default:
        return undefined;
    }
  });
}

/** The Rules view as the Alerts tab holds it, with a stand-in for the map that draws the area asked for. */
function RulesTab({ client }: { readonly client: Client }) {
  const areaDrawing = useAreaDrawing();
  return (
    <>
      <RulesView client={client} active areaDrawing={areaDrawing} />
      <button type="button" data-testid="map-draws-circle" onClick={() => areaDrawing.finish(DRAWN_CIRCLE)} />
      <output data-testid="map-shows">{areaDrawing.shownArea === null ? 'nothing' : areaDrawing.shownArea.shape}</output>
      <output data-testid="map-drawing">{areaDrawing.drawing?.shape ?? 'no'}</output>
    </>
  );
}

function saves(host: ReturnType<typeof rulesHost>): RuleInput[] {
  return host.calls('rules.save').map((args) => (args as { rule: RuleInput }).rule);
}

/** Chooses a file in a file input, as the analyst would in the browser's dialog. */
function chooseFile(testId: string, file: File): void {
  const input = byTestId(testId) as HTMLInputElement;
  Object.defineProperty(input, 'files', { value: [file], configurable: true });
  input.dispatchEvent(new Event('change', { bubbles: true }));
}

async function newRule(host: ReturnType<typeof rulesHost>, root: { readonly current: Root }, kind: RuleKind, name: string): Promise<void> {
  await settle(() => root.current.render(<RulesTab client={host.client} />));
  await settle(() => byTestId('rule-new').click());
  await settle(() => {
    enter('rule-name', name);
    enter('rule-kind', kind);
  });
}

/** What the analyst types for each kind, and the definition that should come of it. */
const EVERY_KIND: readonly (readonly [RuleKind, () => Promise<void>, RuleDefinition])[] = [
  [
    'geofence',
    async () => {
      chooseFile('rule-area-file', new File([JSON.stringify({ type: 'Polygon', coordinates: [[...BRAVO_RING, BRAVO_RING[0]]] })], 'bravo.geojson'));
      await settle(() => undefined, 10);
      await settle(() => enter('rule-trigger', 'dwell'));
      await settle(() => enter('rule-dwell', '120'));
    },
    { kind: 'geofence', area: { shape: 'polygon', ring: BRAVO_RING }, trigger: 'dwell', dwellSeconds: 120 },
  ],
  ['expression', () => settle(() => enter('rule-expression', 'speed_kn > 450')), { kind: 'expression', expression: 'speed_kn > 450' }],
  [
    'stale',
    async () => {
      await settle(() => enter('rule-silence', '900'));
      await settle(() => byTestId('rule-past-stale').click());
    },
    { kind: 'stale', silentSeconds: 900, pastStaleTime: false },
  ],
  [
    'kinematic',
    () => settle(() => enter('rule-speed-air', '650')),
    { kind: 'kinematic', maxSpeeds: { ground: 70, air: 650, 'sea-surface': 40, subsurface: 20, space: 8_000, other: 700 } },
  ],
  [
    'proximity',
    () =>
      settle(() => {
        enter('rule-near', 'affiliation = "hostile" and dimension = "air"');
        enter('rule-distance', '2000');
      }),
    { kind: 'proximity', near: 'affiliation = "hostile" and dimension = "air"', distanceMetres: 2_000 },
  ],
  [
    'rate',
    () =>
      settle(() => {
        enter('rule-window', '30');
        enter('rule-sigma', '3.5');
        enter('rule-warmup', '20');
      }),
    { kind: 'rate', windowSeconds: 30, sigma: 3.5, warmupWindows: 20 },
  ],
  ['first-sighting', () => settle(() => undefined), { kind: 'first-sighting' }],
];

describe('Given the rule editor', () => {
  const root = aRootPerTest();

  it.each(EVERY_KIND)('When a %s rule is filled in and saved, Then the core gets a rule its schema accepts, and the list shows it', async (kind, fill, definition) => {
    const host = rulesHost({ rules: [] });
    await newRule(host, root, kind, `My ${kind} rule`);
    if (kind !== 'rate') await settle(() => enter('rule-filter', 'affiliation = "friend"'));
    await fill();

    await settle(() => byTestId('rule-save').click());

    const [rule] = saves(host);
    expect(RuleInputSchema.safeParse(rule).success).toBe(true);
    expect(rule).toEqual({ id: `my-${kind}-rule`, name: `My ${kind} rule`, severity: 'warning', enabled: true, filter: kind === 'rate' ? null : 'affiliation = "friend"', definition });
    expect(has('rule-editor')).toBe(false);
    expect(allByTestId('rule-row').map((row) => row.dataset['id'])).toEqual([`my-${kind}-rule`]);
  });

  it('When the filter has a mistake, Then the sentence and a caret under it show as it is typed, and the rule cannot be saved', async () => {
    const host = rulesHost({ rules: [] });
    await newRule(host, root, 'first-sighting', 'Anything fast');

    await settle(() => enter('rule-filter', 'speed >'));
    expect(byTestId('rule-filter-error').textContent).toBe("Column 8: expected a value after '>' but the expression ends there.");
    expect(byTestId('rule-filter-caret').textContent).toBe('speed >\n       ^');
    expect(byTestId('rule-filter').getAttribute('aria-invalid')).toBe('true');

    await settle(() => byTestId('rule-save').click());
    expect(saves(host)).toEqual([]);

    await settle(() => enter('rule-filter', 'speed > 250'));
    expect(has('rule-filter-error')).toBe(false);
  });

  it('When the help is opened, Then it lists every field with what it means', async () => {
    const host = rulesHost({ rules: [] });
    await newRule(host, root, 'expression', 'Help');

    const help = byTestId('expression-help');
    expect(help.textContent).toContain('speed_kn');
    expect(help.textContent).toContain('Speed over ground in knots, or null when unknown.');
    expect(help.textContent).toContain('friend | hostile | neutral | unknown');
  });

  it('When a top speed is typed, Then its hint gives it in km/h, and no hint stands under text that is not a number', async () => {
    const host = rulesHost({ rules: [] });
    await newRule(host, root, 'kinematic', 'Too fast');

    await settle(() => enter('rule-speed-air', '650'));
    expect(document.getElementById('rule-speed-air-hint')?.textContent).toBe('≈ 2,340 km/h');

    await settle(() => enter('rule-speed-air', 'fast'));
    expect(document.getElementById('rule-speed-air-hint')).toBeNull();
    expect(byTestId('rule-speed-air').hasAttribute('aria-describedby')).toBe(false);
  });

  it('When a geofence is drawn on the map, Then the editor asks the map for it, shows it there, and takes the area drawn', async () => {
    const host = rulesHost({ rules: [] });
    await newRule(host, root, 'geofence', 'Port');
    expect(byTestId('map-shows').textContent).toBe('nothing');

    await settle(() => byTestId('rule-draw-circle').click());
    expect(byTestId('map-drawing').textContent).toBe('circle');
    expect(byTestId('rule-draw-circle').getAttribute('aria-pressed')).toBe('true');
    await settle(() => byTestId('map-draws-circle').click());

    expect(byTestId('map-drawing').textContent).toBe('no');
    expect(byTestId('map-shows').textContent).toBe('circle');
    expect(byTestId('rule-area-summary').textContent).toBe('A circle of 2.50 km radius around 40.10000° N  9.20000° E.');
    await settle(() => byTestId('rule-save').click());
    expect(saves(host)[0]?.definition).toEqual({ kind: 'geofence', area: DRAWN_CIRCLE, trigger: 'enter', dwellSeconds: null });
    expect(byTestId('map-shows').textContent).toBe('nothing');
  });

  it('When a file with no polygon is imported, Then it says so and keeps the area it had', async () => {
    const host = rulesHost({ rules: [] });
    await newRule(host, root, 'geofence', 'Port');

    chooseFile('rule-area-file', new File(['<kml xmlns="http://www.opengis.net/kml/2.2"><Placemark><Point><coordinates>9,40</coordinates></Point></Placemark></kml>'], 'spot.kml'));
    await settle(() => undefined, 10);

    expect(byTestId('rule-area-error').textContent).toMatch(/^“spot\.kml”: The file has no polygon\./);
    expect(byTestId('rule-area-summary').textContent).toBe('No area yet: draw one on the map, or import it from a file.');
  });

  it('When it is tested against the cache, Then it says how often it would have fired, for how many, first and last, with examples', async () => {
    const host = rulesHost({
      rules: [],
      testAnswer: {
        hours: 6,
        recordsRead: 500_000,
        truncated: true,
        fired: 12,
        subjects: 5,
        firstAt: Date.UTC(2026, 10, 26, 8, 2, 0),
        lastAt: Date.UTC(2026, 10, 26, 13, 58, 30),
        examples: [{ subject: 'demo-jump-1', callsign: 'RAPTOR 3', time: Date.UTC(2026, 10, 26, 8, 2, 0), message: 'RAPTOR 3 matches speed_kn > 450.' }],
      },
    });
    await newRule(host, root, 'expression', 'Fast');
    await settle(() => enter('rule-expression', 'speed_kn > 450'));

    await settle(() => enter('rule-test-hours', '6'));
    await settle(() => byTestId('rule-test-run').click());

    expect(host.calls('rules.testAgainstCache')).toEqual([{ hours: 6, rule: expect.objectContaining({ id: 'fast', definition: { kind: 'expression', expression: 'speed_kn > 450' } }) }]);
    expect(byTestId('rule-test-summary').textContent).toBe(
      'Would have fired 12 times for 5 entities over the last 6 h, first at 2026-11-26 08:02:00Z, last at 2026-11-26 13:58:30Z.',
    );
    expect(byTestId('rule-test-result').textContent).toContain('held more records than a test replays, so this covers only the newest 500,000.');
    expect(allByTestId('rule-test-example').map((example) => example.textContent)).toEqual(['2026-11-26 08:02:00Z RAPTOR 3 matches speed_kn > 450.']);
    expect(valueOf('rule-test-hours')).toBe('6');

    await settle(() => enter('rule-expression', 'speed_kn > 500'));
    expect(has('rule-test-result')).toBe(false);
  });

  it('When the core cannot test, the hours are out of range, or the rule is incomplete, Then each says so in a sentence, until the rule changes', async () => {
    const host = rulesHost({ rules: [] });
    await newRule(host, root, 'first-sighting', 'New faces');

    await settle(() => byTestId('rule-test-run').click());
    expect(byTestId('rule-test-problem').textContent).toBe(NOT_YET);

    await settle(() => enter('rule-test-hours', '200'));
    await settle(() => byTestId('rule-test-run').click());
    expect(byTestId('rule-test-hours-error').textContent).toBe('Enter the hours to look back: a whole number from 1 to 168.');

    await settle(() => {
      enter('rule-test-hours', '24');
      enter('rule-name', '');
    });
    await settle(() => byTestId('rule-test-run').click());
    expect(byTestId('rule-test-problem').textContent).toBe('The rule has problems, marked above. Fix them, then test it.');
    expect(byTestId('rule-name-error').textContent).toBe('Enter a name.');
    expect(host.calls('rules.testAgainstCache')).toHaveLength(1);

    await settle(() => enter('rule-name', 'New faces'));
    expect(has('rule-test-problem')).toBe(false);
  });

  it('When a new rule would take the id of one already there, Then it says so rather than replace it', async () => {
    const host = rulesHost({ rules: [RESTRICTED] });
    await newRule(host, root, 'first-sighting', 'Demo restricted area');

    await settle(() => byTestId('rule-save').click());

    expect(byTestId('rule-id-error').textContent).toBe('A rule with the id “demo-restricted-area” already exists. Choose another id, or edit that rule instead.');
    expect(saves(host)).toEqual([]);
  });
});

describe('Given the list of rules', () => {
  const root = aRootPerTest();

  it('Then each shows its severity, name, kind and filter', async () => {
    const host = rulesHost({ rules: [RESTRICTED] });
    await settle(() => root.current.render(<RulesTab client={host.client} />));

    const [row] = allByTestId('rule-row') as [HTMLElement];
    expect(row.textContent).toContain('Critical');
    expect([byTestId('rule-row-name', row).textContent, byTestId('rule-row-kind', row).textContent]).toEqual(['RESTRICTED AREA BRAVO', 'Geofence']);
    expect(row.textContent).toContain('affiliation = "hostile"');
  });

  it('When a rule is switched off, Then the core is told and the row shows it off', async () => {
    const host = rulesHost({ rules: [RESTRICTED] });
    await settle(() => root.current.render(<RulesTab client={host.client} />));

    await settle(() => byTestId('rule-row-enabled').click());

    expect(host.calls('rules.setEnabled')).toEqual([{ id: 'demo-restricted-area', enabled: false }]);
    expect(byTestId('rule-row').dataset['enabled']).toBe('false');
  });

  it('When a rule is edited, Then the editor opens with its fields and its id fixed, and saving replaces it', async () => {
    const host = rulesHost({ rules: [RESTRICTED] });
    await settle(() => root.current.render(<RulesTab client={host.client} />));

    await settle(() => byTestId('rule-row-edit').click());
    expect([valueOf('rule-name'), valueOf('rule-id'), valueOf('rule-kind'), valueOf('rule-filter'), valueOf('rule-trigger')]).toEqual([
      'RESTRICTED AREA BRAVO',
      'demo-restricted-area',
      'geofence',
      'affiliation = "hostile"',
      'enter',
    ]);
    expect((byTestId('rule-id') as HTMLInputElement).readOnly).toBe(true);
    expect(byTestId('rule-area-summary').textContent).toBe('A polygon of 4 corners.');
    expect(byTestId('map-shows').textContent).toBe('polygon');

    await settle(() => enter('rule-severity', 'warning'));
    await settle(() => byTestId('rule-save').click());

    expect(saves(host)).toEqual([{ ...RESTRICTED_INPUT, severity: 'warning' }]);
    expect(allByTestId('rule-row')).toHaveLength(1);
  });

  it('When a rule is deleted, Then it asks first, then the core removes it and the row goes', async () => {
    const host = rulesHost({ rules: [RESTRICTED] });
    await settle(() => root.current.render(<RulesTab client={host.client} />));

    await settle(() => byTestId('rule-row-delete').click());
    expect(host.calls('rules.remove')).toEqual([]);
    await settle(() => byTestId('rule-row-delete-confirm').click());

    expect(host.calls('rules.remove')).toEqual([{ id: 'demo-restricted-area' }]);
    expect(has('rule-row')).toBe(false);
  });
});
