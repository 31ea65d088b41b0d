import type { RuleFormErrors, RuleFormFields } from './rule-form-model';

/** What each kind's part of the rule editor gets: the whole form, its errors, and a way to change one field. */
export interface KindFieldsProps {
  readonly fields: RuleFormFields;
  readonly errors: RuleFormErrors;
  readonly set: <F extends keyof RuleFormFields>(field: F, value: RuleFormFields[F]) => void;
}
