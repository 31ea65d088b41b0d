import type { z } from 'zod';
import { ForwardRuleInputSchema, MAX_DECIMATION_SECONDS, type ForwardRule, type ForwardRuleInput, type ProjectableField } from '../../shared/forwarding';
import type { Precedence } from '../../shared/outbox';
import { formatCount } from '../connections/figures';
import { asSentence, issueSentence, type FieldWording } from '../connections/issue-sentence';
import { budgetInputText, parseBudget } from '../outbox/budget-input';
import { ruleIdFromName } from '../rules/rule-id';

/** Read one named topic, or every topic of the profile whose name matches a pattern. */
export type SourceKind = ForwardRuleInput['source']['kind'];

/** The forwarding form's fields, numbers as typed, so a half-typed value is never lost or rewritten. */
export interface ForwardFormFields {
  readonly id: string;
  /** True once the id is the analyst's own (or the saved rule's); until then it follows the name. */
  readonly idTyped: boolean;
  readonly name: string;
  /** Empty until the analyst picks one; the form then offers the first profile. */
  readonly sourceProfileId: string;
  readonly sourceKind: SourceKind;
  readonly sourceTopic: string;
  readonly sourcePattern: string;
  readonly destinationProfileId: string;
  readonly destinationTopic: string;
  /** Empty to forward every position. */
  readonly filter: string;
  /** Empty to keep every position. */
  readonly decimationSeconds: string;
  readonly dropFields: readonly ProjectableField[];
  readonly precedence: Precedence;
  /** KB/s as typed; empty for no limit. */
  readonly budget: string;
}

export type ForwardFormErrorField =
  | 'id'
  | 'name'
  | 'sourceProfileId'
  | 'sourceTopic'
  | 'sourcePattern'
  | 'destinationProfileId'
  | 'destinationTopic'
  | 'filter'
  | 'decimationSeconds'
  | 'budget'
  | 'form';
export type ForwardFormErrors = Partial<Record<ForwardFormErrorField, string>>;

export type ForwardFormOutcome = { readonly ok: true; readonly rule: ForwardRuleInput } | { readonly ok: false; readonly errors: ForwardFormErrors };

/** A new rule drops the record as received, by far the heaviest field, and waits behind the analyst's own messages. */
export function blankForwardForm(): ForwardFormFields {
  return {
    id: '',
    idTyped: false,
    name: '',
    sourceProfileId: '',
    sourceKind: 'topic',
    sourceTopic: '',
    sourcePattern: '',
    destinationProfileId: '',
    destinationTopic: '',
    filter: '',
    decimationSeconds: '',
    dropFields: ['raw'],
    precedence: 'routine',
    budget: '',
  };
}

/** The form filled in as it would have been to write this rule; validating it gives the same rule back. */
export function forwardFormFromRule(rule: ForwardRule): ForwardFormFields {
  return {
    id: rule.id,
    idTyped: true,
    name: rule.name,
    sourceProfileId: rule.source.profileId,
    sourceKind: rule.source.kind,
    sourceTopic: rule.source.kind === 'topic' ? rule.source.topic : '',
    sourcePattern: rule.source.kind === 'pattern' ? rule.source.pattern : '',
    destinationProfileId: rule.destination.profileId,
    destinationTopic: rule.destination.topic,
    filter: rule.filter ?? '',
    decimationSeconds: rule.decimationSeconds === null ? '' : String(rule.decimationSeconds),
    dropFields: rule.dropFields,
    precedence: rule.precedence,
    budget: budgetInputText(rule.budgetBytesPerSecond),
  };
}

/** A new name carries the id along until the analyst types an id of their own. */
export function withName(fields: ForwardFormFields, name: string): ForwardFormFields {
  return fields.idTyped ? { ...fields, name } : { ...fields, name, id: ruleIdFromName(name) };
}

const WHOLE_NUMBER = /^\d+$/;
const DECIMATION_PROBLEM = `Enter the seconds between positions of one entity as a whole number from 1 to ${formatCount(MAX_DECIMATION_SECONDS)}, or leave it empty to forward every position.`;

