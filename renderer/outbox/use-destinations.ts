import { useCallback, useEffect, useRef, useState } from 'react';
import type { DestinationStatus } from '../../shared/outbox';
import type { Client } from '../client';
import { usePolling } from '../connections/use-polling';
import { useCoalescedCall } from './use-coalesced-call';

/** Drain estimates move with time even when nothing is queued or sent, so they are read again this often. */
const POLL_MS = 5_000;
/** A burst of sends changes the outbox many times a second; the destinations follow at most four times. */
const REFRESH_DELAY_MS = 250;

export interface Destinations {
  /** Null until first read. */
  readonly destinations: readonly DestinationStatus[] | null;
  /** Why the last read failed, or null. */
  readonly problem: string | null;
  readonly read: () => void;
}

/** The outbox's destinations while `active`: read at once, after outbox changes, and every few seconds. */
export function useDestinations(client: Client, active: boolean): Destinations {
  const [destinations, setDestinations] = useState<readonly DestinationStatus[] | null>(null);
  const [problem, setProblem] = useState<string | null>(null);
  const latestRead = useRef(0);

  const read = useCallback((): void => {
    // Reads can overlap; only the one started last may replace the list.
    latestRead.current += 1;
    const started = latestRead.current;
    void client.call('outbox.destinations', {}).then((result) => {
      if (started !== latestRead.current) return;
      if (result.ok) {
        setDestinations(result.value);
        setProblem(null);
      } else {
        setProblem(result.error.message);
      }
    });
  }, [client]);
  const requestRead = useCoalescedCall(read, REFRESH_DELAY_MS);

  usePolling(read, POLL_MS, active);
  useEffect(() => (active ? client.on('outbox.changed', requestRead) : undefined), [active, client, requestRead]);

  return { destinations, problem, read };
}
