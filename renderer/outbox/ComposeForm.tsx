import { useEffect, useRef, useState, type FormEvent } from 'react';
import type { Profile } from '../../shared/connections';
import { MARKER_KINDS, type OutboxDraft, type OutboxMessage } from '../../shared/outbox';
import type { Result } from '../../shared/result';
import type { Client } from '../client';
import { RoleNote } from '../components/RoleNote';
import { FormField } from '../connections/FormField';
import { useMayCall } from '../security/role-context';
import {
  REPORT_TIME_HINT,
  validateComposeForm,
  withoutContent,
  type ComposedMessage,
  type ComposeField,
  type ComposeFormErrors,
  type ComposeFormFields,
  type ContentKind,
} from './compose-form-model';
import { LOCATION_HINT } from './location';
import { CONTENT_KIND_LABELS, MARKER_LABELS } from './outbox-labels';
import { EnvelopeFields } from './EnvelopeFields';
import { oneOf } from './one-of';
import { useComposeState } from './use-compose-state';

interface ComposeFormProps {
  readonly client: Client;
  /** From profiles.list; null until it has answered. */
  readonly profiles: readonly Profile[] | null;
  /** The queued message being edited, or null to compose a new one. */
  readonly editing: ComposedMessage | null;
  readonly onQueued: (message: OutboxMessage) => void;
  readonly onEdited: (message: OutboxMessage) => void;
  readonly onStopEditing: () => void;
}

const CONTENT_KINDS = Object.keys(CONTENT_KIND_LABELS) as ContentKind[];
const LOCATION_PLACEHOLDER = '40.12345, 9.01234';

