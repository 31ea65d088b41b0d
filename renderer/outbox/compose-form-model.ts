import type { z } from 'zod';
import { OutboxDraftSchema, type MarkerKind, type OutboxContent, type OutboxDraft, type Precedence, type WireFormat } from '../../shared/outbox';
import { issueSentence, type FieldWording } from '../connections/issue-sentence';
import { parseLocation } from './location';

export type ContentKind = OutboxContent['kind'];

export const DEFAULT_TOPIC = 'outpost.outbox';

export interface ComposeFormFields {
  readonly profileId: string;
  readonly topic: string;
  readonly precedence: Precedence;
  readonly format: WireFormat;
  readonly classification: string;
  readonly kind: ContentKind;
  readonly text: string;
  readonly marker: MarkerKind;
  readonly label: string;
  /** Decimal "lat, lon" or MGRS, as typed; read by parseLocation. */
  readonly location: string;
  readonly remarks: string;
}

export type ComposeField = keyof ComposeFormFields;
/** `form` holds a problem no single field owns. */
export type ComposeFormErrors = Partial<Record<ComposeField | 'form', string>>;

export type ComposeFormOutcome = { readonly ok: true; readonly draft: OutboxDraft } | { readonly ok: false; readonly errors: ComposeFormErrors };

export function blankComposeForm(profileId: string): ComposeFormFields {
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
  };
}

/** After a message is queued the next one usually goes the same way, so only what it says is cleared. */
export function withoutContent(fields: ComposeFormFields): ComposeFormFields {
  return { ...fields, text: '', label: '', location: '', remarks: '' };
}

const wording: Readonly<Record<'topic' | 'classification' | 'text' | 'label' | 'remarks', FieldWording>> = {
  topic: { noun: 'a topic name', label: 'The topic name' },
  classification: { noun: 'a classification', label: 'The classification' },
  text: { noun: 'the message text', label: 'The message text' },
  label: { noun: 'a label', label: 'The label' },
  remarks: { noun: 'remarks', label: 'The remarks' },
};

/** Checks the form with the same schema the core applies, after reading the location it cannot. */
export function validateComposeForm(fields: ComposeFormFields): ComposeFormOutcome {
  const location = fields.kind === 'marker' ? parseLocation(fields.location) : null;
  // A location that cannot be read still lets the schema check every other field, so all problems show at once.
  const point = location?.ok === true ? location.point : { lat: 0, lon: 0 };
  const parsed = OutboxDraftSchema.safeParse(toDraft(fields, point));
  const errors = parsed.success ? {} : schemaErrors(parsed.error);
  if (location !== null && !location.ok) errors.location = location.problem;
  return parsed.success && Object.keys(errors).length === 0 ? { ok: true, draft: parsed.data } : { ok: false, errors };
}

function toDraft(fields: ComposeFormFields, point: { readonly lat: number; readonly lon: number }): OutboxDraft {
  const classification = fields.classification.trim();
  const remarks = fields.remarks.trim();
  const content: OutboxContent =
    fields.kind === 'text'
      ? { kind: 'text', text: fields.text }
      : { kind: 'marker', marker: fields.marker, lat: point.lat, lon: point.lon, label: fields.label.trim(), remarks: remarks === '' ? null : remarks };
  return {
    profileId: fields.profileId,
    topic: fields.topic.trim(),
    precedence: fields.precedence,
    format: fields.format,
    classification: classification === '' ? null : classification,
    content,
  };
}

function schemaErrors(error: z.ZodError): ComposeFormErrors {
  const errors: ComposeFormErrors = {};
  for (const issue of error.issues) {
    const [head, contentField] = issue.path;
    const field = head === 'content' ? contentField : head;
    // Profiles are picked from a list, so the only way to get one wrong is to have none picked.
    if (field === 'profileId') errors.profileId ??= 'Choose the connection profile to send through.';
    else if (field === 'topic' || field === 'classification' || field === 'text' || field === 'label' || field === 'remarks') {
      errors[field] ??= issueSentence(issue, wording[field]);
    } else {
      errors.form ??= issueSentence(issue, { noun: 'a value', label: 'A value' });
    }
  }
  return errors;
}
