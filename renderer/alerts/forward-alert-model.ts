import type { Alert } from '../../shared/alerts';
import { OutboxDraftSchema, type ForwardedAlert, type OutboxDraft, type Precedence } from '../../shared/outbox';
import type { Severity } from '../../shared/rules';
import { issueSentence, type FieldWording } from '../connections/issue-sentence';
import { DEFAULT_TOPIC } from '../outbox/compose-form-model';
import type { EnvelopeValues } from '../outbox/envelope';

export interface ForwardFields extends EnvelopeValues {
  /** What the analyst adds to the alert, as typed; empty for nothing. */
  readonly comment: string;
}

export type ForwardField = keyof ForwardFields;
/** `form` holds a problem no single field owns. */
export type ForwardErrors = Partial<Record<ForwardField | 'form', string>>;

export type ForwardOutcome = { readonly ok: true; readonly draft: OutboxDraft } | { readonly ok: false; readonly errors: ForwardErrors };

/** A critical alert goes ahead of routine traffic but leaves FLASH to what the analyst writes themselves. */
export function defaultPrecedence(severity: Severity): Precedence {
  return severity === 'critical' ? 'immediate' : 'priority';
}

export function blankForwardFields(alert: Alert, profileId: string): ForwardFields {
  return { profileId, topic: DEFAULT_TOPIC, precedence: defaultPrecedence(alert.severity), format: 'cot', classification: '', comment: '' };
}

/** The alert as the far end reads it: the rule's name and words, whom and where it was about, and the analyst's comment. */
export function forwardedAlert(alert: Alert, comment: string): ForwardedAlert {
  return {
    kind: 'alert',
    alertId: alert.id,
    rule: alert.ruleName,
    severity: alert.severity,
    subject: alert.subject,
    callsign: alert.callsign,
    time: alert.time,
    location: alert.lat === null || alert.lon === null ? null : { lat: alert.lat, lon: alert.lon },
    message: alert.message,
    comment: orNull(comment),
  };
}

type WordedField = 'topic' | 'classification' | 'comment';

const wording: Readonly<Record<WordedField, FieldWording>> = {
  topic: { noun: 'a topic name', label: 'The topic name' },
  classification: { noun: 'a classification', label: 'The classification' },
  comment: { noun: 'a comment', label: 'The comment' },
};

/** Checks the form with the same schema the core applies to every outbox draft. */
export function validateForward(alert: Alert, fields: ForwardFields): ForwardOutcome {
  const draft: OutboxDraft = {
    profileId: fields.profileId,
    topic: fields.topic.trim(),
    precedence: fields.precedence,
    format: fields.format,
    classification: orNull(fields.classification),
    content: forwardedAlert(alert, fields.comment),
  };
  const parsed = OutboxDraftSchema.safeParse(draft);
  if (parsed.success) return { ok: true, draft: parsed.data };
  const errors: ForwardErrors = {};
  for (const issue of parsed.error.issues) {
    const [head, contentField] = issue.path;
    const field = head === 'content' ? (contentField === 'comment' ? 'comment' : undefined) : head;
    if (field === 'profileId') errors.profileId ??= 'Choose the connection profile to send through.';
    else if (field === 'topic' || field === 'classification' || field === 'comment') errors[field] ??= issueSentence(issue, wording[field]);
    else errors.form ??= `This alert cannot be forwarded as it is: ${issueSentence(issue, { noun: 'a value', label: 'A value' })}`;
  }
  return { ok: false, errors };
}

function orNull(text: string): string | null {
  const trimmed = text.trim();
  return trimmed === '' ? null : trimmed;
}
