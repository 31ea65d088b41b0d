import type { ReactNode } from 'react';
import type { Profile } from '../../shared/connections';
import { PRECEDENCES, WIRE_FORMATS } from '../../shared/outbox';
import { FormField } from '../connections/FormField';
import type { EnvelopeChange, EnvelopeField, EnvelopeValues } from './envelope';
import { oneOf } from './one-of';
import { PRECEDENCE_LABELS, WIRE_FORMAT_LABELS } from './outbox-labels';

interface EnvelopeFieldsProps {
  /** Prefixes every control's id and test id, such as "compose" for compose-topic. */
  readonly idPrefix: string;
  readonly values: EnvelopeValues;
  readonly errors: Partial<Record<EnvelopeField, string>>;
  /** From profiles.list; null until it has answered. */
  readonly profiles: readonly Profile[] | null;
  /** A destination profile that has since been deleted, offered so an edit does not quietly send elsewhere. */
  readonly deletedProfileId?: string | null;
  readonly onChange: (change: EnvelopeChange) => void;
  /** Shares the classification's row, such as the compose form's choice of message. */
  readonly besideClassification?: ReactNode;
}

/** Destination profile and topic, precedence, wire format and classification. */
export function EnvelopeFields({ idPrefix, values, errors, profiles, deletedProfileId = null, onChange, besideClassification }: EnvelopeFieldsProps) {
  const id = (field: string): string => `${idPrefix}-${field}`;
  return (
    <>
      <div className="form-row">
        <FormField id={id('profile')} label="Send through" error={errors.profileId}>
          {(control) => (
            <select {...control} data-testid={id('profile')} value={values.profileId} disabled={profiles === null} onChange={(event) => onChange({ field: 'profileId', value: event.target.value })}>
              {(profiles ?? []).map((profile) => (
                <option key={profile.id} value={profile.id}>
                  {profile.name}
                </option>
              ))}
              {deletedProfileId === null ? null : <option value={deletedProfileId}>{deletedProfileId} (profile deleted)</option>}
            </select>
          )}
        </FormField>
        <FormField id={id('topic')} label="Topic" error={errors.topic}>
          {(control) => <input {...control} data-testid={id('topic')} autoComplete="off" spellCheck={false} value={values.topic} onChange={(event) => onChange({ field: 'topic', value: event.target.value })} />}
        </FormField>
      </div>
      <div className="form-row">
        <FormField id={id('precedence')} label="Precedence" hint="FLASH goes before everything else queued.">
          {(control) => (
            <select {...control} data-testid={id('precedence')} value={values.precedence} onChange={(event) => onChange({ field: 'precedence', value: oneOf(PRECEDENCES, event.target.value, 'routine') })}>
              {PRECEDENCES.map((precedence) => (
                <option key={precedence} value={precedence}>
                  {PRECEDENCE_LABELS[precedence]}
                </option>
              ))}
            </select>
          )}
        </FormField>
        <FormField id={id('format')} label="Wire format">
          {(control) => (
            <select {...control} data-testid={id('format')} value={values.format} onChange={(event) => onChange({ field: 'format', value: oneOf(WIRE_FORMATS, event.target.value, 'cot') })}>
              {WIRE_FORMATS.map((format) => (
                <option key={format} value={format}>
                  {WIRE_FORMAT_LABELS[format]}
                </option>
              ))}
            </select>
          )}
        </FormField>
      </div>
      <div className="form-row">
        <FormField id={id('classification')} label="Classification" hint="Optional, such as UNCLASSIFIED; left empty, the message goes with the site’s marking." error={errors.classification}>
          {(control) => (
            <input {...control} data-testid={id('classification')} autoComplete="off" value={values.classification} onChange={(event) => onChange({ field: 'classification', value: event.target.value })} />
          )}
        </FormField>
        {besideClassification}
      </div>
    </>
  );
}
