import type { z } from 'zod';
import {
  OutboxDraftSchema,
  formatReportTime,
  type ForwardedAlert,
  type MarkerKind,
  type OutboxContent,
  type OutboxDraft,
  type OutboxMessage,
} from '../../shared/outbox';
import type { LatLon } from '../../shared/geo';
import { issueSentence, type FieldWording } from '../connections/issue-sentence';
import type { EnvelopeValues } from './envelope';
import { formatLocation, parseLocation, type LocationReading } from './location';

/**
 * What the compose form writes and edits: every kind but a forwarded alert, which the Alerts tab
 * makes from the alert itself, in the rule's own words, so the far end reads what Outpost raised.
 */
export type ComposedContent = Exclude<OutboxContent, ForwardedAlert>;
export type ContentKind = ComposedContent['kind'];
export type ComposedDraft = OutboxDraft & { readonly content: ComposedContent };
export type ComposedMessage = OutboxMessage & { readonly content: ComposedContent };

export function isComposedMessage(message: OutboxMessage): message is ComposedMessage {
  return message.content.kind !== 'alert';
}

export const DEFAULT_TOPIC = 'outpost.outbox';

export interface ComposeFormFields extends EnvelopeValues {
  readonly kind: ContentKind;
  readonly text: string;
  readonly marker: MarkerKind;
  readonly label: string;
  /** Decimal "lat, lon" or MGRS, as typed; read by parseLocation. */
  readonly location: string;
  readonly remarks: string;
  readonly saluteSize: string;
  readonly saluteActivity: string;
  /** As the marker's location: decimal or MGRS. */
  readonly saluteLocation: string;
  readonly saluteUnit: string;
  /** When seen, in UTC as typed; read by parseReportTime. */
  readonly saluteTime: string;
  readonly saluteEquipment: string;
  readonly sitrepUnit: string;
  /** Optional: empty for none, else decimal or MGRS. */
  readonly sitrepLocation: string;
  readonly sitrepSituation: string;
  readonly sitrepActions: string;
  readonly sitrepPlans: string;
  readonly sitrepLogistics: string;
}

export type ComposeField = keyof ComposeFormFields;
/** `form` holds a problem no single field owns. */
export type ComposeFormErrors = Partial<Record<ComposeField | 'form', string>>;

export type ComposeFormOutcome = { readonly ok: true; readonly draft: OutboxDraft } | { readonly ok: false; readonly errors: ComposeFormErrors };

const REPORT_TIME_FORMATS = 'UTC, as 2026-11-26 14:05Z or as a date-time group such as 261405ZNOV26';
/** Analysts report in UTC (Zulu), so the form shows and reads UTC whatever the computer's own time zone. */
export const REPORT_TIME_HINT = `In ${REPORT_TIME_FORMATS}. It starts at the time the form opened or last queued a message.`;

/** A clock a little fast on either side must not stop a report of what was just seen. */
const FUTURE_TOLERANCE_MS = 5 * 60 * 1000;

export function blankComposeForm(profileId: string, now: number = Date.now()): ComposeFormFields {
  return {
    profileId,
    topic: DEFAULT_TOPIC,
    precedence: 'routine',
    format: 'cot',
    classification: '',
    kind: 'text',
    text: '',
    marker: 'spot',
    label: '',
    location: '',
    remarks: '',
    saluteSize: '',
    saluteActivity: '',
    saluteLocation: '',
    saluteUnit: '',
    saluteTime: formatReportTime(now),
    saluteEquipment: '',
    sitrepUnit: '',
    sitrepLocation: '',
    sitrepSituation: '',
    sitrepActions: '',
    sitrepPlans: '',
    sitrepLogistics: '',
  };
}

/**
 * After a message is queued the next one usually goes the same way, so only what it says is
 * cleared. A SITREP's reporting unit stays too: the next SITREP usually comes from the same unit.
 */
