import { NumberColumn } from '../columns';
import { entityName, findingAt, type Watcher } from '../watcher';

/**
 * Holds on the first fix of an entity not seen before; every later fix clears it. Entities the
 * cache already knew when the rule started count as seen, so a restart raises nothing.
 */
export function firstSightingWatcher(alreadySeen: Iterable<number>): Watcher {
  const seen = new NumberColumn(0);
  for (const entity of alreadySeen) seen.set(entity, 1);
  return {
    observe(track, entity, _receivedAt, sink) {
      if (seen.get(entity) === 1) {
        sink.clears(entity);
        return;
      }
      seen.set(entity, 1);
      sink.holds(entity, () => findingAt(track, `First sighting of ${entityName(track)} (${track.cotType}).`));
    },
  };
}
