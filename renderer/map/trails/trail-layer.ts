import type { ExpressionSpecification, LayerSpecification } from 'maplibre-gl';
import { AFFILIATIONS } from '../../../shared/cot-type';
import { affiliationColours } from '../affiliation-colours';

export const TRAIL_SOURCE = 'track-trails';
export const TRAIL_LAYER = 'track-trails';

/** Faint enough that a dense picture's trails do not hide the symbols or the basemap. */
const TRAIL_OPACITY = 0.45;

const colourByAffiliation = ['match', ['get', 'affiliation'], ...AFFILIATIONS.flatMap((affiliation) => [affiliation, affiliationColours[affiliation]]), affiliationColours.unknown] as unknown as ExpressionSpecification;

export const trailLayer: LayerSpecification = {
  id: TRAIL_LAYER,
  type: 'line',
  source: TRAIL_SOURCE,
  layout: { 'line-cap': 'round', 'line-join': 'round' },
  paint: { 'line-color': colourByAffiliation, 'line-width': 2, 'line-opacity': TRAIL_OPACITY },
};
