import { entityName, findingAt, type Watcher } from '../watcher';

/**
 * Holds on the first fix of an entity not seen before; every later fix clears it. Entities the
 * cache already knew when the rule started count as seen, so a restart raises nothing.
 */
export function firstSightingWatcher(alreadySeen: Iterable<string>): Watcher {
  const seen = new Set(alreadySeen);
  return {
    observe(track, _receivedAt, sink) {
      if (seen.has(track.uid)) {
        sink.clears(track.uid);
        return;
      }
      seen.add(track.uid);
      sink.holds(track.uid, () => findingAt(track, `First sighting of ${entityName(track)} (${track.cotType}).`));
    },
  };
}
