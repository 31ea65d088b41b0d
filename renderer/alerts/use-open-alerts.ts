import { useCallback, useEffect, useRef, useState } from 'react';
import type { Alert } from '../../shared/alerts';
import type { Client } from '../client';
import { useCoalescedCall } from '../outbox/use-coalesced-call';

/** The map rings what is still open; an alert storm larger than this is beyond ringing one by one anyway. */
const OPEN_ALERTS_LIMIT = 1_000;
/** Alerts change in bursts as a batch of records is judged; the rings follow at most once a second. */
const REFRESH_DELAY_MS = 1_000;

/** The new and acknowledged alerts, newest first: read at start and again after each burst of changes. */
export function useOpenAlerts(client: Client): readonly Alert[] {
  const [alerts, setAlerts] = useState<readonly Alert[]>([]);
  const latestRead = useRef(0);
  const read = useCallback((): void => {
    // Reads can overlap; only the one started last may replace the list.
    latestRead.current += 1;
    const started = latestRead.current;
    void client.call('alerts.list', { states: ['new', 'acknowledged'], limit: OPEN_ALERTS_LIMIT }).then((result) => {
      if (result.ok && started === latestRead.current) setAlerts(result.value);
    });
  }, [client]);
  const requestRead = useCoalescedCall(read, REFRESH_DELAY_MS);
  useEffect(() => {
    read();
    return client.on('alerts.changed', requestRead);
  }, [client, read, requestRead]);
  return alerts;
}
