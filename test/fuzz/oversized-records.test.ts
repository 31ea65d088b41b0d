import { performance } from 'node:perf_hooks';
import { describe, expect, it } from 'vitest';
import { encodeCot } from '../../electron/core/cot/encode-cot';
import { createIngest } from '../../electron/core/ingest/ingest';
import type { IngestBatch, IngestWriter, WriteOutcome } from '../../electron/core/store/store';
import { aCotEvent } from '../builders/cot-event-builder';
import { aRawRecord } from '../builders/raw-record-builder';
import { noRules } from '../support/no-rules';

const MiB = 1024 * 1024;
const RECORD_LIMIT = MiB;

/**
 * A well-formed CoT event whose remarks pad it to `size` bytes: were it decoded, it would be
 * stored as a track, so its landing in quarantine shows it was refused before decoding.
 */
function paddedCotEvent(size: number): Uint8Array {
  const [head, tail] = encodeCot(aCotEvent({ uid: `big-${size}`, remarks: '\u0000' })).split('\u0000') as [string, string];
  const encoder = new TextEncoder();
  const headBytes = encoder.encode(head);
  const tailBytes = encoder.encode(tail);
  const record = new Uint8Array(size).fill(0x61);
  record.set(headBytes, 0);
  record.set(tailBytes, size - tailBytes.byteLength);
  return record;
}

function capturingWriter(): IngestWriter & { readonly batches: IngestBatch[] } {
  const batches: IngestBatch[] = [];
  return {
    batches,
    writeBatch: (batch): WriteOutcome => {
      batches.push(batch);
      return { storedRecords: batch.records.length, duplicateRecords: 0, storedQuarantined: batch.quarantined.length, changedTracks: [], alerts: [] };
    },
    flushTracks: () => undefined,
    writeAlerts: () => [],
    knownUids: () => [],
  };
}

describe('Given the ingest path with the default 1 MiB record limit', () => {
  it.each([
    ['10 MiB', 10 * MiB],
    ['100 MiB', 100 * MiB],
  ])('When a %s record arrives between good ones, Then it is quarantined with the limit in its reason, untouched and undecoded', (_, size) => {
    const writer = capturingWriter();
    const ingest = createIngest({ writer, maxRecordBytes: RECORD_LIMIT, now: () => Date.UTC(2026, 10, 26), rules: noRules() });
    const oversized = aRawRecord({ offset: 1, value: paddedCotEvent(size) });

    const started = performance.now();
    ingest([{ source: 'kafka', subscriptionId: null, format: 'auto', mapping: null, records: [aRawRecord({ offset: 0 }), oversized, aRawRecord({ offset: 2 })] }]);
    const took = performance.now() - started;

    const [batch] = writer.batches;
    expect(batch?.records.map((record) => record.offset)).toEqual([0, 2]);
    expect(batch?.quarantined).toHaveLength(1);
    expect(batch?.quarantined[0]?.error).toBe(`the record is ${size} bytes, over the ${RECORD_LIMIT}-byte limit`);
    // The very bytes the source delivered: not copied, not parsed.
    expect(batch?.quarantined[0]?.value).toBe(oversized.value);
    // Decoding even 1 MiB of CoT takes a good part of a second; refusing by size takes none.
    expect(took).toBeLessThan(250);
  });

  it('When a record is exactly at the limit, Then it is decoded like any other', () => {
    const writer = capturingWriter();
    const ingest = createIngest({ writer, maxRecordBytes: RECORD_LIMIT, now: () => Date.UTC(2026, 10, 26), rules: noRules() });
    ingest([{ source: 'kafka', subscriptionId: null, format: 'cot', mapping: null, records: [aRawRecord({ value: paddedCotEvent(RECORD_LIMIT) })] }]);
    expect(writer.batches[0]?.quarantined).toEqual([]);
    expect(writer.batches[0]?.records[0]?.tracks.map((track) => track.uid)).toEqual([`big-${RECORD_LIMIT}`]);
  });
});
