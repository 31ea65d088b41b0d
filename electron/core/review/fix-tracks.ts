import { affiliationOf, dimensionOf } from '../../../shared/cot-type';
import type { Track } from '../../../shared/domain';
import type { ReviewQueries } from '../store/review-queries';
import type { FixRow } from './fix-row';

interface Stream {
  readonly source: string;
  readonly topic: string;
}

/**
 * Turns fixes back into Tracks through the dictionaries their numbers point into. The reader keeps
 * its own copy of the dictionaries, which only grow; an id it does not know yet means the ingest
 * thread added rows since, and those are read then.
 */
export interface FixTracks {
  trackOf(fix: FixRow): Track;
  uidOf(entity: number): string;
}

export function createFixTracks(queries: ReviewQueries): FixTracks {
  const uids = new Map<number, string>();
  const kinds = new Map<number, string>();
  const labels = new Map<number, string>();
  const streams = new Map<number, Stream>();
  let newestUid = 0;
  let newestKind = 0;
  let newestLabel = 0;
  let newestStream = 0;

  const refresh = (): void => {
    for (const row of queries.entityUidsAfter(newestUid)) {
      uids.set(row.id, row.value);
      newestUid = row.id;
    }
    for (const row of queries.cotTypesAfter(newestKind)) {
      kinds.set(row.id, row.cotType);
      newestKind = row.id;
    }
    for (const row of queries.callsignsAfter(newestLabel)) {
      labels.set(row.id, row.value);
      newestLabel = row.id;
    }
    for (const row of queries.streamsAfter(newestStream)) {
      streams.set(row.id, { source: row.source, topic: row.topic });
      newestStream = row.id;
    }
  };

  const lookUp = <T>(map: Map<number, T>, id: number, what: string): T => {
    let value = map.get(id);
    if (value === undefined) {
      refresh();
      value = map.get(id);
    }
    if (value === undefined) throw new Error(`The cache has a fix whose ${what} ${id} is not in its dictionary.`);
    return value;
  };

  return {
    uidOf: (entity) => lookUp(uids, entity, 'entity'),
    trackOf(fix) {
      const cotType = lookUp(kinds, fix.kind, 'type');
      const stream = lookUp(streams, fix.stream, 'stream');
      return {
        uid: lookUp(uids, fix.entity, 'entity'),
        callsign: fix.label === null ? null : lookUp(labels, fix.label, 'callsign'),
        cotType,
        affiliation: affiliationOf(cotType),
        dimension: dimensionOf(cotType),
        lat: fix.lat,
        lon: fix.lon,
        hae: fix.hae,
        course: fix.course,
        speed: fix.speed,
        time: fix.time,
        stale: fix.stale,
        source: stream.source,
        topic: stream.topic,
      };
    },
  };
}
