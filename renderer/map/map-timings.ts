import type { Track } from '../../shared/domain';

/**
 * Timings for `npm run bench:map`, recorded only once the test hooks have switched them on (the
 * page opened with `?testHooks`); otherwise every call here returns at once and nothing is kept.
 *
 * - Each redraw of the track source (store snapshot, diff, `setData`/`updateData`) leaves a
 *   `performance.measure` named {@link TRACK_BATCH_MEASURE}, with the number of changes in `detail`.
 * - For a fixed sample of tracks, the time from a track's `time` (when the demo produced the
 *   record) to the end of the first map frame drawn after the source finished loading that state.
 */
export const TRACK_BATCH_MEASURE = 'outpost:track-batch';

const LATENCY_SAMPLE_SIZE = 200;
/** Bounds what a long session with the hooks on can keep. */
const MAX_SAMPLES = 200_000;

export interface MapTimingsReport {
  /** `performance.now()` start and duration of each redraw that sent the source an update. */
  readonly batches: ReadonlyArray<{ readonly start: number; readonly duration: number; readonly changes: number }>;
  /** `performance.now()` when measured, and the record-to-map latency in ms. */
  readonly latencies: ReadonlyArray<{ readonly at: number; readonly latency: number }>;
  /** Sampled states replaced by a newer one before they reached the map. */
  readonly superseded: number;
}

interface Recorder {
  sampleUids: string[] | null;
  readonly drawnTime: Map<string, number>;
  /** Sampled record times applied to the source and not yet seen on a frame. */
  readonly pending: Map<string, number>;
  readonly latencies: Array<{ at: number; latency: number }>;
  superseded: number;
  batches: number;
}

let recorder: Recorder | null = null;

export function enableMapTimings(): void {
  recorder ??= { sampleUids: null, drawnTime: new Map(), pending: new Map(), latencies: [], superseded: 0, batches: 0 };
}

export function mapTimingsEnabled(): boolean {
  return recorder !== null;
}

/** Records one redraw that sent the source `changes` changes; `start` is its `performance.now()`. */
export function recordTrackBatch(start: number, changes: number, get: (uid: string) => Track | undefined, tracks: readonly Track[]): void {
  if (recorder === null) return;
  recorder.batches += 1;
  if (recorder.batches <= MAX_SAMPLES) performance.measure(TRACK_BATCH_MEASURE, { start, end: performance.now(), detail: { changes } });
  if (recorder.sampleUids === null || recorder.sampleUids.length < LATENCY_SAMPLE_SIZE) {
    const step = Math.max(1, Math.floor(tracks.length / LATENCY_SAMPLE_SIZE));
    recorder.sampleUids = tracks.filter((_, index) => index % step === 0).slice(0, LATENCY_SAMPLE_SIZE).map((track) => track.uid);
  }
  for (const uid of recorder.sampleUids) {
    const track = get(uid);
    if (track === undefined || recorder.drawnTime.get(uid) === track.time) continue;
    recorder.drawnTime.set(uid, track.time);
    if (recorder.pending.has(uid)) recorder.superseded += 1;
    recorder.pending.set(uid, track.time);
  }
}

/** Called after each map frame: the sampled states applied so far are on screen once the source has loaded them. */
export function recordFrame(sourceLoaded: () => boolean): void {
  if (recorder === null || recorder.pending.size === 0 || !sourceLoaded()) return;
  const now = Date.now();
  const at = performance.now();
  for (const time of recorder.pending.values()) {
    if (recorder.latencies.length < MAX_SAMPLES) recorder.latencies.push({ at, latency: now - time });
  }
  recorder.pending.clear();
}

export function mapTimingsReport(): MapTimingsReport {
  const batches = performance.getEntriesByName(TRACK_BATCH_MEASURE, 'measure').map((entry) => ({
    start: entry.startTime,
    duration: entry.duration,
    changes: Number((entry as PerformanceMeasure).detail?.changes ?? 0),
  }));
  return { batches, latencies: [...(recorder?.latencies ?? [])], superseded: recorder?.superseded ?? 0 };
}
