import { describe, expect, it } from 'vitest';
import { createBatchWriter } from '../../../electron/core/ingest/batch-writer';
import type { IngestGroup } from '../../../electron/core/ingest/ingest';
import type { WriteOutcome } from '../../../electron/core/store/store';
import { aRawRecord } from '../../builders/raw-record-builder';
import { manualClock } from '../../support/manual-clock';

const outcome = (storedRecords: number): WriteOutcome => ({ storedRecords, duplicateRecords: 0, storedQuarantined: 0, changedTracks: [], alerts: [] });

function group(records: number): IngestGroup {
  return { source: 'edge', subscriptionId: 1, format: 'cot', mapping: null, records: Array.from({ length: records }, (_, offset) => aRawRecord({ offset })) };
}

/** An ingest thread the test answers by hand, to see what reaches it and when. */
function manualThread() {
  const requests: Array<{ groups: readonly IngestGroup[]; settle: (result: WriteOutcome | Error) => void }> = [];
  return {
    requests,
    ingest: (groups: readonly IngestGroup[]) =>
      new Promise<WriteOutcome>((resolve, reject) => requests.push({ groups, settle: (r) => (r instanceof Error ? reject(r) : resolve(r)) })),
    answerNext(result?: WriteOutcome | Error) {
      const next = requests.shift();
      next?.settle(result ?? outcome(next.groups.reduce((sum, g) => sum + g.records.length, 0)));
    },
  };
}

const settle = () => new Promise((resolve) => setImmediate(resolve));

describe('Given the batch writer', () => {
  it('When the ingest thread is idle, Then a group goes out at once', async () => {
    const thread = manualThread();
    const writer = createBatchWriter({ ingest: thread.ingest, clock: manualClock(), maxRecords: 100, maxDelayMs: 50, onCommitted: () => undefined });
    void writer.write(group(3));
    expect(thread.requests).toHaveLength(1);
  });

  it('When groups arrive while a write is in flight, Then they commit together once it finishes', async () => {
    const thread = manualThread();
    const committed: number[] = [];
    const writer = createBatchWriter({
      ingest: thread.ingest,
      clock: manualClock(),
      maxRecords: 100,
      maxDelayMs: 1_000,
      onCommitted: (o) => committed.push(o.storedRecords),
    });
    const first = writer.write(group(1));
    const second = writer.write(group(2));
    const third = writer.write(group(3));
    expect(thread.requests).toHaveLength(1);
    thread.answerNext();
    await first;
    await settle();
    expect(thread.requests).toHaveLength(1);
    expect(thread.requests[0]?.groups).toHaveLength(2);
    thread.answerNext();
    await Promise.all([second, third]);
    expect(committed).toEqual([1, 5]);
  });

  it('When enough records gather, Then they go out without waiting for the write in flight', () => {
    const thread = manualThread();
    const writer = createBatchWriter({ ingest: thread.ingest, clock: manualClock(), maxRecords: 10, maxDelayMs: 1_000, onCommitted: () => undefined });
    void writer.write(group(1));
    void writer.write(group(6));
    expect(thread.requests).toHaveLength(1);
    void writer.write(group(6));
    expect(thread.requests).toHaveLength(2);
  });

  it('When records have waited the longest allowed time, Then they go out', () => {
    const thread = manualThread();
    const clock = manualClock();
    const writer = createBatchWriter({ ingest: thread.ingest, clock, maxRecords: 1_000, maxDelayMs: 100, onCommitted: () => undefined });
    void writer.write(group(1));
    void writer.write(group(1));
    clock.advance(99);
    expect(thread.requests).toHaveLength(1);
    clock.advance(1);
    expect(thread.requests).toHaveLength(2);
  });

  it('When a write fails, Then every caller in it hears the failure and nothing is reported committed', async () => {
    const thread = manualThread();
    const committed: unknown[] = [];
    const writer = createBatchWriter({ ingest: thread.ingest, clock: manualClock(), maxRecords: 100, maxDelayMs: 50, onCommitted: (o) => committed.push(o) });
    const written = writer.write(group(2));
    thread.answerNext(new Error('disk full'));
    await expect(written).rejects.toThrow('disk full');
    expect(committed).toEqual([]);
  });

  it('When too many records are outstanding, Then the backpressure point waits until the thread catches up', async () => {
    const thread = manualThread();
    const writer = createBatchWriter({ ingest: thread.ingest, clock: manualClock(), maxRecords: 100, maxDelayMs: 50, onCommitted: () => undefined });
    void writer.write(group(8));
    let roomFound = false;
    void writer.whenBelow(5).then(() => (roomFound = true));
    await settle();
    expect(roomFound).toBe(false);
    thread.answerNext();
    await settle();
    expect(roomFound).toBe(true);
  });
});
