import type { JsonFieldMapping, RecordFormat } from '../../../shared/formats';
import { affiliationOf, dimensionOf } from '../../../shared/cot-type';
import type { Track } from '../../../shared/domain';
import type { IngestWriter, QuarantinedRecord, SearchText, StoredRecord, WriteOutcome } from '../store/store';
import type { RulesEngine } from '../rules/rules-engine';
import type { DecodedEntity } from './decoded-entity';
import { decoderFor } from './decoders';
import type { RawRecord } from './raw-record';

/** Records from one source and subscription, to be read in that subscription's format. */
export interface IngestGroup {
  readonly source: string;
  readonly subscriptionId: number | null;
  readonly format: RecordFormat;
  readonly mapping: JsonFieldMapping | null;
  readonly records: readonly RawRecord[];
  /** False for history being imported: old fixes must not raise alerts now. Defaults to true. */
  readonly applyRules?: boolean;
}

/**
 * The one path every record takes, demo or Kafka: decode, apply the rules, then cache in one
 * transaction with the alerts they raised. A record that cannot be decoded is quarantined with
 * its reason; the batch goes on.
 */
export type Ingest = (groups: readonly IngestGroup[]) => WriteOutcome;

export function createIngest(options: {
  readonly writer: IngestWriter;
  readonly maxRecordBytes: number;
  readonly now: () => number;
  /** Sees every record and every decoded fix, before the batch is written, so its alerts commit with it. */
  readonly rules: RulesEngine;
}): Ingest {
  return (groups) => {
    const receivedAt = options.now();
    const stored: StoredRecord[] = [];
    const quarantined: QuarantinedRecord[] = [];
    for (const group of groups) {
      const { source, subscriptionId } = group;
      const applyRules = group.applyRules ?? true;
      const decode = decoderFor(group.format, group.mapping ?? undefined);
      for (const record of group.records) {
        if (applyRules) options.rules.count(source, record.topic, receivedAt);
        // Objects are spelled out field by field: spreading here was a measurable share of ingest time.
        if (record.value.byteLength > options.maxRecordBytes) {
          const error = `the record is ${record.value.byteLength} bytes, over the ${options.maxRecordBytes}-byte limit`;
          quarantined.push(quarantine(source, subscriptionId, record, receivedAt, error));
          continue;
        }
        const decoded = decode(record.value);
        if (!decoded.ok) {
          quarantined.push(quarantine(source, subscriptionId, record, receivedAt, decoded.error));
          continue;
        }
        const tracks: Track[] = [];
        for (const entity of decoded.entities) {
          const track = toTrack(entity, source, record);
          if (applyRules) options.rules.observe(track, receivedAt);
          tracks.push(track);
        }
        stored.push({
          source,
          topic: record.topic,
          partition: record.partition,
          offset: record.offset,
          subscriptionId,
          timestamp: record.timestamp,
          receivedAt,
          key: record.key,
          headers: record.headers,
          value: record.value,
          tracks,
          searchText: searchTextOf(decoded.entities, decoded.text),
        });
      }
    }
    return options.writer.writeBatch({ records: stored, quarantined, alerts: options.rules.takeRaised() });
  };
}

function quarantine(source: string, subscriptionId: number | null, record: RawRecord, receivedAt: number, error: string): QuarantinedRecord {
  return {
    source,
    topic: record.topic,
    partition: record.partition,
    offset: record.offset,
    subscriptionId,
    receivedAt,
    error,
    value: record.value,
  };
}

function searchTextOf(entities: readonly DecodedEntity[], text: string | undefined): SearchText | null {
  let remarks: string | null = null;
  for (const entity of entities) {
    if (entity.remarks === undefined || entity.remarks === null) continue;
    remarks = remarks === null ? entity.remarks : `${remarks}\n${entity.remarks}`;
  }
  return remarks === null && text === undefined ? null : { remarks, text: text ?? null };
}

function toTrack(entity: DecodedEntity, source: string, record: RawRecord): Track {
  return {
    uid: entity.uid,
    callsign: entity.callsign,
    cotType: entity.cotType,
    affiliation: affiliationOf(entity.cotType),
    dimension: dimensionOf(entity.cotType),
    lat: entity.lat,
    lon: entity.lon,
    hae: entity.hae,
    course: entity.course,
    speed: entity.speed,
    time: entity.time ?? record.timestamp,
    stale: entity.stale,
    source,
    topic: record.topic,
  };
}
