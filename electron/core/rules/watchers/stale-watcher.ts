import type { Track } from '../../../../shared/domain';
import { entityName, findingAt, type Watcher } from '../watcher';

interface LastHeard {
  track: Track;
  /** By this machine's clock, so a feed replaying old fixes is judged by when they arrived. */
  receivedAt: number;
}

/**
 * Holds for an entity that has gone quiet: nothing heard from it for `silentSeconds`, or (when
 * asked) the time its own CoT event said it goes stale has passed. A new fix clears it.
 */
export function staleWatcher(silentSeconds: number | null, pastStaleTime: boolean): Watcher {
  const heard = new Map<string, LastHeard>();
  const silentMs = silentSeconds === null ? null : silentSeconds * 1000;

  return {
    observe(track, receivedAt, sink) {
      const last = heard.get(track.uid);
      if (last === undefined) heard.set(track.uid, { track, receivedAt });
      else {
        last.track = track;
        last.receivedAt = receivedAt;
      }
      sink.clears(track.uid);
    },
    tick(now, sink) {
      for (const last of heard.values()) {
        const silentFor = now - last.receivedAt;
        const silent = silentMs !== null && silentFor >= silentMs;
        if (!silent && !(pastStaleTime && last.track.stale !== null && now >= last.track.stale)) continue;
        const { track } = last;
        sink.holds(track.uid, () =>
          findingAt(
            track,
            `Lost track: ${silent ? `nothing heard from ${entityName(track)} for ${describeSeconds(silentFor / 1000)}` : `${entityName(track)} is past the stale time its last report gave`}; last seen here.`,
          ),
        );
      }
    },
  };
}

function describeSeconds(seconds: number): string {
  return seconds < 120 ? `${Math.round(seconds)} s` : `${Math.round(seconds / 60)} min`;
}
