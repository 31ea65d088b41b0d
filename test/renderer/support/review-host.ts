import type { Track } from '../../../shared/domain';
import type { AlertMark } from '../../../shared/review';
import { fail, ok, type Result } from '../../../shared/result';
import { aTrack } from '../../builders/track-builder';

export const REVIEW_FROM = Date.UTC(2026, 10, 26, 6, 0, 0);
export const REVIEW_TO = Date.UTC(2026, 10, 26, 7, 0, 0);
/** Each scripted entity reports once a second. */
export const FIX_INTERVAL_MS = 1_000;

/** An entity whose latitude grows by `degreesPerSecond` from `startLat` at REVIEW_FROM. */
export interface ScriptedEntity {
  readonly uid: string;
  readonly callsign: string;
  readonly startLat: number;
  readonly degreesPerSecond: number;
}

export const RAVEN: ScriptedEntity = { uid: 'raven-1', callsign: 'RAVEN 1', startLat: 40, degreesPerSecond: 0.001 };
export const OSPREY: ScriptedEntity = { uid: 'osprey-2', callsign: 'OSPREY 2', startLat: 41, degreesPerSecond: -0.002 };

export function scriptedFix(entity: ScriptedEntity, time: number): Track {
  return aTrack({
    uid: entity.uid,
    callsign: entity.callsign,
    lat: entity.startLat + (entity.degreesPerSecond * (time - REVIEW_FROM)) / 1000,
    lon: 9,
    time,
    stale: time + 60_000,
    source: 'edge',
    topic: 'cot',
  });
}

/** Where the script puts an entity at `time`: at its last fix at or before it. */
export function scriptedPositionAt(entity: ScriptedEntity, time: number): number {
  const lastFix = REVIEW_FROM + Math.floor((time - REVIEW_FROM) / FIX_INTERVAL_MS) * FIX_INTERVAL_MS;
  return scriptedFix(entity, lastFix).lat;
}

export interface ReviewHostOptions {
  readonly entities?: readonly ScriptedEntity[];
  readonly marks?: readonly AlertMark[];
  /** Cuts every window short, as a busy cache does. */
  readonly truncateWindows?: boolean;
}

/** Answers the review methods from a script of entities moving at a steady rate, as a cache would hold them. */
export function reviewAnswers({ entities = [RAVEN, OSPREY], marks = [], truncateWindows = false }: ReviewHostOptions = {}): (method: string, args: unknown) => Result<unknown> | undefined {
  const fixesIn = (from: number, to: number): Track[] => {
    const fixes: Track[] = [];
    const first = REVIEW_FROM + Math.floor((from - REVIEW_FROM) / FIX_INTERVAL_MS + 1) * FIX_INTERVAL_MS;
    for (let time = first; time <= Math.min(to, REVIEW_TO); time += FIX_INTERVAL_MS) for (const entity of entities) fixes.push(scriptedFix(entity, time));
    return fixes;
  };
  return (method, args) => {
    const given = args as { at: number; from: number; to: number };
    switch (method) {
      case 'review.range':
        return ok({ from: REVIEW_FROM, to: REVIEW_TO, fixes: 3_601 * entities.length, entities: entities.length });
      case 'review.frame':
        if (given.at < REVIEW_FROM || given.at > REVIEW_TO) return fail('failed', 'Nothing was cached at that time.');
        return ok({ at: given.at, tracks: entities.map((entity) => scriptedFix(entity, REVIEW_FROM + Math.floor((given.at - REVIEW_FROM) / FIX_INTERVAL_MS) * FIX_INTERVAL_MS)), rowsRead: 10 });
      case 'review.window':
        return ok(truncateWindows ? { fixes: fixesIn(given.from, given.from + FIX_INTERVAL_MS), truncated: true } : { fixes: fixesIn(given.from, given.to), truncated: false });
      case 'review.trails':
        return ok(entities.map((entity) => ({ uid: entity.uid, points: [0, 1, 2].map((step) => [9, scriptedFix(entity, given.at - (2 - step) * 1000).lat, given.at - (2 - step) * 1000] as const) })));
      case 'review.alertMarks':
        return ok(marks);
      default:
        return undefined;
    }
  };
}