export function withoutContent(fields: ComposeFormFields, now: number = Date.now()): ComposeFormFields {
  const blank = blankComposeForm(fields.profileId, now);
  return {
    ...fields,
    text: blank.text,
    label: blank.label,
    location: blank.location,
    remarks: blank.remarks,
    saluteSize: blank.saluteSize,
    saluteActivity: blank.saluteActivity,
    saluteLocation: blank.saluteLocation,
    saluteUnit: blank.saluteUnit,
    saluteTime: blank.saluteTime,
    saluteEquipment: blank.saluteEquipment,
    sitrepLocation: blank.sitrepLocation,
    sitrepSituation: blank.sitrepSituation,
    sitrepActions: blank.sitrepActions,
    sitrepPlans: blank.sitrepPlans,
    sitrepLogistics: blank.sitrepLogistics,
  };
}

/**
 * The form as it would have been filled in to write this draft, so a queued message can be edited:
 * validating what this returns gives back the same draft.
 */
export function composeFormFromDraft(draft: ComposedDraft, now: number = Date.now()): ComposeFormFields {
  const envelope: ComposeFormFields = {
    ...blankComposeForm(draft.profileId, now),
    topic: draft.topic,
    precedence: draft.precedence,
    format: draft.format,
    classification: draft.classification ?? '',
    kind: draft.content.kind,
  };
  const content = draft.content;
  switch (content.kind) {
    case 'text':
      return { ...envelope, text: content.text };
    case 'marker':
      return { ...envelope, marker: content.marker, label: content.label, location: formatLocation(content), remarks: content.remarks ?? '' };
    case 'salute':
      return {
        ...envelope,
        saluteSize: content.size,
        saluteActivity: content.activity,
        saluteLocation: formatLocation(content),
        saluteUnit: content.unit,
        saluteTime: reportTimeText(content.time),
        saluteEquipment: content.equipment,
      };
    case 'sitrep':
      return {
        ...envelope,
        sitrepUnit: content.unit,
        sitrepLocation: content.location === null ? '' : formatLocation(content.location),
        sitrepSituation: content.situation,
        sitrepActions: content.actions,
        sitrepPlans: content.plans ?? '',
        sitrepLogistics: content.logistics ?? '',
      };
  }
}

/** A time typed in the form is to the minute; one written elsewhere may carry seconds, which are kept. */
function reportTimeText(time: number): string {
  if (time % 60_000 === 0) return formatReportTime(time);
  const iso = new Date(time).toISOString();
  const seconds = time % 1000 === 0 ? iso.slice(11, 19) : iso.slice(11, 23);
  return `${iso.slice(0, 10)} ${seconds}Z`;
}

type WordedField =
  | 'topic'
  | 'classification'
  | 'text'
  | 'label'
  | 'remarks'
  | 'saluteSize'
  | 'saluteActivity'
  | 'saluteUnit'
  | 'saluteEquipment'
  | 'sitrepUnit'
  | 'sitrepSituation'
  | 'sitrepActions'
  | 'sitrepPlans'
  | 'sitrepLogistics';

const wording: Readonly<Record<WordedField, FieldWording>> = {
  topic: { noun: 'a topic name', label: 'The topic name' },
  classification: { noun: 'a classification', label: 'The classification' },
  text: { noun: 'the message text', label: 'The message text' },
  label: { noun: 'a label', label: 'The label' },
  remarks: { noun: 'remarks', label: 'The remarks' },
  saluteSize: { noun: 'the size, or “unknown”', label: 'The size' },
  saluteActivity: { noun: 'the activity, or “unknown”', label: 'The activity' },
  saluteUnit: { noun: 'the unit, or “unknown”', label: 'The unit' },
  saluteEquipment: { noun: 'the equipment, or “unknown”', label: 'The equipment' },
  sitrepUnit: { noun: 'the reporting unit', label: 'The reporting unit' },
  sitrepSituation: { noun: 'the situation', label: 'The situation' },
  sitrepActions: { noun: 'the actions taken, or “none”', label: 'The actions' },
  sitrepPlans: { noun: 'the plans', label: 'The plans' },
  sitrepLogistics: { noun: 'the logistics and status', label: 'The logistics and status' },
};

