import { useCallback, useMemo, useState } from 'react';
import { blankComposeForm, composeFormFromDraft, type ComposedMessage, type ComposeFormErrors, type ComposeFormFields } from './compose-form-model';

export interface ComposeState {
  readonly fields: ComposeFormFields;
  readonly errors: ComposeFormErrors;
}

interface EditState extends ComposeState {
  readonly id: string;
}

interface ComposeStateControls extends ComposeState {
  readonly update: (change: (state: ComposeState) => ComposeState) => void;
  /** Forgets the changes made to the edited message, so editing it again starts from what is queued. */
  readonly discardEdit: () => void;
  /** Makes the edited message's fields those of a new message, for when the queued one can no longer be changed. */
  readonly copyEditToNew: () => void;
}

/**
 * The compose form's fields and errors: for a new message, and apart from them for the queued
 * message being edited, so editing a message does not lose a new one half written.
 */
export function useComposeState(editing: ComposedMessage | null): ComposeStateControls {
  const [composing, setComposing] = useState<ComposeState>(() => ({ fields: blankComposeForm(''), errors: {} }));
  const [edit, setEdit] = useState<EditState | null>(null);
  const opened = useMemo<EditState | null>(() => (editing === null ? null : { id: editing.id, fields: composeFormFromDraft(editing), errors: {} }), [editing]);
  const current = opened === null ? composing : edit?.id === opened.id ? edit : opened;

  const update = useCallback(
    (change: (state: ComposeState) => ComposeState): void => {
      if (opened === null) setComposing(change);
      else setEdit((previous) => ({ ...change(previous?.id === opened.id ? previous : opened), id: opened.id }));
    },
    [opened],
  );
  const discardEdit = useCallback(() => setEdit(null), []);
  const copyEditToNew = useCallback(() => {
    setComposing({ fields: current.fields, errors: {} });
    setEdit(null);
  }, [current.fields]);

  return { fields: current.fields, errors: current.errors, update, discardEdit, copyEditToNew };
}
