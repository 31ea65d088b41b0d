import type { ExpressionSpecification, LayerSpecification } from 'maplibre-gl';
import { AFFILIATIONS } from '../../shared/cot-type';
import { affiliationColours } from './affiliation-colours';

export const TRACK_SOURCE = 'tracks';
export const TRACK_LAYER = 'tracks';
export const SELECTION_LAYER = 'track-selection';

const colourByAffiliation = [
  'match',
  ['get', 'affiliation'],
  ...AFFILIATIONS.flatMap((affiliation) => [affiliation, affiliationColours[affiliation]]),
  affiliationColours.unknown,
] as unknown as ExpressionSpecification;

export function selectionFilter(uid: string | null): ExpressionSpecification {
  return ['==', ['get', 'uid'], uid ?? ''];
}

/** A dot per track in its affiliation colour, and a halo on the selected one. */
export const trackLayers: LayerSpecification[] = [
  {
    id: SELECTION_LAYER,
    type: 'circle',
    source: TRACK_SOURCE,
    filter: selectionFilter(null),
    paint: {
      'circle-radius': ['interpolate', ['linear'], ['zoom'], 4, 9, 10, 15],
      'circle-color': 'rgba(255,255,255,0.15)',
      'circle-stroke-color': '#ffffff',
      'circle-stroke-width': 2,
    },
  },
  {
    id: TRACK_LAYER,
    type: 'circle',
    source: TRACK_SOURCE,
    paint: {
      'circle-radius': ['interpolate', ['linear'], ['zoom'], 4, 3, 10, 7],
      'circle-color': colourByAffiliation,
      'circle-stroke-color': '#0b1320',
      'circle-stroke-width': 1.5,
    },
  },
];