/** Which form field owns each content field the schema checks, per kind. */
const CONTENT_FIELDS: Readonly<Record<ContentKind, Readonly<Record<string, ComposeField>>>> = {
  text: { text: 'text' },
  marker: { label: 'label', remarks: 'remarks', lat: 'location', lon: 'location' },
  salute: { size: 'saluteSize', activity: 'saluteActivity', lat: 'saluteLocation', lon: 'saluteLocation', unit: 'saluteUnit', time: 'saluteTime', equipment: 'saluteEquipment' },
  sitrep: { unit: 'sitrepUnit', location: 'sitrepLocation', situation: 'sitrepSituation', actions: 'sitrepActions', plans: 'sitrepPlans', logistics: 'sitrepLogistics' },
};

/** What the form reads itself before the schema sees the draft: places and times, as typed. */
interface Readings {
  readonly location: LocationReading | null;
  readonly time: TimeReading | null;
}

/** Checks the form with the same schema the core applies, after reading the locations and times it cannot. */
export function validateComposeForm(fields: ComposeFormFields, now: number = Date.now()): ComposeFormOutcome {
  const readings = readTypedValues(fields, now);
  // A location or time that cannot be read still lets the schema check every other field, so all problems show at once.
  const point = readings.location?.ok === true ? readings.location.point : { lat: 0, lon: 0 };
  const time = readings.time?.ok === true ? readings.time.time : now;
  const parsed = OutboxDraftSchema.safeParse(toDraft(fields, point, time));
  const errors = parsed.success ? {} : schemaErrors(parsed.error, fields.kind);
  const locationField = fields.kind === 'salute' ? 'saluteLocation' : fields.kind === 'sitrep' ? 'sitrepLocation' : 'location';
  if (readings.location !== null && !readings.location.ok) errors[locationField] = readings.location.problem;
  if (readings.time !== null && !readings.time.ok) errors.saluteTime = readings.time.problem;
  return parsed.success && Object.keys(errors).length === 0 ? { ok: true, draft: parsed.data } : { ok: false, errors };
}

function readTypedValues(fields: ComposeFormFields, now: number): Readings {
  switch (fields.kind) {
    case 'marker':
      return { location: parseLocation(fields.location), time: null };
    case 'salute':
      return { location: parseLocation(fields.saluteLocation), time: parseReportTime(fields.saluteTime, now) };
    case 'sitrep':
      // A SITREP may leave its location out.
      return { location: fields.sitrepLocation.trim() === '' ? null : parseLocation(fields.sitrepLocation), time: null };
    case 'text':
      return { location: null, time: null };
  }
}

function toDraft(fields: ComposeFormFields, point: LatLon, time: number): OutboxDraft {
  const classification = fields.classification.trim();
  return {
    profileId: fields.profileId,
    topic: fields.topic.trim(),
    precedence: fields.precedence,
    format: fields.format,
    classification: classification === '' ? null : classification,
    content: toContent(fields, point, time),
  };
}

function toContent(fields: ComposeFormFields, point: LatLon, time: number): ComposedContent {
  switch (fields.kind) {
    case 'text':
      return { kind: 'text', text: fields.text };
    case 'marker':
      return { kind: 'marker', marker: fields.marker, lat: point.lat, lon: point.lon, label: fields.label.trim(), remarks: orNull(fields.remarks) };
    case 'salute':
      return {
        kind: 'salute',
        size: fields.saluteSize,
        activity: fields.saluteActivity,
        lat: point.lat,
        lon: point.lon,
        unit: fields.saluteUnit,
        time,
        equipment: fields.saluteEquipment,
      };
    case 'sitrep':
      return {
        kind: 'sitrep',
        unit: fields.sitrepUnit,
        location: fields.sitrepLocation.trim() === '' ? null : { lat: point.lat, lon: point.lon },
        situation: fields.sitrepSituation,
        actions: fields.sitrepActions,
        plans: orNull(fields.sitrepPlans),
        logistics: orNull(fields.sitrepLogistics),
      };
  }
}

function orNull(text: string): string | null {
  const trimmed = text.trim();
  return trimmed === '' ? null : trimmed;
}

