import type { Track } from '../../../../shared/domain';
import { entityName, findingAt, type Watcher } from '../watcher';

/** Holds while the rule's expression is true of an entity's latest fix. */
export function expressionWatcher(matches: (track: Track, now: number) => boolean, expressionText: string): Watcher {
  return {
    observe(track, entity, receivedAt, sink) {
      if (matches(track, receivedAt)) {
        sink.holds(entity, () => findingAt(track, `${entityName(track)} matches ${expressionText}.`));
      } else {
        sink.clears(entity);
      }
    },
  };
}
