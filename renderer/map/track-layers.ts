import type { ExpressionSpecification, LayerSpecification } from 'maplibre-gl';
import { HEADING_ARROW_IMAGE } from './symbols/heading-arrow';
import { clusterLayers, NOT_A_CLUSTER } from './track-clusters';

export const TRACK_SOURCE = 'tracks';
/** The layer that draws one symbol per drawn track: what the map counts as a rendered track. */
export const TRACK_LAYER = 'tracks';
export const SELECTION_LAYER = 'track-selection';
const HEADING_LAYER = 'track-headings';
export const LABEL_LAYER = 'track-labels';

/** Layers name this fontstack; the glyph protocol draws every fontstack in the bundled label face. */
export const LABEL_FONTSTACK = 'Outpost Label';

const STALE_OPACITY = 0.6;
const HAS_HEADING: ExpressionSpecification = ['==', ['typeof', ['get', 'heading']], 'number'];
const dimmedWhenStale = ['match', ['get', 'stale'], 'stale', STALE_OPACITY, 1] as unknown as ExpressionSpecification;

export function selectionFilter(uid: string | null): ExpressionSpecification {
  return ['==', ['get', 'uid'], uid ?? ''];
}

/**
 * Bottom to top: the selection halo, heading arrows, callsigns, the symbols, then the clusters
 * that stand for dense tracks at low zoom. MapLibre places the top layer first, so every symbol
 * is drawn (they may overlap) and a callsign shows only where it clears the symbols and the
 * other callsigns.
 */
export const trackLayers: LayerSpecification[] = [
  {
    id: SELECTION_LAYER,
    type: 'circle',
    source: TRACK_SOURCE,
    filter: selectionFilter(null),
    paint: {
      'circle-radius': 21,
      'circle-color': 'rgba(255,255,255,0.15)',
      'circle-stroke-color': '#ffffff',
      'circle-stroke-width': 2,
    },
  },
  {
    // The arrow is a separate icon turned by `icon-rotate` rather than milsymbol's `direction`
    // option: a course change then updates one number instead of drawing and uploading a new
    // symbol image for every heading, and the arrow turns with the map if it is ever rotated.
    id: HEADING_LAYER,
    type: 'symbol',
    source: TRACK_SOURCE,
    filter: ['all', NOT_A_CLUSTER, HAS_HEADING],
    layout: {
      'icon-image': HEADING_ARROW_IMAGE,
      'icon-anchor': 'bottom',
      // The filter leaves out tracks with no heading. An end-to-end run once still saw MapLibre warn
      // of a null number here, so a null turns to nothing drawn rather than a north arrow.
      'icon-rotate': ['coalesce', ['get', 'heading'], 0],
      'icon-rotation-alignment': 'map',
      'icon-allow-overlap': true,
      'icon-ignore-placement': true,
    },
    paint: { 'icon-opacity': ['case', HAS_HEADING, dimmedWhenStale, 0] as unknown as ExpressionSpecification },
  },
  {
    id: LABEL_LAYER,
    type: 'symbol',
    source: TRACK_SOURCE,
    filter: NOT_A_CLUSTER,
    layout: {
      'text-field': ['get', 'callsign'],
      'text-font': [LABEL_FONTSTACK],
      'text-size': 12,
      'text-anchor': 'left',
      // Clears the widest frame (a friendly ground unit, about 18 px either side of its centre).
      'text-offset': [1.7, 0],
      'text-max-width': 12,
      'text-padding': 1,
    },
    paint: {
      'text-color': '#e8eef2',
      'text-halo-color': '#0b1320',
      'text-halo-width': 1.5,
      'text-opacity': dimmedWhenStale,
    },
  },
  {
    id: TRACK_LAYER,
    type: 'symbol',
    source: TRACK_SOURCE,
    filter: NOT_A_CLUSTER,
    layout: {
      'icon-image': ['get', 'symbol'],
      'icon-anchor': 'center',
      'icon-allow-overlap': true,
    },
    paint: { 'icon-opacity': dimmedWhenStale },
  },
  ...clusterLayers(TRACK_SOURCE, LABEL_FONTSTACK),
];
