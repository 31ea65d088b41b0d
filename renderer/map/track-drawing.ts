import type { GeoJSONSource, Map as MapLibreMap } from 'maplibre-gl';
import type { Track } from '../../shared/domain';
import type { TrackStore } from '../tracks/track-store';
import { DEFAULT_STALENESS_POLICY, stalenessOf, type StalenessPolicy } from '../tracks/staleness';
import { drawableSidcResolver } from './symbols/drawable-sidc';
import type { Milsymbol } from './symbols/milsymbol';
import { provideTrackImages } from './symbols/symbol-images';
import { trackBounds } from './track-features';
import { TRACK_SOURCE, trackLayers } from './track-layers';
import { TrackSourceDiff, type TrackSourceUpdate } from './track-source-diff';

/** Staleness follows the clock, not the feed: a silent track must dim, then go, with nothing arriving. */
const STALENESS_CHECK_MS = 1000;

/**
 * Puts the store's tracks on a loaded map and keeps them current: on every store change (at most
 * once a frame) and every second, the source hears only what changed. The first time there are
 * tracks to show, the map frames them. Returns a function that stops all of it.
 */
export function drawTracks(map: MapLibreMap, store: TrackStore, ms: Milsymbol, policy: StalenessPolicy = DEFAULT_STALENESS_POLICY): () => void {
  map.addSource(TRACK_SOURCE, { type: 'geojson', data: { type: 'FeatureCollection', features: [] }, promoteId: 'uid' });
  const stopImages = provideTrackImages(map, ms);
  for (const layer of trackLayers) map.addLayer(layer);

  const diff = new TrackSourceDiff(drawableSidcResolver(ms), policy);
  let framed = false;
  const redraw = (): void => {
    const source = map.getSource<GeoJSONSource>(TRACK_SOURCE);
    if (source === undefined) return;
    const tracks = store.snapshot();
    const now = Date.now();
    const update = diff.next(tracks, now);
    if (update !== null) apply(source, update);
    if (!framed) framed = frame(map, tracks.filter((track) => stalenessOf(track, now, policy) !== 'hidden'));
  };

  redraw();
  const unsubscribe = store.subscribe(redraw);
  const timer = window.setInterval(redraw, STALENESS_CHECK_MS);
  return () => {
    window.clearInterval(timer);
    unsubscribe();
    stopImages();
  };
}

function apply(source: GeoJSONSource, update: TrackSourceUpdate): void {
  if (update.kind === 'replace') source.setData(update.data);
  else source.updateData(update.diff);
}

function frame(map: MapLibreMap, tracks: readonly Track[]): boolean {
  const bounds = trackBounds(tracks);
  if (bounds === null) return false;
  map.fitBounds(bounds, { padding: 40, animate: false });
  return true;
}
