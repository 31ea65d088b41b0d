import { useCallback, useEffect, useState } from 'react';
import type { ForwardRule } from '../../shared/forwarding';
import type { Client } from '../client';

export interface ForwardRules {
  /** Null until the first answer or event. */
  readonly rules: readonly ForwardRule[] | null;
  /** Why the list could not be read, until an event brings it. */
  readonly problem: string | null;
  /** Puts a rule the core just answered with in the list, ahead of the event that will follow. */
  readonly replace: (rule: ForwardRule) => void;
  readonly drop: (id: string) => void;
}

/** Every forwarding rule with its figures: read once, then kept by the forwarding.changed event, which carries them all. */
export function useForwardRules(client: Client): ForwardRules {
  const [rules, setRules] = useState<readonly ForwardRule[] | null>(null);
  const [problem, setProblem] = useState<string | null>(null);
  useEffect(() => {
    let heardEvent = false;
    const stop = client.on('forwarding.changed', (next) => {
      heardEvent = true;
      setRules(next);
      setProblem(null);
    });
    void client.call('forwarding.list', {}).then((answer) => {
      // An event that overtook this answer is newer.
      if (heardEvent) return;
      if (answer.ok) setRules(answer.value);
      else setProblem(answer.error.message);
    });
    return stop;
  }, [client]);

  const replace = useCallback((changed: ForwardRule) => {
    setRules((previous) => {
      if (previous === null) return [changed];
      return previous.some((rule) => rule.id === changed.id) ? previous.map((rule) => (rule.id === changed.id ? changed : rule)) : [...previous, changed];
    });
  }, []);
  const drop = useCallback((id: string) => setRules((previous) => previous?.filter((rule) => rule.id !== id) ?? null), []);
  return { rules, problem, replace, drop };
}
