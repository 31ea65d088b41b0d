import type { Track } from '../../shared/domain';

/**
 * The fixes fetched ahead of the replay clock, oldest first. Playing takes from the front
 * whatever the clock has reached, so fetching and showing run at their own pace.
 */
export class PlaybackBuffer {
  private fixes: Track[] = [];
  /** The time up to which every fix has been fetched, or null before the first frame. */
  private through: number | null = null;

  /** Starts again after a frame at `at`: nothing later than it is known yet. */
  restart(at: number | null): void {
    this.fixes = [];
    this.through = at;
  }

  get fetchedThrough(): number | null {
    return this.through;
  }

  /** The fixes of the window ending at `to`, which must begin where the last one ended. */
  append(fixes: readonly Track[], to: number): void {
    this.fixes.push(...fixes);
    this.through = to;
  }

  /** Removes and returns every fix at or before `time`. */
  takeUntil(time: number): Track[] {
    let count = 0;
    while (count < this.fixes.length && (this.fixes[count]?.time ?? Infinity) <= time) count += 1;
    return count === 0 ? [] : this.fixes.splice(0, count);
  }
}
