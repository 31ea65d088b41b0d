import type { RecordFormat } from '../../../shared/config';
import { affiliationOf, dimensionOf } from '../../../shared/cot-type';
import type { Track } from '../../../shared/domain';
import type { Clock } from '../ports';
import type { QuarantinedRecord, Store, StoredRecord, WriteOutcome } from '../store/store';
import type { DecodedEntity } from './decoded-entity';
import { decoders } from './decoders';
import type { RawRecord } from './raw-record';

export const DEFAULT_MAX_RECORD_BYTES = 1024 * 1024;

/**
 * The one path every record takes, demo or Kafka: decode, cache, notify.
 * A record that cannot be decoded is quarantined with its reason; the batch goes on.
 */
export interface Ingest {
  ingest(source: string, format: RecordFormat, records: readonly RawRecord[]): WriteOutcome;
}

export function createIngest(options: {
  readonly store: Store;
  readonly clock: Clock;
  readonly maxRecordBytes: number;
  readonly onTracksChanged: (tracks: readonly Track[]) => void;
}): Ingest {
  return {
    ingest(source, format, records) {
      const decode = decoders[format];
      const receivedAt = options.clock.now();
      const stored: StoredRecord[] = [];
      const quarantined: QuarantinedRecord[] = [];
      for (const record of records) {
        const position = { source, topic: record.topic, partition: record.partition, offset: record.offset };
        if (record.value.byteLength > options.maxRecordBytes) {
          quarantined.push({
            ...position,
            receivedAt,
            error: `the record is ${record.value.byteLength} bytes, over the ${options.maxRecordBytes}-byte limit`,
            value: record.value,
          });
          continue;
        }
        const decoded = decode(record.value);
        if (!decoded.ok) {
          quarantined.push({ ...position, receivedAt, error: decoded.error, value: record.value });
          continue;
        }
        stored.push({
          ...position,
          timestamp: record.timestamp,
          receivedAt,
          key: record.key,
          headers: record.headers,
          value: record.value,
          tracks: decoded.entities.map((entity) => toTrack(entity, source, record.topic)),
        });
      }
      const outcome = options.store.writeBatch({ records: stored, quarantined });
      if (outcome.changedTracks.length > 0) options.onTracksChanged(outcome.changedTracks);
      return outcome;
    },
  };
}

function toTrack(entity: DecodedEntity, source: string, topic: string): Track {
  return {
    ...entity,
    affiliation: affiliationOf(entity.cotType),
    dimension: dimensionOf(entity.cotType),
    source,
    topic,
  };
}
