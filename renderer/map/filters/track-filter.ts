import type { ExpressionSpecification } from 'maplibre-gl';
import type { Affiliation, Dimension } from '../../../shared/cot-type';
import type { Track } from '../../../shared/domain';

/**
 * What the analyst chose to see. An empty list or prefix means "any": a fresh filter shows
 * every track, and each choice narrows it.
 */
export interface TrackFilter {
  readonly affiliations: readonly Affiliation[];
  readonly dimensions: readonly Dimension[];
  readonly topics: readonly string[];
  /** A CoT type prefix such as `a-h-A`, matched on whole type segments. */
  readonly typePrefix: string;
}

export const NO_TRACK_FILTER: TrackFilter = { affiliations: [], dimensions: [], topics: [], typePrefix: '' };

export function isTrackFilterActive(filter: TrackFilter): boolean {
  return filter.affiliations.length > 0 || filter.dimensions.length > 0 || needsTrackUids(filter);
}

/**
 * The map's features carry affiliation and dimension but neither topic nor CoT type, so a filter
 * on those reaches the map as the list of matching uids, which goes out of date as tracks come.
 */
export function needsTrackUids(filter: TrackFilter): boolean {
  return filter.topics.length > 0 || filter.typePrefix.trim() !== '';
}

/** The track list's side of the filter: true for each track the filter lets through. */
export function trackFilterPredicate(filter: TrackFilter): (track: Track) => boolean {
  const affiliations = new Set<string>(filter.affiliations);
  const dimensions = new Set<string>(filter.dimensions);
  const byUid = uidPredicate(filter);
  return (track) =>
    (affiliations.size === 0 || affiliations.has(track.affiliation)) && (dimensions.size === 0 || dimensions.has(track.dimension)) && byUid(track);
}

/**
 * The map's side of the same filter, for `map.setFilter`: null when it lets everything through.
 * `tracks` are the tracks present now, needed only when the filter names topics or a type.
 */
export function trackFilterExpression(filter: TrackFilter, tracks: readonly Track[]): ExpressionSpecification | null {
  const conditions: ExpressionSpecification[] = [];
  if (filter.affiliations.length > 0) conditions.push(propertyIn('affiliation', filter.affiliations));
  if (filter.dimensions.length > 0) conditions.push(propertyIn('dimension', filter.dimensions));
  if (needsTrackUids(filter)) {
    const byUid = uidPredicate(filter);
    conditions.push(propertyIn('uid', tracks.filter(byUid).map((track) => track.uid)));
  }
  if (conditions.length === 0) return null;
  const [only] = conditions;
  return conditions.length === 1 && only !== undefined ? only : ['all', ...conditions];
}

/** `a-h-A` matches `a-h-A` and `a-h-A-M-F` but not `a-h-Ax`: CoT types are read segment by segment. */
export function matchesTypePrefix(cotType: string, prefix: string): boolean {
  const wanted = prefix.trim();
  if (wanted === '') return true;
  return cotType === wanted || cotType.startsWith(`${wanted}-`);
}

function uidPredicate(filter: TrackFilter): (track: Track) => boolean {
  const topics = new Set(filter.topics);
  return (track) => (topics.size === 0 || topics.has(track.topic)) && matchesTypePrefix(track.cotType, filter.typePrefix);
}

function propertyIn(property: string, values: readonly string[]): ExpressionSpecification {
  return ['in', ['get', property], ['literal', [...values]]];
}
