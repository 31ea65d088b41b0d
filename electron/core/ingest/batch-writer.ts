import type { Cancel, Clock } from '../ports';
import type { WriteOutcome } from '../store/store';
import type { IngestGroup } from './ingest';

/**
 * Group commit for the ingest thread. Records go out at once when the thread
 * is idle; while it is busy they gather, and the gathered groups commit
 * together as soon as they reach `maxRecords` or have waited `maxDelayMs`,
 * whichever comes first. Each caller's promise settles only when its records
 * are committed, so nothing downstream runs ahead of the cache.
 */
export interface BatchWriter {
  write(group: IngestGroup): Promise<WriteOutcome>;
  /** Resolves when fewer than `limit` records are waiting or being written: the backpressure point. */
  whenBelow(limit: number): Promise<void>;
  /** Resolves when everything written so far is committed (or failed). */
  drain(): Promise<void>;
}

interface Waiting {
  readonly group: IngestGroup;
  readonly resolve: (outcome: WriteOutcome) => void;
  readonly reject: (error: Error) => void;
}

export function createBatchWriter(options: {
  readonly ingest: (groups: readonly IngestGroup[], receivedAt: number) => Promise<WriteOutcome>;
  readonly clock: Clock;
  readonly maxRecords: number;
  readonly maxDelayMs: number;
  readonly onCommitted: (outcome: WriteOutcome) => void;
}): BatchWriter {
  let waiting: Waiting[] = [];
  let waitingRecords = 0;
  let inFlight = 0;
  let inFlightRecords = 0;
  let cancelTimer: Cancel | null = null;
  const roomListeners = new Set<() => void>();

  const outstanding = (): number => waitingRecords + inFlightRecords;
  const notifyRoom = (): void => {
    for (const listener of [...roomListeners]) listener();
  };

  const send = (): void => {
    cancelTimer?.();
    cancelTimer = null;
    if (waiting.length === 0) return;
    const batch = waiting;
    const records = waitingRecords;
    waiting = [];
    waitingRecords = 0;
    inFlight += 1;
    inFlightRecords += records;
    options
      .ingest(
        batch.map((item) => item.group),
        options.clock.now(),
      )
      .then(
        (outcome) => {
          options.onCommitted(outcome);
          for (const item of batch) item.resolve(outcome);
        },
        (error: unknown) => {
          const failure = error instanceof Error ? error : new Error(String(error));
          for (const item of batch) item.reject(failure);
        },
      )
      .finally(() => {
        inFlight -= 1;
        inFlightRecords -= records;
        if (inFlight === 0 && waiting.length > 0) send();
        notifyRoom();
      });
  };

  const whenBelow = (limit: number): Promise<void> =>
    outstanding() < limit
      ? Promise.resolve()
      : new Promise((resolve) => {
          const check = (): void => {
            if (outstanding() >= limit) return;
            roomListeners.delete(check);
            resolve();
          };
          roomListeners.add(check);
        });

  return {
    write(group) {
      return new Promise<WriteOutcome>((resolve, reject) => {
        waiting.push({ group, resolve, reject });
        waitingRecords += group.records.length;
        if (inFlight === 0 || waitingRecords >= options.maxRecords) send();
        else cancelTimer ??= options.clock.after(options.maxDelayMs, send);
      });
    },
    whenBelow,
    drain: () => whenBelow(1),
  };
}
