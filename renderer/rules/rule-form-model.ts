import type { z } from 'zod';
import { DIMENSIONS, type Dimension } from '../../shared/cot-type';
import {
  DEFAULT_MAX_SPEEDS,
  RuleInputSchema,
  type GeofenceArea,
  type GeofenceTrigger,
  type MaxSpeeds,
  type Rule,
  type RuleDefinition,
  type RuleInput,
  type RuleKind,
  type Severity,
} from '../../shared/rules';
import { formatCount } from '../connections/figures';
import { asSentence, issueSentence } from '../connections/issue-sentence';
import { ruleIdFromName } from './rule-id';

/** The rule editor's fields, numbers as typed, so a half-typed value is never lost or rewritten. */
export interface RuleFormFields {
  readonly id: string;
  /** True once the id is the analyst's own (or the saved rule's); until then it follows the name. */
  readonly idTyped: boolean;
  readonly name: string;
  readonly severity: Severity;
  readonly enabled: boolean;
  readonly kind: RuleKind;
  /** Which entities the rule watches; empty for every one. */
  readonly filter: string;
  /** Drawn on the map or imported; null until there is one. */
  readonly area: GeofenceArea | null;
  readonly trigger: GeofenceTrigger;
  readonly dwellSeconds: string;
  readonly expression: string;
  /** Empty to rely on the stale time alone. */
  readonly silentSeconds: string;
  readonly pastStaleTime: boolean;
  /** Metres a second, per battle dimension. */
  readonly maxSpeeds: Readonly<Record<Dimension, string>>;
  readonly near: string;
  readonly distanceMetres: string;
  readonly windowSeconds: string;
  readonly sigma: string;
  readonly warmupWindows: string;
}

export type MaxSpeedField = `maxSpeed-${Dimension}`;
/** `form` holds a problem no single field owns. */
export type RuleFormErrorField = Exclude<keyof RuleFormFields, 'maxSpeeds' | 'idTyped'> | MaxSpeedField | 'form';
export type RuleFormErrors = Partial<Record<RuleFormErrorField, string>>;

export type RuleFormOutcome = { readonly ok: true; readonly rule: RuleInput } | { readonly ok: false; readonly errors: RuleFormErrors };

/** Starting values a new rule of each kind can be saved with as they are, except the area a geofence needs. */
export function blankRuleForm(): RuleFormFields {
  return {
    id: '',
    idTyped: false,
    name: '',
    severity: 'warning',
    enabled: true,
    kind: 'geofence',
    filter: '',
    area: null,
    trigger: 'enter',
    dwellSeconds: '300',
    expression: '',
    silentSeconds: '600',
    pastStaleTime: true,
    maxSpeeds: speedTexts(DEFAULT_MAX_SPEEDS),
    near: 'affiliation = "hostile"',
    distanceMetres: '5000',
    windowSeconds: '60',
    sigma: '4',
    warmupWindows: '10',
  };
}

/** The form filled in as it would have been to write this rule; validating it gives the same rule back. */
export function ruleFormFromRule(rule: Rule): RuleFormFields {
  const fields: RuleFormFields = {
    ...blankRuleForm(),
    id: rule.id,
    idTyped: true,
    name: rule.name,
    severity: rule.severity,
    enabled: rule.enabled,
    kind: rule.definition.kind,
    filter: rule.filter ?? '',
  };
  const definition = rule.definition;
  switch (definition.kind) {
    case 'geofence':
      return { ...fields, area: definition.area, trigger: definition.trigger, dwellSeconds: definition.dwellSeconds === null ? fields.dwellSeconds : String(definition.dwellSeconds) };
    case 'expression':
      return { ...fields, expression: definition.expression };
    case 'stale':
      return { ...fields, silentSeconds: definition.silentSeconds === null ? '' : String(definition.silentSeconds), pastStaleTime: definition.pastStaleTime };
    case 'kinematic':
      return { ...fields, maxSpeeds: speedTexts(definition.maxSpeeds) };
    case 'proximity':
      return { ...fields, near: definition.near, distanceMetres: String(definition.distanceMetres) };
    case 'rate':
      return { ...fields, windowSeconds: String(definition.windowSeconds), sigma: String(definition.sigma), warmupWindows: String(definition.warmupWindows) };
    case 'first-sighting':
      return fields;
  }
}

