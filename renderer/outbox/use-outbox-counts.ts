import { useEffect, useState } from 'react';
import type { OutboxCounts } from '../../shared/outbox';
import type { Client } from '../client';

/** How many outbound messages are in each state: read once at start, then kept by the outbox.changed event. Null until known. */
export function useOutboxCounts(client: Client): OutboxCounts | null {
  const [counts, setCounts] = useState<OutboxCounts | null>(null);
  useEffect(() => {
    let heardEvent = false;
    const stop = client.on('outbox.changed', (next) => {
      heardEvent = true;
      setCounts(next);
    });
    void client.call('outbox.counts', {}).then((result) => {
      // An event that overtook this answer is newer. A failed read stays unshown: the next event brings the counts.
      if (result.ok && !heardEvent) setCounts(result.value);
    });
    return stop;
  }, [client]);
  return counts;
}

/** What the status bar calls queued: everything not yet on the broker and still meant to go. */
export function waitingToSend(counts: OutboxCounts): number {
  return counts.queued + counts.sending;
}
