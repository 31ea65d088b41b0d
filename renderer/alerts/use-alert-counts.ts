import { useEffect, useState } from 'react';
import type { AlertCounts } from '../../shared/alerts';
import type { Client } from '../client';

/** How many alerts are in each state: read once at start, then kept by the alerts.changed event. Null until known. */
export function useAlertCounts(client: Client): AlertCounts | null {
  const [counts, setCounts] = useState<AlertCounts | null>(null);
  useEffect(() => {
    let heardEvent = false;
    const stop = client.on('alerts.changed', (next) => {
      heardEvent = true;
      setCounts(next);
    });
    void client.call('alerts.counts', {}).then((result) => {
      // An event that overtook this answer is newer. A failed read stays unshown: the next event brings the counts.
      if (result.ok && !heardEvent) setCounts(result.value);
    });
    return stop;
  }, [client]);
  return counts;
}
