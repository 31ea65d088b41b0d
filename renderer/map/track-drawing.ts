import type { GeoJSONSource, LayerSpecification, Map as MapLibreMap } from 'maplibre-gl';
import type { Track } from '../../shared/domain';
import type { TrackView } from '../tracks/track-store';
import { DEFAULT_STALENESS_POLICY, stalenessOf, type StalenessPolicy } from '../../shared/staleness';
import { drawableSidcResolver } from './symbols/drawable-sidc';
import type { Milsymbol } from './symbols/milsymbol';
import { provideTrackImages } from './symbols/symbol-images';
import { trackBounds } from './track-features';
import { clusterLayers, clusterOptions, clusterProperties, NOT_A_CLUSTER } from './track-clusters';
import { LABEL_FONTSTACK, LABEL_LAYER, TRACK_LAYER, TRACK_SOURCE, trackLayers } from './track-layers';
import { mapTimingsEnabled, recordFrame, recordTrackBatch } from './map-timings';
import { TrackSourceDiff, type TrackSourceUpdate } from './track-source-diff';
import { alertRingLayer } from './alert-rings';

/**
 * `?baselineCircles` draws each track as a plain circle instead of its symbol, label and heading
 * arrow. It exists only for `npm run bench:map`, which measures the same feed both ways in one run
 * to factor out the speed of the machine's (software) GL; nothing in the app sets it.
 */
const BASELINE_CIRCLES_PARAM = 'baselineCircles';
const baselineCircleLayers: LayerSpecification[] = [
  { id: TRACK_LAYER, type: 'circle', source: TRACK_SOURCE, filter: NOT_A_CLUSTER, paint: { 'circle-radius': 5, 'circle-color': '#4da3ff' } },
  ...clusterLayers(TRACK_SOURCE, LABEL_FONTSTACK),
];

/** Staleness follows the clock, not the feed: a silent track must dim, then go, with nothing arriving. */
const STALENESS_CHECK_MS = 1000;

/** The tracks on the map, kept current until stopped. */
export interface TrackDrawing {
  /** Draws only the tracks `shows` lets through; the rest leave the map and its clusters. */
  show(shows: (track: Track) => boolean): void;
  /** Groups dense tracks at low zoom, or draws every track as its own symbol at every zoom. */
  setClustered(clustered: boolean): void;
  stop(): void;
}

/**
 * Puts the store's tracks on a loaded map and keeps them current: on every store change (at most
 * once a frame) and every second, the source hears only what changed. The first time there are
 * tracks to show, the map frames them. Staleness is judged at `now`: the wall clock live, the
 * moment reviewed in review.
 */
export function drawTracks(map: MapLibreMap, store: TrackView, ms: Milsymbol, now: () => number = Date.now, policy: StalenessPolicy = DEFAULT_STALENESS_POLICY): TrackDrawing {
  map.addSource(TRACK_SOURCE, {
    type: 'geojson',
    data: { type: 'FeatureCollection', features: [] },
    promoteId: 'uid',
    ...clusterOptions(true),
    clusterProperties,
  });
  const stopImages = provideTrackImages(map, ms);
  const baseline = new URLSearchParams(window.location.search).has(BASELINE_CIRCLES_PARAM);
  for (const layer of baseline ? baselineCircleLayers : trackLayers) map.addLayer(layer);
  // Added with the others, not later: a layer added to the source afterwards makes MapLibre reload it.
  // Beneath the callsigns and symbols, so a ring frames a symbol without covering it.
  if (!baseline) map.addLayer(alertRingLayer, LABEL_LAYER);

  const diff = new TrackSourceDiff(drawableSidcResolver(ms), policy);
  let shows: (track: Track) => boolean = () => true;
  let framed = false;
  const redraw = (): void => {
    const source = map.getSource<GeoJSONSource>(TRACK_SOURCE);
    if (source === undefined) return;
    const started = mapTimingsEnabled() ? performance.now() : 0;
    const tracks = store.snapshot();
    const at = now();
    const update = diff.next(tracks, at, shows);
    if (update !== null) {
      apply(source, update);
      if (started !== 0) recordTrackBatch(started, changesIn(update), (uid) => store.get(uid), tracks);
    }
    if (!framed) framed = frame(map, tracks.filter((track) => stalenessOf(track, at, policy) !== 'hidden'));
  };

  redraw();
  const unsubscribe = store.subscribe(redraw);
  const timer = window.setInterval(redraw, STALENESS_CHECK_MS);
  const onRender = (): void => recordFrame(() => map.isSourceLoaded(TRACK_SOURCE));
  map.on('render', onRender);
  return {
    show(next) {
      shows = next;
      redraw();
    },
    setClustered(clustered) {
      map.getSource<GeoJSONSource>(TRACK_SOURCE)?.setClusterOptions(clusterOptions(clustered));
    },
    stop() {
      map.off('render', onRender);
      window.clearInterval(timer);
      unsubscribe();
      stopImages();
    },
  };
}

function apply(source: GeoJSONSource, update: TrackSourceUpdate): void {
  if (update.kind === 'replace') source.setData(update.data);
  else source.updateData(update.diff);
}

function changesIn(update: TrackSourceUpdate): number {
  if (update.kind === 'replace') return update.data.features.length;
  return (update.diff.add?.length ?? 0) + (update.diff.update?.length ?? 0) + (update.diff.remove?.length ?? 0);
}

function frame(map: MapLibreMap, tracks: readonly Track[]): boolean {
  const bounds = trackBounds(tracks);
  if (bounds === null) return false;
  map.fitBounds(bounds, { padding: 40, animate: false });
  return true;
}
