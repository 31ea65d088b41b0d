import type { Track } from '../../../../shared/domain';
import { distanceMetres } from '../../../../shared/geo';
import type { MaxSpeeds } from '../../../../shared/rules';
import { entityName, findingAt, type Watcher } from '../watcher';

/**
 * A jump shorter than this is position noise, however short the time between the fixes: two GPS
 * fixes a few milliseconds apart would otherwise imply any speed at all.
 */
const NOISE_METRES = 250;
const wholeNumber = new Intl.NumberFormat('en-US', { maximumFractionDigits: 0 });

/**
 * Holds on a fix that could only have been reached faster than any platform of the entity's
 * dimension moves: a spoofed or corrupted position. It is judged against the previous fix, by
 * the fixes' own times; a fix older than the one before it is out of order, and skipped.
 */
export function kinematicWatcher(maxSpeeds: MaxSpeeds): Watcher {
  const previous = new Map<string, Track>();

  return {
    observe(track, _receivedAt, sink) {
      const before = previous.get(track.uid);
      if (before !== undefined && track.time < before.time) return;
      previous.set(track.uid, track);
      if (before === undefined) return;
      const metres = distanceMetres(before, track);
      const seconds = (track.time - before.time) / 1000;
      const limit = maxSpeeds[track.dimension];
      if (metres > NOISE_METRES && metres > limit * seconds) {
        sink.holds(track.uid, () =>
          findingAt(
            track,
            `${entityName(track)} moved ${(metres / 1000).toFixed(1)} km in ${seconds.toFixed(0)} s (${seconds > 0 ? `${wholeNumber.format(metres / seconds)} m/s` : 'no time at all'}), beyond the ${limit} m/s a ${track.dimension} platform reaches; the position may be spoofed or corrupt.`,
          ),
        );
      } else {
        sink.clears(track.uid);
      }
    },
  };
}
