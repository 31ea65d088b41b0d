import type { ExpressionSpecification, GeoJSONSourceSpecification, LayerSpecification } from 'maplibre-gl';
import { AFFILIATIONS, type Affiliation } from '../../shared/cot-type';
import { affiliationColours } from './affiliation-colours';

/**
 * Dense tracks are grouped at zoom levels up to and including this one: a view wider than a few
 * hundred kilometres, where symbols a few kilometres apart would pile on one another. From the
 * next level in, every track is drawn as its own symbol.
 */
export const CLUSTER_MAX_ZOOM = 7;
/** Tracks closer than this on screen (in pixels; a symbol is about 36 px wide) are grouped. */
const CLUSTER_RADIUS_PX = 32;
/** Two or three symbols side by side still read; grouping starts above that. */
const CLUSTER_MIN_POINTS = 4;

export const CLUSTER_LAYER = 'track-clusters';
const CLUSTER_COUNT_LAYER = 'track-cluster-counts';
export const CLUSTER_LAYER_IDS: readonly string[] = [CLUSTER_LAYER, CLUSTER_COUNT_LAYER];

/** The track layers draw lone tracks only; a cluster is drawn by the cluster layers. */
export const NOT_A_CLUSTER: ExpressionSpecification = ['!', ['has', 'point_count']];
const A_CLUSTER: ExpressionSpecification = ['has', 'point_count'];

/** The track source's clustering options, switched off as a whole when the analyst wants every symbol. */
export function clusterOptions(clustered: boolean): Pick<GeoJSONSourceSpecification, 'cluster' | 'clusterMaxZoom' | 'clusterRadius' | 'clusterMinPoints'> {
  return { cluster: clustered, clusterMaxZoom: CLUSTER_MAX_ZOOM, clusterRadius: CLUSTER_RADIUS_PX, clusterMinPoints: CLUSTER_MIN_POINTS };
}

/** Each cluster counts its members by affiliation, so its ring can warn of a hostile inside. */
export const clusterProperties: Readonly<Record<string, unknown>> = Object.fromEntries(
  AFFILIATIONS.map((affiliation) => [affiliation, ['+', ['case', ['==', ['get', 'affiliation'], affiliation], 1, 0]]]),
);

/** The ring takes the most threatening affiliation present: hostile, then unknown, neutral, friend. */
const THREAT_ORDER: readonly Affiliation[] = ['hostile', 'unknown', 'neutral', 'friend'];
const ringColour = [
  'case',
  // End-to-end runs under load saw MapLibre warn of a null here: a cluster without its counts
  // counts as zero rather than failing the expression.
  ...THREAT_ORDER.slice(0, -1).flatMap((affiliation) => [['>', ['coalesce', ['get', affiliation], 0], 0], affiliationColours[affiliation]]),
  affiliationColours.friend,
] as unknown as ExpressionSpecification;

export function clusterLayers(source: string, fontstack: string): LayerSpecification[] {
  return [
    {
      id: CLUSTER_LAYER,
      type: 'circle',
      source,
      filter: A_CLUSTER,
      paint: {
        'circle-radius': ['step', ['get', 'point_count'], 14, 10, 17, 50, 21, 250, 26],
        'circle-color': 'rgba(11, 19, 32, 0.85)',
        'circle-stroke-color': ringColour,
        'circle-stroke-width': 3,
      },
    },
    {
      id: CLUSTER_COUNT_LAYER,
      type: 'symbol',
      source,
      filter: A_CLUSTER,
      layout: {
        'text-field': ['get', 'point_count_abbreviated'],
        'text-font': [fontstack],
        'text-size': 12,
        'text-allow-overlap': true,
        'text-ignore-placement': true,
      },
      paint: { 'text-color': '#e8eef2' },
    },
  ];
}