/** Checks the form with the same schema the core applies, after reading the numbers as typed. */
export function validateForwardForm(fields: ForwardFormFields): ForwardFormOutcome {
  const errors: ForwardFormErrors = {};
  // An unreadable number stands in as 1 so the schema still checks every other field and all problems show at once.
  const decimationText = fields.decimationSeconds.trim();
  const decimationReadable = decimationText === '' || WHOLE_NUMBER.test(decimationText);
  if (!decimationReadable) errors.decimationSeconds = DECIMATION_PROBLEM;
  const decimationSeconds = decimationText === '' ? null : decimationReadable ? Number(decimationText) : 1;
  const budgetReading = fields.budget.trim() === '' ? null : parseBudget(fields.budget);
  if (budgetReading?.ok === false) errors.budget = budgetReading.problem;
  const budgetBytesPerSecond = budgetReading?.ok === true ? budgetReading.bytesPerSecond : null;
  const filter = fields.filter.trim();
  const input = {
    id: fields.id.trim(),
    name: fields.name,
    source:
      fields.sourceKind === 'topic'
        ? { kind: 'topic' as const, profileId: fields.sourceProfileId, topic: fields.sourceTopic.trim() }
        : { kind: 'pattern' as const, profileId: fields.sourceProfileId, pattern: fields.sourcePattern.trim() },
    destination: { profileId: fields.destinationProfileId, topic: fields.destinationTopic.trim() },
    filter: filter === '' ? null : filter,
    decimationSeconds,
    dropFields: fields.dropFields,
    precedence: fields.precedence,
    budgetBytesPerSecond,
  };
  const parsed = ForwardRuleInputSchema.safeParse(input);
  const schemaProblems = parsed.success ? {} : schemaErrors(parsed.error);
  // The form's own reading of a number says more than the schema's verdict on the stand-in.
  const all: ForwardFormErrors = { ...schemaProblems, ...errors };
  if (input.id === '') all.id = 'Enter an id, or a name to make one from.';
  return parsed.success && Object.keys(all).length === 0 ? { ok: true, rule: parsed.data } : { ok: false, errors: all };
}

const WORDING = {
  id: { noun: 'an id', label: 'The id' },
  name: { noun: 'a name', label: 'The name' },
  sourceProfileId: { noun: 'a connection profile to read from', label: 'The profile' },
  sourceTopic: { noun: 'the topic to read', label: 'The topic name' },
  sourcePattern: { noun: 'a pattern', label: 'The pattern' },
  destinationProfileId: { noun: 'a connection profile to send through', label: 'The profile' },
  destinationTopic: { noun: 'the topic to send to', label: 'The topic name' },
  budget: { noun: 'a budget', label: 'The budget' },
  form: { noun: 'a value', label: 'A value' },
} as const satisfies Record<Exclude<ForwardFormErrorField, 'filter' | 'decimationSeconds'>, FieldWording>;

/** Which form field owns each path the schema reports. */
function fieldOf(path: readonly PropertyKey[]): ForwardFormErrorField {
  const [head, second] = path;
  switch (head) {
    case 'id':
    case 'name':
    case 'filter':
    case 'decimationSeconds':
      return head;
    case 'budgetBytesPerSecond':
      return 'budget';
    case 'source':
      if (second === 'profileId') return 'sourceProfileId';
      return second === 'pattern' ? 'sourcePattern' : 'sourceTopic';
    case 'destination':
      return second === 'profileId' ? 'destinationProfileId' : 'destinationTopic';
    default:
      return 'form';
  }
}

function schemaErrors(error: z.ZodError): ForwardFormErrors {
  const errors: ForwardFormErrors = {};
  for (const issue of error.issues) {
    const field = fieldOf(issue.path);
    errors[field] ??= sentenceFor(field, issue);
  }
  return errors;
}

function sentenceFor(field: ForwardFormErrorField, issue: z.core.$ZodIssue): string {
  // The compiler's own sentence says what is wrong with a condition; the number has one sentence for every way it is wrong.
  if (field === 'filter') return asSentence(issue.message);
  if (field === 'decimationSeconds') return DECIMATION_PROBLEM;
  // A missing profile reads as the profile id's format rule; the analyst needs to know to add one.
  if ((field === 'sourceProfileId' || field === 'destinationProfileId') && issue.code === 'invalid_format') {
    return `Choose ${WORDING[field].noun}; add one in the Connections tab if there is none.`;
  }
  return issueSentence(issue, WORDING[field]);
}
