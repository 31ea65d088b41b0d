import type { ReplayState } from './replay';
import { formatUtc } from './utc-time';

/** Over the map in review, so a past picture is never taken for the present one. */
export function ReviewBanner({ state }: { readonly state: ReplayState }) {
  if (state.mode !== 'review') return null;
  return (
    <>
      <div className="review-frame" aria-hidden="true" />
      <div className="review-banner" role="status" data-testid="review-banner">
        REVIEW — {formatUtc(state.time)} ×{state.speed} {state.playing ? 'playing' : 'paused'} — not live
      </div>
    </>
  );
}
