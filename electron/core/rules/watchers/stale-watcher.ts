import type { Track } from '../../../../shared/domain';
import { NO_ENTITY, NumberColumn, ObjectColumn } from '../columns';
import { DeadlineHeap } from '../deadline-heap';
import { entityName, findingAt, type FindingSink, type Watcher } from '../watcher';

/**
 * Holds for an entity that has gone quiet: nothing heard from it for `silentSeconds`, or (when
 * asked) the time its own CoT event said it goes stale has passed. A new fix clears it.
 *
 * Time is judged once a second over every entity ever heard from, so each entity waits in a heap
 * by the earlier of its two deadlines and a tick looks only at the entities due. Once an alert
 * holds, the entity leaves the heap until it is heard from again.
 */
export function staleWatcher(silentSeconds: number | null, pastStaleTime: boolean): Watcher {
  const silentMs = silentSeconds === null ? null : silentSeconds * 1000;
  const lastFix = new ObjectColumn<Track>();
  /** By this machine's clock, so a feed replaying old fixes is judged by when they arrived. */
  const heardAt = new NumberColumn(Number.NaN);
  const due = new DeadlineHeap();

  const hold = (entity: number, now: number, sink: FindingSink): void => {
    const track = lastFix.get(entity);
    if (track === null) return;
    const silentFor = now - heardAt.get(entity);
    const silent = silentMs !== null && silentFor >= silentMs;
    sink.holds(entity, () =>
      findingAt(
        track,
        `Lost track: ${silent ? `nothing heard from ${entityName(track)} for ${describeSeconds(silentFor / 1000)}` : `${entityName(track)} is past the stale time its last report gave`}; last seen here.`,
      ),
    );
  };

  return {
    observe(track, entity, receivedAt, sink) {
      lastFix.set(entity, track);
      heardAt.set(entity, receivedAt);
      const silentAt = silentMs === null ? Number.POSITIVE_INFINITY : receivedAt + silentMs;
      const staleAt = pastStaleTime && track.stale !== null ? track.stale : Number.POSITIVE_INFINITY;
      const deadline = Math.min(silentAt, staleAt);
      if (deadline === Number.POSITIVE_INFINITY) due.remove(entity);
      else due.set(entity, deadline);
      sink.clears(entity);
    },
    tick(now, sink) {
      for (let entity = due.takeDue(now); entity !== NO_ENTITY; entity = due.takeDue(now)) hold(entity, now, sink);
    },
  };
}

function describeSeconds(seconds: number): string {
  return seconds < 120 ? `${Math.round(seconds)} s` : `${Math.round(seconds / 60)} min`;
}
