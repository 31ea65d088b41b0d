import type { MapHandle } from './map/MapView';
import { enableMapTimings, mapTimingsReport, type MapTimingsReport } from './map/map-timings';
import type { RenderedCluster, RenderedSymbol } from './map/rendered-tracks';
import type { ReviewRange } from '../shared/review';
import type { Replay, ReplaySpeed } from './review/replay';
import type { ViewMode } from './review/switchable-track-view';
import type { TrackView } from './tracks/track-store';

export interface OutpostTestHooks {
  renderedTrackCount(): number;
  /** Each track symbol the map placed, with what its feature says it shows. */
  renderedSymbols(): RenderedSymbol[];
  /** Each cluster drawn at low zoom, with its members counted by affiliation. */
  renderedClusters(): RenderedCluster[];
  renderedLabelCount(): number;
  /** The uids the selection halo is drawn around. */
  renderedSelection(): string[];
  trackScreenPoint(uid: string): { x: number; y: number } | null;
  storedTrackCount(): number;
  trackPosition(uid: string): { lat: number; lon: number } | null;
  trackUids(): string[];
  /** Where the map is centred, so a test can tell whether it follows a track. */
  mapCenter(): { lat: number; lon: number };
  mapZoom(): number;
  /** Whether the map shows the live feed or a moment from the cache. */
  reviewMode(): ViewMode;
  /** The moment review shows, epoch milliseconds, or null live. */
  reviewTime(): number | null;
  reviewPlaying(): boolean;
  reviewSpeed(): ReplaySpeed;
  /** The span the slider covers, as last read from the cache. */
  reviewRange(): ReviewRange;
  /** False while a seek is on its way: the picture does not show `reviewTime()` yet. */
  reviewSettled(): boolean;
  /**
   * Where on the screen the slider's thumb would sit at `time`, in client coordinates, so a test
   * can drag it there as a hand would; null while the slider is not shown.
   */
  reviewSliderPoint(time: number): { x: number; y: number } | null;
  /** For `npm run bench:map`: what each track batch cost the main thread and how long records took to reach the map. */
  mapTimings(): MapTimingsReport;
}

/**
 * Read-only probes for the end-to-end tests, installed only when the page is
 * opened with `?testHooks`. They report what the map actually drew.
 */
export function installTestHooks(scope: Window, store: TrackView, map: MapHandle, replay: Replay): void {
  enableMapTimings();
  const hooks: OutpostTestHooks = {
    renderedTrackCount: () => map.renderedTrackCount(),
    renderedSymbols: () => map.renderedSymbols(),
    renderedClusters: () => map.renderedClusters(),
    renderedLabelCount: () => map.renderedLabelCount(),
    renderedSelection: () => map.renderedSelection(),
    trackScreenPoint: (uid) => map.trackScreenPoint(uid),
    storedTrackCount: () => store.size,
    trackPosition: (uid) => {
      const track = store.get(uid);
      return track === undefined ? null : { lat: track.lat, lon: track.lon };
    },
    trackUids: () => store.snapshot().map((track) => track.uid),
    mapCenter: () => map.mapCenter(),
    mapZoom: () => map.mapZoom(),
    mapTimings: () => mapTimingsReport(),
    reviewMode: () => replay.state().mode,
    reviewTime: () => (replay.state().mode === 'review' ? replay.state().time : null),
    reviewPlaying: () => replay.state().playing,
    reviewSpeed: () => replay.state().speed,
    reviewRange: () => replay.state().range,
    reviewSettled: () => !replay.state().seeking,
    reviewSliderPoint: (time) => sliderPoint(scope.document, replay.state().range, time),
  };
  Object.defineProperty(scope, '__outpostTest', { value: Object.freeze(hooks), configurable: true });
}

/** The slider's thumb travels its width less one thumb; browsers draw the thumb about this wide. */
const SLIDER_THUMB_PX = 16;

function sliderPoint(page: Document, range: ReviewRange, time: number): { x: number; y: number } | null {
  const slider = page.querySelector<HTMLInputElement>('[data-testid="review-slider"]');
  if (slider === null || range === null) return null;
  const box = slider.getBoundingClientRect();
  const share = range.to === range.from ? 0 : Math.min(1, Math.max(0, (time - range.from) / (range.to - range.from)));
  return { x: box.left + SLIDER_THUMB_PX / 2 + share * (box.width - SLIDER_THUMB_PX), y: box.top + box.height / 2 };
}
