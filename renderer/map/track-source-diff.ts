import type { FeatureCollection, Point } from 'geojson';
import type { GeoJSONFeatureDiff, GeoJSONSourceDiff } from 'maplibre-gl';
import type { Track } from '../../shared/domain';
import { DEFAULT_STALENESS_POLICY, stalenessOf, type StalenessPolicy } from '../../shared/staleness';
import type { SidcResolver } from './symbols/drawable-sidc';
import type { DrawnStaleness } from './symbols/symbol-image-id';
import { trackFeature, type TrackFeature, type TrackProperties } from './track-features';

/** What the track source must hear: all of its data again, or only what changed. */
export type TrackSourceUpdate =
  | { readonly kind: 'replace'; readonly data: FeatureCollection<Point, TrackProperties> }
  | { readonly kind: 'diff'; readonly diff: GeoJSONSourceDiff };

interface DrawnTrack {
  track: Track;
  staleness: DrawnStaleness;
  feature: TrackFeature;
  /** The pass that last saw this track in the store, to find the ones the store has dropped. */
  seenInPass: number;
}

const PROPERTY_KEYS: ReadonlyArray<keyof TrackProperties> = ['uid', 'callsign', 'affiliation', 'dimension', 'sidc', 'stale', 'symbol', 'heading'];

/**
 * Remembers what the map's track source holds and works out, from the store's snapshot and the
 * time, the smallest update that brings it up to date. The store replaces a track's object when it
 * changes, so an unchanged track costs one identity check and one staleness comparison; features
 * are built and sent only for tracks that moved, changed, went stale, were hidden or removed.
 * When most of the picture changed at once, sending it whole is cheaper than a diff.
 */
export class TrackSourceDiff {
  private readonly drawn = new Map<string, DrawnTrack>();
  private pass = 0;

  constructor(
    private readonly sidcOf: SidcResolver,
    private readonly policy: StalenessPolicy = DEFAULT_STALENESS_POLICY,
  ) {}

  /**
   * The update that makes the source show `tracks` as of `now`, or null when it already does.
   * Tracks that `shows` turns away leave the source as hidden ones do, so clusters count only
   * what the analyst chose to see.
   */
  next(tracks: readonly Track[], now: number, shows: (track: Track) => boolean = showsEvery): TrackSourceUpdate | null {
    this.pass += 1;
    const add: TrackFeature[] = [];
    const update: GeoJSONFeatureDiff[] = [];
    const remove: string[] = [];
    let stillDrawn = 0;

    for (const track of tracks) {
      const staleness = shows(track) ? stalenessOf(track, now, this.policy) : 'hidden';
      const drawn = this.drawn.get(track.uid);
      if (staleness === 'hidden') {
        if (drawn !== undefined) {
          this.drawn.delete(track.uid);
          remove.push(track.uid);
        }
        continue;
      }
      stillDrawn += 1;
      if (drawn === undefined) {
        const feature = trackFeature(track, this.sidcOf(track.cotType), staleness);
        this.drawn.set(track.uid, { track, staleness, feature, seenInPass: this.pass });
        add.push(feature);
        continue;
      }
      drawn.seenInPass = this.pass;
      if (drawn.track === track && drawn.staleness === staleness) continue;
      const feature = trackFeature(track, this.sidcOf(track.cotType), staleness);
      const change = featureChange(drawn.feature, feature);
      if (change !== null) update.push(change);
      drawn.track = track;
      drawn.staleness = staleness;
      drawn.feature = feature;
    }

    if (this.drawn.size > stillDrawn) {
      for (const [uid, drawn] of this.drawn) {
        if (drawn.seenInPass === this.pass) continue;
        this.drawn.delete(uid);
        remove.push(uid);
      }
    }

    const changes = add.length + update.length + remove.length;
    if (changes === 0) return null;
    if (changes > this.drawn.size / 2) {
      return { kind: 'replace', data: { type: 'FeatureCollection', features: [...this.drawn.values()].map((drawn) => drawn.feature) } };
    }
    return { kind: 'diff', diff: { add, update, remove } };
  }
}

const showsEvery = (): boolean => true;

/** Only the geometry and properties that differ, or null when the feature is unchanged. */
function featureChange(before: TrackFeature, after: TrackFeature): GeoJSONFeatureDiff | null {
  const change: GeoJSONFeatureDiff = { id: after.properties.uid };
  const [lonBefore, latBefore] = before.geometry.coordinates;
  const [lonAfter, latAfter] = after.geometry.coordinates;
  if (lonBefore !== lonAfter || latBefore !== latAfter) change.newGeometry = after.geometry;
  const properties = PROPERTY_KEYS.filter((key) => before.properties[key] !== after.properties[key]).map((key) => ({
    key,
    value: after.properties[key],
  }));
  if (properties.length > 0) change.addOrUpdateProperties = properties;
  return change.newGeometry === undefined && properties.length === 0 ? null : change;
}