/** A new name carries the id along until the analyst types an id of their own. */
export function withName(fields: RuleFormFields, name: string): RuleFormFields {
  return fields.idTyped ? { ...fields, name } : { ...fields, name, id: ruleIdFromName(name) };
}

/** How a number field is named in its messages, and the unit it is typed in. */
interface NumberWording {
  /** "the dwell time in seconds, such as 300", after "Enter". */
  readonly noun: string;
  /** "The dwell time", at the start of a sentence. */
  readonly label: string;
  /** After a bound: "second" after 1, "seconds" after any other. */
  readonly unit: readonly [one: string, many: string];
}

type NumberField = 'dwellSeconds' | 'silentSeconds' | 'distanceMetres' | 'windowSeconds' | 'sigma' | 'warmupWindows' | MaxSpeedField;

const SPEED_WORDING: NumberWording = { noun: 'a speed in metres a second, such as 70', label: 'The speed', unit: ['m/s', 'm/s'] };

const NUMBER_WORDING: Readonly<Record<NumberField, NumberWording>> = {
  dwellSeconds: { noun: 'the dwell time in seconds, such as 300', label: 'The dwell time', unit: ['second', 'seconds'] },
  silentSeconds: { noun: 'the silence in seconds, such as 600', label: 'The silence', unit: ['second', 'seconds'] },
  distanceMetres: { noun: 'the distance in metres, such as 5000', label: 'The distance', unit: ['metre', 'metres'] },
  windowSeconds: { noun: 'the window in seconds, such as 60', label: 'The window', unit: ['second', 'seconds'] },
  sigma: { noun: 'how many standard deviations count as unusual, such as 4', label: 'The threshold', unit: ['standard deviation', 'standard deviations'] },
  warmupWindows: { noun: 'how many windows to learn from, such as 10', label: 'The warm-up', unit: ['window', 'windows'] },
  ...(Object.fromEntries(DIMENSIONS.map((dimension) => [`maxSpeed-${dimension}`, SPEED_WORDING])) as Record<MaxSpeedField, NumberWording>),
};

const DECIMAL = /^[+-]?(?:\d+(?:\.\d*)?|\.\d+)$/;

type NumberReading = { readonly ok: true; readonly value: number } | { readonly ok: false; readonly problem: string };

function readNumber(text: string, field: NumberField): NumberReading {
  const trimmed = text.trim();
  const wording = NUMBER_WORDING[field];
  if (trimmed === '') return { ok: false, problem: `Enter ${wording.noun}.` };
  if (!DECIMAL.test(trimmed)) return { ok: false, problem: `Outpost cannot read “${trimmed}” as a number. Enter ${wording.noun}.` };
  return { ok: true, value: Number(trimmed) };
}

/** Checks the form with the same schema the core applies, after reading the numbers as typed. */
export function validateRuleForm(fields: RuleFormFields): RuleFormOutcome {
  const unreadable: RuleFormErrors = {};
  // A number that cannot be read stands in as 1 so the schema still checks every other field and all problems show at once.
  const number = (text: string, field: NumberField): number => {
    const reading = readNumber(text, field);
    if (reading.ok) return reading.value;
    unreadable[field] = reading.problem;
    return 1;
  };
  const definition = toDefinition(fields, number);
  const filter = fields.filter.trim();
  const input = {
    id: fields.id.trim(),
    name: fields.name,
    severity: fields.severity,
    enabled: fields.enabled,
    // A rate rule watches whole subscriptions, so whatever the filter box held is not part of it.
    filter: fields.kind === 'rate' || filter === '' ? null : filter,
    definition,
  };
  const parsed = RuleInputSchema.safeParse(input);
  const errors: RuleFormErrors = parsed.success ? {} : schemaErrors(parsed.error);
  Object.assign(errors, unreadable);
  if (input.id === '') errors.id = 'Enter an id, or a name to make one from.';
  if (fields.kind === 'geofence' && fields.area === null) errors.area = 'Draw the area on the map, or import it from a GeoJSON or KML file.';
  return parsed.success && Object.keys(errors).length === 0 ? { ok: true, rule: parsed.data } : { ok: false, errors };
}

