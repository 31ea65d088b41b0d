import { encodeCot } from '../../electron/core/cot/encode-cot';
import type { RawRecord } from '../../electron/core/ingest/raw-record';
import { aCotEvent } from './cot-event-builder';
import type { CotEvent } from '../../electron/core/cot/cot-event';

const encoder = new TextEncoder();

export function aRawRecord(overrides: Partial<RawRecord> = {}): RawRecord {
  return {
    topic: 'cot',
    partition: 0,
    offset: 0,
    timestamp: Date.UTC(2026, 10, 26, 12, 0, 0),
    key: null,
    headers: null,
    value: encoder.encode(encodeCot(aCotEvent())),
    ...overrides,
  };
}

export function aCotRecord(event: Partial<CotEvent>, position: Partial<RawRecord> = {}): RawRecord {
  return aRawRecord({ ...position, value: encoder.encode(encodeCot(aCotEvent(event))) });
}

export function textRecord(text: string, position: Partial<RawRecord> = {}): RawRecord {
  return aRawRecord({ ...position, value: encoder.encode(text) });
}
