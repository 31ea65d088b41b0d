import type { ExpressionSpecification, FilterSpecification, LayerSpecification } from 'maplibre-gl';
import type { Alert } from '../../shared/alerts';
import { NOT_A_CLUSTER } from './track-clusters';
import { TRACK_SOURCE } from './track-layers';

export const ALERT_RING_LAYER = 'track-alert-rings';

/** Red and amber, as alarm lamps are; bright enough to read on both the night and the day basemap. */
export const ALERT_RING_COLOURS = { critical: '#ff3b3b', warning: '#f5a623' } as const;

/**
 * The entities with an open alert, each under its loudest severity. Info alerts (a first
 * sighting, say) are not ringed: ringing every entity newly seen would hide the ones that matter.
 */
export interface AlertedUids {
  readonly critical: readonly string[];
  readonly warning: readonly string[];
}

export function alertedUids(alerts: readonly Alert[]): AlertedUids {
  const critical = new Set<string>();
  const warning = new Set<string>();
  for (const alert of alerts) {
    // A rate alert's subject is a subscription, not a track, and it has no place.
    if (alert.state === 'resolved' || alert.lat === null) continue;
    if (alert.severity === 'critical') critical.add(alert.subject);
    else if (alert.severity === 'warning') warning.add(alert.subject);
  }
  return { critical: [...critical], warning: [...warning].filter((uid) => !critical.has(uid)) };
}

/**
 * A ring between the selection halo and the symbol, drawn from the track source itself, so it
 * moves with its track without a source of its own. The filter is a `match`, which MapLibre looks
 * up by key rather than searching a list: 10,000 tracks against 1,000 alerted uids stay cheap.
 */
export const alertRingLayer: LayerSpecification = {
  id: ALERT_RING_LAYER,
  type: 'circle',
  source: TRACK_SOURCE,
  filter: alertRingFilter({ critical: [], warning: [] }),
  paint: {
    'circle-radius': 25,
    'circle-color': 'rgba(0,0,0,0)',
    'circle-stroke-width': 3,
    'circle-stroke-color': ALERT_RING_COLOURS.warning,
  },
};

/** Only unclustered tracks of the alerted uids; a match needs at least one label, so with none the filter is plain false. */
export function alertRingFilter(uids: AlertedUids): FilterSpecification {
  const alerted = [...uids.critical, ...uids.warning];
  return alerted.length === 0 ? false : ['all', NOT_A_CLUSTER, ['match', ['get', 'uid'], alerted, true, false]];
}

/** Red for a critical alert, amber otherwise; a match needs at least one label, hence the plain colour without any critical. */
export function alertRingColour(uids: AlertedUids): ExpressionSpecification | string {
  return uids.critical.length === 0 ? ALERT_RING_COLOURS.warning : ['match', ['get', 'uid'], [...uids.critical], ALERT_RING_COLOURS.critical, ALERT_RING_COLOURS.warning];
}
