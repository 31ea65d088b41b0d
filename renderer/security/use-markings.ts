import { useEffect, useState } from 'react';
import type { Markings } from '../../shared/marking';
import type { Client } from '../client';

export type MarkingsState =
  | { readonly kind: 'reading' }
  | { readonly kind: 'read'; readonly markings: Markings }
  | { readonly kind: 'unreadable'; readonly problem: string };

/** The site's marking and consent notice, read once when the view starts. */
export function useMarkings(client: Client): MarkingsState {
  const [state, setState] = useState<MarkingsState>({ kind: 'reading' });
  useEffect(() => {
    void client.call('app.markings', {}).then((answer) => {
      setState(answer.ok ? { kind: 'read', markings: answer.value } : { kind: 'unreadable', problem: answer.error.message });
    });
  }, [client]);
  return state;
}