export function ComposeForm({ client, profiles, editing, onQueued, onEdited, onStopEditing }: ComposeFormProps) {
  const { fields, errors, update, discardEdit, copyEditToNew } = useComposeState(editing);
  const [sending, setSending] = useState(false);
  const [queued, setQueued] = useState(false);
  const heading = useRef<HTMLHeadingElement>(null);
  const maySend = useMayCall('outbox.enqueue');
  const editingId = editing?.id ?? null;
  const profileKnown = profiles?.some((profile) => profile.id === fields.profileId) === true;
  // An edit keeps the message's destination even when its profile has since been deleted, rather than quietly sending it elsewhere.
  const deletedProfileKept = editing !== null && profiles !== null && !profileKnown && fields.profileId === editing.profileId;
  // Until the analyst picks one, and whenever the picked one is deleted, the first profile is the destination.
  const profileId = profileKnown || deletedProfileKept ? fields.profileId : (profiles?.[0]?.id ?? '');

  useEffect(() => {
    // The Edit button sits down in the list; moving the focus brings the form into view and says what it now does.
    if (editingId !== null) heading.current?.focus();
  }, [editingId]);

  const set = <F extends ComposeField>(field: F, value: ComposeFormFields[F]): void => {
    update((previous) => ({ fields: { ...previous.fields, [field]: value }, errors: { ...previous.errors, [field]: undefined, form: undefined } }));
    setQueued(false);
  };

  const send = (draft: OutboxDraft): Promise<Result<OutboxMessage>> =>
    editing === null ? client.call('outbox.enqueue', { draft }) : client.call('outbox.edit', { id: editing.id, draft });

  const submit = async (event: FormEvent<HTMLFormElement>): Promise<void> => {
    event.preventDefault();
    setQueued(false);
    const outcome = validateComposeForm({ ...fields, profileId });
    if (!outcome.ok) {
      update((previous) => ({ ...previous, errors: outcome.errors }));
      return;
    }
    update((previous) => ({ ...previous, errors: {} }));
    setSending(true);
    const result = await send(outcome.draft);
    setSending(false);
    if (!result.ok) {
      // The analyst's text stays: a message the core will no longer change can still be corrected by a new one.
      update((previous) => ({ ...previous, errors: { form: result.error.message } }));
      return;
    }
    if (editing === null) {
      update((previous) => ({ fields: withoutContent(previous.fields), errors: {} }));
      setQueued(true);
      onQueued(result.value);
    } else {
      discardEdit();
      onEdited(result.value);
    }
  };

  const stopEditing = (): void => {
    setQueued(false);
    discardEdit();
    onStopEditing();
  };

  const copyToNewMessage = (): void => {
    setQueued(false);
    copyEditToNew();
    onStopEditing();
  };

  if (!maySend) return <RoleNote action="send messages" />;

  if (profiles !== null && profiles.length === 0) {
    return (
      <p className="field-hint" data-testid="compose-no-profiles">
        Outbound messages go through a connection profile. Add a connection profile in the Connections tab first.
      </p>
    );
  }

  return (
    <form
      className={editing === null ? 'compose-form' : 'compose-form editing'}
      data-testid="compose-form"
      noValidate
      aria-labelledby="compose-form-title"
      onSubmit={(event) => void submit(event)}
    >
      <h3 id="compose-form-title" ref={heading} tabIndex={-1} data-testid="compose-heading">
        {editing === null ? 'New message' : 'Edit queued message'}
      </h3>
      {editing === null ? null : <p className="field-hint">Saving rewrites the message where it waits; it keeps its place in the queue.</p>}
      <EnvelopeFields
        idPrefix="compose"
        values={{ ...fields, profileId }}
        errors={errors}
        profiles={profiles}
        deletedProfileId={deletedProfileKept ? fields.profileId : null}
        onChange={(change) => set(change.field, change.value)}
        besideClassification={
          <FormField id="compose-kind" label="Message">
            {(control) => (
              <select {...control} data-testid="compose-kind" value={fields.kind} onChange={(event) => set('kind', oneOf(CONTENT_KINDS, event.target.value, 'text'))}>
                {CONTENT_KINDS.map((kind) => (
                  <option key={kind} value={kind}>
                    {CONTENT_KIND_LABELS[kind]}
                  </option>
                ))}
              </select>
            )}
          </FormField>
        }
      />
      {fields.kind === 'text' ? (
        <FormField id="compose-text" label="Text" error={errors.text}>
          {(control) => <textarea {...control} data-testid="compose-text" rows={4} value={fields.text} onChange={(event) => set('text', event.target.value)} />}
        </FormField>
      ) : null}
      {fields.kind === 'marker' ? (
        <>
          <div className="form-row">
            <FormField id="compose-marker" label="Marker">
              {(control) => (
                <select {...control} data-testid="compose-marker" value={fields.marker} onChange={(event) => set('marker', oneOf(MARKER_KINDS, event.target.value, 'spot'))}>
                  {MARKER_KINDS.map((marker) => (
                    <option key={marker} value={marker}>
                      {MARKER_LABELS[marker]}
                    </option>
                  ))}
                </select>
              )}
            </FormField>
            <FormField id="compose-label" label="Label" error={errors.label}>
              {(control) => <input {...control} data-testid="compose-label" autoComplete="off" value={fields.label} onChange={(event) => set('label', event.target.value)} />}
            </FormField>
          </div>
          <FormField id="compose-location" label="Location" hint={LOCATION_HINT} error={errors.location}>
            {(control) => (
              <input
                {...control}
                data-testid="compose-location"
                autoComplete="off"
                spellCheck={false}
                placeholder={LOCATION_PLACEHOLDER}
                value={fields.location}
                onChange={(event) => set('location', event.target.value)}
              />
            )}
          </FormField>
          <FormField id="compose-remarks" label="Remarks" hint="Optional." error={errors.remarks}>
            {(control) => <textarea {...control} data-testid="compose-remarks" rows={2} value={fields.remarks} onChange={(event) => set('remarks', event.target.value)} />}
          </FormField>
        </>
      ) : null}
      {fields.kind === 'salute' ? <SaluteFields fields={fields} errors={errors} set={set} /> : null}
      {fields.kind === 'sitrep' ? <SitrepFields fields={fields} errors={errors} set={set} /> : null}
      {errors.form === undefined ? null : (
        <p className="form-error" role="alert" data-testid="compose-error">
          {errors.form}
        </p>
      )}
      <div className="form-actions">
        <button type="submit" className="primary" data-testid="compose-submit" disabled={sending || profiles === null}>
          {submitLabel(editing !== null, sending)}
        </button>
        {editing === null || errors.form === undefined ? null : (
          <button type="button" data-testid="compose-copy-to-new" disabled={sending} onClick={copyToNewMessage}>
            Copy into a new message
          </button>
        )}
        {editing === null ? null : (
          <button type="button" data-testid="compose-stop-editing" disabled={sending} onClick={stopEditing}>
            Stop editing
          </button>
        )}
        {queued && editing === null ? (
          <span className="compose-queued" role="status" data-testid="compose-queued">
            Queued.
          </span>
        ) : null}
      </div>
    </form>
  );
}

interface ContentFieldsProps {
  readonly fields: ComposeFormFields;
  readonly errors: ComposeFormErrors;
  readonly set: <F extends ComposeField>(field: F, value: ComposeFormFields[F]) => void;
}

