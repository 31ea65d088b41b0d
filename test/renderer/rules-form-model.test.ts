import { describe, expect, it } from 'vitest';
import { DEFAULT_MAX_SPEEDS, RuleInputSchema, type Rule, type RuleInput } from '../../shared/rules';
import { blankRuleForm, ruleFormFromRule, validateRuleForm, withName, type RuleFormFields } from '../../renderer/rules/rule-form-model';
import { ruleIdFromName } from '../../renderer/rules/rule-id';

const BRAVO_RING: [number, number][] = [
  [8.93, 39.985],
  [9.03, 39.985],
  [9.03, 39.915],
  [8.93, 39.915],
];

const RULES: readonly RuleInput[] = [
  {
    id: 'bravo-dwell',
    name: 'Loitering in BRAVO',
    severity: 'critical',
    enabled: true,
    filter: 'affiliation = "hostile"',
    definition: { kind: 'geofence', area: { shape: 'polygon', ring: BRAVO_RING }, trigger: 'dwell', dwellSeconds: 300 },
  },
  {
    id: 'near-the-port',
    name: 'Near the port',
    severity: 'warning',
    enabled: false,
    filter: null,
    definition: { kind: 'geofence', area: { shape: 'circle', lat: 39.21, lon: 9.11, radiusMetres: 2_500 }, trigger: 'exit', dwellSeconds: null },
  },
  { id: 'fast-air', name: 'Fast hostile air', severity: 'critical', enabled: true, filter: null, definition: { kind: 'expression', expression: 'speed_kn > 450 and affiliation = "hostile"' } },
  { id: 'quiet', name: 'Gone quiet', severity: 'warning', enabled: true, filter: 'affiliation = "friend"', definition: { kind: 'stale', silentSeconds: 600, pastStaleTime: false } },
  { id: 'stale-only', name: 'Past stale time', severity: 'info', enabled: true, filter: null, definition: { kind: 'stale', silentSeconds: null, pastStaleTime: true } },
  { id: 'jumps', name: 'Impossible movement', severity: 'critical', enabled: true, filter: null, definition: { kind: 'kinematic', maxSpeeds: { ...DEFAULT_MAX_SPEEDS, air: 650.5 } } },
  {
    id: 'close-pass',
    name: 'Close pass',
    severity: 'warning',
    enabled: true,
    filter: 'affiliation = "friend"',
    definition: { kind: 'proximity', near: 'affiliation = "hostile"', distanceMetres: 1_500 },
  },
  { id: 'feed-rate', name: 'Feed rate', severity: 'info', enabled: true, filter: null, definition: { kind: 'rate', windowSeconds: 60, sigma: 4.5, warmupWindows: 12 } },
  { id: 'new-faces', name: 'New faces', severity: 'info', enabled: true, filter: 'type ~= "a-h"', definition: { kind: 'first-sighting' } },
];

function saved(input: RuleInput): Rule {
  return { ...input, createdAt: 1, updatedAt: 2 };
}

function errorsOf(fields: RuleFormFields): Record<string, string | undefined> {
  const outcome = validateRuleForm(fields);
  if (outcome.ok) throw new Error('The form was expected to be refused.');
  return outcome.errors;
}

describe('Given a saved rule opened in the rule editor', () => {
  it.each(RULES.map((rule) => [`${rule.definition.kind} rule “${rule.name}”`, rule] as const))('When the %s is read back unchanged, Then it is the same rule', (_name, rule) => {
    const outcome = validateRuleForm(ruleFormFromRule(saved(rule)));

    expect(outcome).toEqual({ ok: true, rule });
    if (outcome.ok) expect(RuleInputSchema.parse(outcome.rule)).toEqual(rule);
  });

  it('Then its id is its own and no longer follows the name', () => {
    const fields = withName(ruleFormFromRule(saved(RULES[2] as RuleInput)), 'Renamed');
    expect([fields.id, fields.name]).toEqual(['fast-air', 'Renamed']);
  });
});

describe('Given a new rule in the editor', () => {
  it('When it is named, Then its id is made from the name until an id is typed', () => {
    expect(withName(blankRuleForm(), 'Hostile air near BRAVO!').id).toBe('hostile-air-near-bravo');
    expect(ruleIdFromName('  Zone Éste — 2 ')).toBe('zone-este-2');
    expect(ruleIdFromName('x'.repeat(80)).length).toBe(64);
    expect(withName({ ...blankRuleForm(), id: 'mine', idTyped: true }, 'Other').id).toBe('mine');
  });

  it('When a geofence has no area yet, Then it asks for one to be drawn or imported', () => {
    expect(errorsOf({ ...withName(blankRuleForm(), 'Zone'), kind: 'geofence' }).area).toBe('Draw the area on the map, or import it from a GeoJSON or KML file.');
  });

  it('When numbers cannot be read or are out of range, Then each field says what to enter, all at once', () => {
    const errors = errorsOf({ ...withName(blankRuleForm(), 'Rate'), kind: 'rate', windowSeconds: 'a minute', sigma: '0', warmupWindows: '2000' });

    expect(errors).toEqual({
      windowSeconds: 'Outpost cannot read “a minute” as a number. Enter the window in seconds, such as 60.',
      sigma: 'The threshold is at least 1 standard deviation.',
      warmupWindows: 'The warm-up is at most 1,000 windows.',
    });
  });

  it('When the filter has a mistake, an expression is left empty, or the name is, Then the sentences say so', () => {
    const errors = errorsOf({ ...blankRuleForm(), kind: 'expression', filter: 'sped > 3', expression: '' });

    expect(errors.filter).toBe('Column 1: there is no field called "sped"; did you mean "speed"?');
    expect(errors.expression).toBe('Column 1: the expression is empty; write a condition such as speed > 250.');
    expect(errors.name).toBe('Enter a name.');
    expect(errors.id).toBe('Enter an id, or a name to make one from.');
  });

  it('When a stale rule has neither a silence nor the stale time, a dwell is left empty, or a distance is 0, Then the field to fix says so', () => {
    const named = withName(blankRuleForm(), 'Rule');
    expect(errorsOf({ ...named, kind: 'stale', silentSeconds: '', pastStaleTime: false }).silentSeconds).toBe('A stale rule needs a silence, the stale time, or both.');
    expect(errorsOf({ ...named, kind: 'geofence', area: { shape: 'circle', lat: 40, lon: 9, radiusMetres: 100 }, trigger: 'dwell', dwellSeconds: ' ' }).dwellSeconds).toBe(
      'Enter the dwell time in seconds, such as 300.',
    );
    expect(errorsOf({ ...named, kind: 'proximity', distanceMetres: '0' }).distanceMetres).toBe('The distance must be more than 0 metres.');
    expect(errorsOf({ ...named, kind: 'kinematic', maxSpeeds: { ...blankRuleForm().maxSpeeds, air: 'fast' } })['maxSpeed-air']).toBe(
      'Outpost cannot read “fast” as a number. Enter a speed in metres a second, such as 70.',
    );
  });

  it('When a rate rule is written after a filter was typed for another kind, Then the rule takes no filter', () => {
    const outcome = validateRuleForm({ ...withName(blankRuleForm(), 'Rate'), filter: 'affiliation = "hostile"', kind: 'rate' });
    expect(outcome.ok && outcome.rule.filter).toBeNull();
  });
});
