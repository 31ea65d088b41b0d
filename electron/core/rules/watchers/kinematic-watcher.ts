import type { Track } from '../../../../shared/domain';
import { distanceMetres } from '../../../../shared/geo';
import type { MaxSpeeds } from '../../../../shared/rules';
import { ObjectColumn } from '../columns';
import { cosOfLatitude, flatSquaredMetres } from '../spatial-grid';
import { entityName, findingAt, wholeNumber, type Watcher } from '../watcher';

/**
 * A jump shorter than this is position noise, however short the time between the fixes: two GPS
 * fixes a few milliseconds apart would otherwise imply any speed at all.
 */
const NOISE_METRES = 250;
/**
 * Below this distance, and away from the poles, the flat measure at the mean latitude is within a
 * tenth of a percent of the great circle, so a jump it puts clearly under the limit needs no
 * more trigonometry.
 */
const FLAT_ENOUGH_METRES = 50_000;
const FLAT_ENOUGH_LATITUDE = 80;
const FLAT_MARGIN = 0.99;

/**
 * Holds on a fix that could only have been reached faster than any platform of the entity's
 * dimension moves: a spoofed or corrupted position. It is judged against the previous fix, by
 * the fixes' own times; a fix older than the one before it is out of order, and skipped.
 */
export function kinematicWatcher(maxSpeeds: MaxSpeeds): Watcher {
  const previous = new ObjectColumn<Track>();

  return {
    observe(track, entity, _receivedAt, sink) {
      const before = previous.get(entity);
      if (before !== null && track.time < before.time) return;
      previous.set(entity, track);
      if (before === null) return;
      const seconds = (track.time - before.time) / 1000;
      const limit = maxSpeeds[track.dimension];
      const allowed = Math.max(NOISE_METRES, limit * seconds);
      const flat = Math.sqrt(flatSquaredMetres(before.lat, before.lon, cosOfLatitude((before.lat + track.lat) / 2), track.lat, track.lon));
      if (flat < FLAT_ENOUGH_METRES && flat < allowed * FLAT_MARGIN && Math.abs(track.lat) < FLAT_ENOUGH_LATITUDE) {
        sink.clears(entity);
        return;
      }
      const metres = distanceMetres(before, track);
      if (metres <= allowed) {
        sink.clears(entity);
        return;
      }
      sink.holds(entity, () =>
        findingAt(
          track,
          `${entityName(track)} moved ${(metres / 1000).toFixed(1)} km in ${seconds.toFixed(0)} s (${seconds > 0 ? `${wholeNumber(metres / seconds)} m/s` : 'no time at all'}), beyond the ${limit} m/s a ${track.dimension} platform reaches; the position may be spoofed or corrupt.`,
        ),
      );
    },
  };
}
