import type { Track } from '../../../../shared/domain';
import { entityName, type Watcher } from '../watcher';

/** Holds while the rule's expression is true of an entity's latest fix. */
export function expressionWatcher(matches: (track: Track, now: number) => boolean, expressionText: string): Watcher {
  return {
    observe(track, receivedAt, sink) {
      if (matches(track, receivedAt)) {
        sink.holds({ subject: track.uid, callsign: track.callsign, time: track.time, lat: track.lat, lon: track.lon, message: `${entityName(track)} matches ${expressionText}.` });
      } else {
        sink.clears(track.uid);
      }
    },
  };
}