/** Stands in for a geofence's missing area while the rest of the rule is checked. */
const PLACEHOLDER_AREA: GeofenceArea = { shape: 'circle', lat: 0, lon: 0, radiusMetres: 1 };

function toDefinition(fields: RuleFormFields, number: (text: string, field: NumberField) => number): RuleDefinition {
  switch (fields.kind) {
    case 'geofence':
      return {
        kind: 'geofence',
        area: fields.area ?? PLACEHOLDER_AREA,
        trigger: fields.trigger,
        dwellSeconds: fields.trigger === 'dwell' ? number(fields.dwellSeconds, 'dwellSeconds') : null,
      };
    case 'expression':
      return { kind: 'expression', expression: fields.expression };
    case 'stale':
      return { kind: 'stale', silentSeconds: fields.silentSeconds.trim() === '' ? null : number(fields.silentSeconds, 'silentSeconds'), pastStaleTime: fields.pastStaleTime };
    case 'kinematic':
      return {
        kind: 'kinematic',
        maxSpeeds: Object.fromEntries(DIMENSIONS.map((dimension) => [dimension, number(fields.maxSpeeds[dimension], `maxSpeed-${dimension}`)])) as MaxSpeeds,
      };
    case 'proximity':
      return { kind: 'proximity', near: fields.near, distanceMetres: number(fields.distanceMetres, 'distanceMetres') };
    case 'rate':
      return { kind: 'rate', windowSeconds: number(fields.windowSeconds, 'windowSeconds'), sigma: number(fields.sigma, 'sigma'), warmupWindows: number(fields.warmupWindows, 'warmupWindows') };
    case 'first-sighting':
      return { kind: 'first-sighting' };
  }
}

function speedTexts(speeds: MaxSpeeds): Record<Dimension, string> {
  return Object.fromEntries(DIMENSIONS.map((dimension) => [dimension, String(speeds[dimension])])) as Record<Dimension, string>;
}

/** Which form field owns each path the schema reports, by the path's first two steps. */
function fieldOf(path: readonly PropertyKey[]): RuleFormErrorField {
  const [head, second, third] = path;
  if (head === 'id' || head === 'name' || head === 'filter') return head;
  if (head !== 'definition') return 'form';
  switch (second) {
    case 'area':
      return 'area';
    case 'maxSpeeds':
      return typeof third === 'string' && (DIMENSIONS as readonly string[]).includes(third) ? (`maxSpeed-${third}` as MaxSpeedField) : 'form';
    case 'dwellSeconds':
    case 'expression':
    case 'silentSeconds':
    case 'near':
    case 'distanceMetres':
    case 'windowSeconds':
    case 'sigma':
    case 'warmupWindows':
      return second;
    case undefined:
      // The stale rule's "a silence, the stale time, or both" belongs with the silence, where the analyst fixes it.
      return 'silentSeconds';
    default:
      return 'form';
  }
}

function schemaErrors(error: z.ZodError): RuleFormErrors {
  const errors: RuleFormErrors = {};
  for (const issue of error.issues) {
    const field = fieldOf(issue.path);
    errors[field] ??= sentenceFor(field, issue);
  }
  return errors;
}

function sentenceFor(field: RuleFormErrorField, issue: z.core.$ZodIssue): string {
  if (field === 'name') return issueSentence(issue, { noun: 'a name', label: 'The name' });
  if (isNumberField(field) && issue.code === 'too_small' && issue.origin === 'number') {
    const { label } = NUMBER_WORDING[field];
    const minimum = Number(issue.minimum);
    return issue.inclusive === false ? `${label} must be more than ${bound(minimum, field)}.` : `${label} is at least ${bound(minimum, field)}.`;
  }
  if (isNumberField(field) && issue.code === 'too_big' && issue.origin === 'number') {
    return `${NUMBER_WORDING[field].label} is at most ${bound(Number(issue.maximum), field)}.`;
  }
  return asSentence(issue.message);
}

/** "1 second", "1,000 windows". */
function bound(value: number, field: NumberField): string {
  const [one, many] = NUMBER_WORDING[field].unit;
  return `${formatCount(value)} ${value === 1 ? one : many}`;
}

function isNumberField(field: RuleFormErrorField): field is NumberField {
  return Object.hasOwn(NUMBER_WORDING, field);
}