function schemaErrors(error: z.ZodError, kind: ContentKind): ComposeFormErrors {
  const errors: ComposeFormErrors = {};
  for (const issue of error.issues) {
    const [head, contentField] = issue.path;
    const field = head === 'content' ? (typeof contentField === 'string' ? CONTENT_FIELDS[kind][contentField] : undefined) : head;
    // Profiles are picked from a list, so the only way to get one wrong is to have none picked.
    if (field === 'profileId') errors.profileId ??= 'Choose the connection profile to send through.';
    else if (typeof field === 'string' && field in wording) {
      const worded = field as WordedField;
      errors[worded] ??= issueSentence(issue, wording[worded]);
    } else if (field === 'location' || field === 'saluteLocation' || field === 'sitrepLocation' || field === 'saluteTime') {
      errors[field] ??= issueSentence(issue, { noun: 'a value', label: 'The value' });
    } else {
      errors.form ??= issueSentence(issue, { noun: 'a value', label: 'A value' });
    }
  }
  return errors;
}

export type TimeReading = { readonly ok: true; readonly time: number } | { readonly ok: false; readonly problem: string };

/** 2026-11-26 14:05Z, with a T instead of the space, seconds (and their fraction), or no Z; always UTC. */
const ISO_MINUTE = /^(\d{4})-(\d{2})-(\d{2})[T\s]+(\d{2}):(\d{2})(?::(\d{2})(?:\.(\d{1,3}))?)?\s*Z?$/i;
/** A date-time group: day, hour, minute, the Z time zone, month and year, spaced or not: 261405ZNOV26. */
const DATE_TIME_GROUP = /^(\d{2})(\d{2})(\d{2})\s*Z\s*([A-Z]{3})\s*(\d{2}|\d{4})$/i;
const MONTHS = ['JAN', 'FEB', 'MAR', 'APR', 'MAY', 'JUN', 'JUL', 'AUG', 'SEP', 'OCT', 'NOV', 'DEC'];

/**
 * Reads the time something was seen the way analysts write it: in UTC, as a date and time to the
 * minute or as a date-time group. A time zone other than Z is refused rather than guessed at.
 */
export function parseReportTime(text: string, now: number): TimeReading {
  const trimmed = text.trim();
  if (trimmed === '') return { ok: false, problem: 'Enter the time it was seen.' };
  const iso = ISO_MINUTE.exec(trimmed);
  const group = iso === null ? DATE_TIME_GROUP.exec(trimmed) : null;
  let parts: readonly [number, number, number, number, number, number, number] | null = null;
  if (iso !== null) {
    parts = [Number(iso[1]), Number(iso[2]), Number(iso[3]), Number(iso[4]), Number(iso[5]), Number(iso[6] ?? '0'), Number((iso[7] ?? '').padEnd(3, '0'))];
  } else if (group !== null) {
    const month = MONTHS.indexOf((group[4] ?? '').toUpperCase()) + 1;
    const yearText = group[5] ?? '';
    const year = yearText.length === 2 ? 2000 + Number(yearText) : Number(yearText);
    parts = month === 0 ? null : [year, month, Number(group[1]), Number(group[2]), Number(group[3]), 0, 0];
  }
  if (parts === null) return { ok: false, problem: `Outpost cannot read “${trimmed}” as a time. Write it in ${REPORT_TIME_FORMATS}.` };
  const [year, month, day, hour, minute, second, millisecond] = parts;
  const time = Date.UTC(year, month - 1, day, hour, minute, second, millisecond);
  const back = new Date(time);
  const exists =
    back.getUTCFullYear() === year && back.getUTCMonth() === month - 1 && back.getUTCDate() === day && back.getUTCHours() === hour && back.getUTCMinutes() === minute && second < 60;
  if (!exists || time < 0) return { ok: false, problem: `There is no time “${trimmed}”. Check the day, hour and minute.` };
  if (time > now + FUTURE_TOLERANCE_MS) return { ok: false, problem: `${formatReportTime(time)} is still to come; a report gives the time it was seen.` };
  return { ok: true, time };
}