/** The six SALUTE lines in the mnemonic's order, so the analyst fills them as the report is spoken. */
function SaluteFields({ fields, errors, set }: ContentFieldsProps) {
  return (
    <fieldset className="compose-report" data-testid="compose-salute">
      <legend>SALUTE: every line is part of the report; write “unknown” for what is not known.</legend>
      <div className="form-row">
        <FormField id="compose-salute-size" label="Size" hint="How many, such as 8 personnel, 2 vehicles." error={errors.saluteSize}>
          {(control) => <input {...control} data-testid="compose-salute-size" autoComplete="off" value={fields.saluteSize} onChange={(event) => set('saluteSize', event.target.value)} />}
        </FormField>
        <FormField id="compose-salute-activity" label="Activity" hint="What they are doing." error={errors.saluteActivity}>
          {(control) => (
            <input {...control} data-testid="compose-salute-activity" autoComplete="off" value={fields.saluteActivity} onChange={(event) => set('saluteActivity', event.target.value)} />
          )}
        </FormField>
      </div>
      <FormField id="compose-salute-location" label="Location" hint={LOCATION_HINT} error={errors.saluteLocation}>
        {(control) => (
          <input
            {...control}
            data-testid="compose-salute-location"
            autoComplete="off"
            spellCheck={false}
            placeholder={LOCATION_PLACEHOLDER}
            value={fields.saluteLocation}
            onChange={(event) => set('saluteLocation', event.target.value)}
          />
        )}
      </FormField>
      <div className="form-row">
        <FormField id="compose-salute-unit" label="Unit" hint="Who they are: markings, uniform, identification." error={errors.saluteUnit}>
          {(control) => <input {...control} data-testid="compose-salute-unit" autoComplete="off" value={fields.saluteUnit} onChange={(event) => set('saluteUnit', event.target.value)} />}
        </FormField>
        <FormField id="compose-salute-time" label="Time seen (UTC)" hint={REPORT_TIME_HINT} error={errors.saluteTime}>
          {(control) => (
            <input {...control} data-testid="compose-salute-time" autoComplete="off" spellCheck={false} value={fields.saluteTime} onChange={(event) => set('saluteTime', event.target.value)} />
          )}
        </FormField>
      </div>
      <FormField id="compose-salute-equipment" label="Equipment" hint="What they carry or use." error={errors.saluteEquipment}>
        {(control) => (
          <input {...control} data-testid="compose-salute-equipment" autoComplete="off" value={fields.saluteEquipment} onChange={(event) => set('saluteEquipment', event.target.value)} />
        )}
      </FormField>
    </fieldset>
  );
}

function SitrepFields({ fields, errors, set }: ContentFieldsProps) {
  return (
    <fieldset className="compose-report" data-testid="compose-sitrep">
      <legend>SITREP</legend>
      <div className="form-row">
        <FormField id="compose-sitrep-unit" label="Reporting unit" error={errors.sitrepUnit}>
          {(control) => <input {...control} data-testid="compose-sitrep-unit" autoComplete="off" value={fields.sitrepUnit} onChange={(event) => set('sitrepUnit', event.target.value)} />}
        </FormField>
        <FormField id="compose-sitrep-location" label="Location" hint={`Optional. ${LOCATION_HINT}`} error={errors.sitrepLocation}>
          {(control) => (
            <input
              {...control}
              data-testid="compose-sitrep-location"
              autoComplete="off"
              spellCheck={false}
              placeholder={LOCATION_PLACEHOLDER}
              value={fields.sitrepLocation}
              onChange={(event) => set('sitrepLocation', event.target.value)}
            />
          )}
        </FormField>
      </div>
      <FormField id="compose-sitrep-situation" label="Situation" error={errors.sitrepSituation}>
        {(control) => (
          <textarea {...control} data-testid="compose-sitrep-situation" rows={3} value={fields.sitrepSituation} onChange={(event) => set('sitrepSituation', event.target.value)} />
        )}
      </FormField>
      <FormField id="compose-sitrep-actions" label="Actions taken" hint="Write “none” if there were none." error={errors.sitrepActions}>
        {(control) => <textarea {...control} data-testid="compose-sitrep-actions" rows={2} value={fields.sitrepActions} onChange={(event) => set('sitrepActions', event.target.value)} />}
      </FormField>
      <FormField id="compose-sitrep-plans" label="Plans" hint="Optional: what comes next." error={errors.sitrepPlans}>
        {(control) => <textarea {...control} data-testid="compose-sitrep-plans" rows={2} value={fields.sitrepPlans} onChange={(event) => set('sitrepPlans', event.target.value)} />}
      </FormField>
      <FormField id="compose-sitrep-logistics" label="Logistics and status" hint="Optional: supplies, people, equipment." error={errors.sitrepLogistics}>
        {(control) => (
          <textarea {...control} data-testid="compose-sitrep-logistics" rows={2} value={fields.sitrepLogistics} onChange={(event) => set('sitrepLogistics', event.target.value)} />
        )}
      </FormField>
    </fieldset>
  );
}

function submitLabel(editing: boolean, sending: boolean): string {
  if (editing) return sending ? 'Saving…' : 'Save changes';
  return sending ? 'Queueing…' : 'Queue message';
}
