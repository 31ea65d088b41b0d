import type { z } from 'zod';
import { SubscriptionInputSchema, type SubscriptionInput } from '../../shared/connections';
import { JsonFieldMappingSchema, type JsonFieldMapping, type RecordFormat } from '../../shared/formats';
import { issueSentence, type FieldWording } from './issue-sentence';

export type MappingField = keyof JsonFieldMapping;
export const MAPPING_FIELDS = Object.keys(JsonFieldMappingSchema.shape) as MappingField[];

/** Read one named topic, or every topic whose whole name matches a regular expression. */
export type SubscriptionTarget = 'topic' | 'pattern';

export interface SubscriptionFormFields {
  readonly target: SubscriptionTarget;
  readonly topic: string;
  readonly pattern: string;
  readonly format: RecordFormat;
  /** Dotted paths for the `json` format; a blank one is looked up under the field's own name. */
  readonly mapping: Readonly<Record<MappingField, string>>;
}

export type SubscriptionField = 'topic' | 'pattern' | 'format' | `mapping.${MappingField}`;
/** `form` holds a problem no single field owns. */
export type SubscriptionFormErrors = Partial<Record<SubscriptionField | 'form', string>>;

export type SubscriptionFormOutcome =
  | { readonly ok: true; readonly input: SubscriptionInput }
  | { readonly ok: false; readonly errors: SubscriptionFormErrors };

const wording: Readonly<Record<'topic' | 'pattern' | 'format', FieldWording>> = {
  topic: { noun: 'a topic name', label: 'The topic name' },
  pattern: { noun: 'a pattern', label: 'The pattern' },
  format: { noun: 'a format', label: 'The format' },
};
const MAPPING_WORDING: FieldWording = { noun: 'a field path', label: 'The field path' };

export function blankSubscriptionForm(topic = ''): SubscriptionFormFields {
  return {
    target: 'topic',
    topic,
    pattern: '',
    format: 'auto',
    mapping: Object.fromEntries(MAPPING_FIELDS.map((field) => [field, ''])) as Record<MappingField, string>,
  };
}

/** Only the chosen target is sent, and a mapping only for the `json` format and only if any path is given. */
export function toSubscriptionInput(profileId: string, fields: SubscriptionFormFields): SubscriptionInput {
  const target = fields.target === 'topic' ? { topic: fields.topic.trim() } : { pattern: fields.pattern.trim() };
  const paths = MAPPING_FIELDS.flatMap((field) => {
    const path = fields.mapping[field].trim();
    return path === '' ? [] : [[field, path] as const];
  });
  const mapping = fields.format === 'json' && paths.length > 0 ? (Object.fromEntries(paths) as JsonFieldMapping) : undefined;
  return { profileId, subscription: { ...target, format: fields.format, mapping } };
}

/** Checks the form with the same schema the core applies. */
export function validateSubscriptionForm(profileId: string, fields: SubscriptionFormFields): SubscriptionFormOutcome {
  const input = toSubscriptionInput(profileId, fields);
  const parsed = SubscriptionInputSchema.safeParse(input);
  return parsed.success ? { ok: true, input } : { ok: false, errors: schemaErrors(parsed.error) };
}

function schemaErrors(error: z.ZodError): SubscriptionFormErrors {
  const errors: SubscriptionFormErrors = {};
  for (const issue of error.issues) {
    const [, head, mappingField] = issue.path;
    if (head === 'mapping' && isMappingField(mappingField)) {
      errors[`mapping.${mappingField}`] ??= issueSentence(issue, MAPPING_WORDING);
    } else if (head === 'topic' || head === 'pattern' || head === 'format') {
      errors[head] ??= issueSentence(issue, wording[head]);
    } else {
      errors.form ??= issueSentence(issue, { noun: 'a value', label: 'A value' });
    }
  }
  return errors;
}

function isMappingField(value: unknown): value is MappingField {
  return typeof value === 'string' && (MAPPING_FIELDS as readonly string[]).includes(value);
}
