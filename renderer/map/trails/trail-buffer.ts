import type { Affiliation, Dimension } from '../../../shared/cot-type';
import type { Track } from '../../../shared/domain';

export interface TrailPoint {
  readonly time: number;
  readonly lat: number;
  readonly lon: number;
}

export interface Trail {
  readonly uid: string;
  readonly affiliation: Affiliation;
  readonly dimension: Dimension;
  /** Oldest first. */
  readonly points: readonly TrailPoint[];
}

export interface TrailLimits {
  /** A fast-reporting track may not crowd out the rest. */
  readonly maxPointsPerTrack: number;
  /** Bounds memory however many tracks there are. */
  readonly maxPointsTotal: number;
}

export const DEFAULT_TRAIL_LIMITS: TrailLimits = { maxPointsPerTrack: 600, maxPointsTotal: 200_000 };

interface TrailEntry {
  affiliation: Affiliation;
  dimension: Dimension;
  points: TrailPoint[];
}

/**
 * Each track's recent positions, one per new state of the track, kept oldest first. When there
 * are too many in total, each track keeps an equal share of its newest positions.
 */
export class TrailBuffer {
  private readonly entries = new Map<string, TrailEntry>();
  private total = 0;

  constructor(private readonly limits: TrailLimits = DEFAULT_TRAIL_LIMITS) {}

  /** Takes the tracks present now: a newer state adds a point; a track no longer present loses its trail. */
  record(tracks: readonly Track[]): void {
    const present = new Set<string>();
    for (const track of tracks) {
      present.add(track.uid);
      this.add(track);
    }
    for (const uid of this.entries.keys()) if (!present.has(uid)) this.drop(uid);
  }

  /** Forgets every trail, as when the picture jumps to another moment. */
  reset(): void {
    this.entries.clear();
    this.total = 0;
  }

  /** Starts from trails fetched whole, such as review's trails up to the moment it shows. */
  seed(trails: readonly Trail[]): void {
    for (const trail of trails) {
      const points = trail.points.slice(-this.limits.maxPointsPerTrack);
      if (points.length === 0) continue;
      this.drop(trail.uid);
      this.entries.set(trail.uid, { affiliation: trail.affiliation, dimension: trail.dimension, points });
      this.total += points.length;
    }
    const share = this.shareOfTotal();
    for (const entry of this.entries.values()) this.trimTo(entry, share);
  }

  /** Forgets positions older than `oldest` (epoch milliseconds), and trims every trail to its share. */
  prune(oldest: number): void {
    const share = this.shareOfTotal();
    for (const [uid, entry] of this.entries) {
      const firstKept = entry.points.findIndex((point) => point.time >= oldest);
      const kept = firstKept === -1 ? 0 : entry.points.length - firstKept;
      this.trimTo(entry, Math.min(kept, share));
      if (entry.points.length === 0) this.drop(uid);
    }
  }

  trails(): Trail[] {
    return [...this.entries].map(([uid, { affiliation, dimension, points }]) => ({ uid, affiliation, dimension, points: [...points] }));
  }

  get pointCount(): number {
    return this.total;
  }

  private add(track: Track): void {
    let entry = this.entries.get(track.uid);
    if (entry === undefined) {
      entry = { affiliation: track.affiliation, dimension: track.dimension, points: [] };
      this.entries.set(track.uid, entry);
    }
    const last = entry.points.at(-1);
    if (last !== undefined && last.time >= track.time) return;
    entry.affiliation = track.affiliation;
    entry.dimension = track.dimension;
    entry.points.push({ time: track.time, lat: track.lat, lon: track.lon });
    this.total += 1;
    this.trimTo(entry, this.shareOfTotal());
  }

  private shareOfTotal(): number {
    const fairShare = Math.floor(this.limits.maxPointsTotal / Math.max(1, this.entries.size));
    return Math.max(1, Math.min(this.limits.maxPointsPerTrack, fairShare));
  }

  private trimTo(entry: TrailEntry, count: number): void {
    const excess = entry.points.length - count;
    if (excess <= 0) return;
    entry.points.splice(0, excess);
    this.total -= excess;
  }

  private drop(uid: string): void {
    this.total -= this.entries.get(uid)?.points.length ?? 0;
    this.entries.delete(uid);
  }
}
