import type { AlertMark } from '../../shared/review';
import { AlertMarks } from './AlertMarks';
import { ReplayControls } from './ReplayControls';
import type { Replay, ReplayState } from './replay';
import { ReviewTimeField } from './ReviewTimeField';
import { formatUtc } from './utc-time';
import './review.css';

interface ReviewBarProps {
  readonly replay: Replay;
  readonly state: ReplayState;
  readonly marks: readonly AlertMark[];
  readonly onShowMark: (mark: AlertMark) => void;
}

/** The slider's step: the time field and the arrow keys reach any millisecond. */
const SLIDER_STEP_MS = 1_000;

/** The timeline under the map: entering review, and in review the slider, time, playing and the way back to live. */
export function ReviewBar({ replay, state, marks, onShowMark }: ReviewBarProps) {
  if (state.mode === 'live') {
    return (
      <section className="review-bar review-bar-live" aria-label="Review" data-testid="review-bar" data-mode="live">
        <button type="button" data-testid="review-enter" onClick={() => void replay.enter()}>
          ◀ Review the cache
        </button>
        {state.problem === null ? null : (
          <span className="review-problem" role="alert" data-testid="review-problem">
            {state.problem}
          </span>
        )}
      </section>
    );
  }
  const range = state.range;
  return (
    <section className="review-bar review-bar-review" aria-label="Review" data-testid="review-bar" data-mode="review">
      <ReplayControls replay={replay} state={state} />
      <ReviewTimeField time={state.time} onSeek={(time) => void replay.seek(time)} />
      {range === null ? null : (
        <span className="review-timeline">
          <span className="review-range-end">{formatUtc(range.from)}</span>
          <span className="review-slider-track">
            <input
              type="range"
              data-testid="review-slider"
              aria-label="Review time"
              aria-valuetext={formatUtc(state.time)}
              min={range.from}
              max={range.to}
              step={SLIDER_STEP_MS}
              value={state.time}
              onChange={(event) => replay.drag(Number(event.target.value))}
            />
            <AlertMarks marks={marks} from={range.from} to={range.to} onShow={onShowMark} />
          </span>
          <span className="review-range-end">{formatUtc(range.to)}</span>
        </span>
      )}
      {state.problem === null ? null : (
        <span className="review-problem" role="alert" data-testid="review-problem">
          {state.problem}
        </span>
      )}
      <button type="button" className="review-live-button" data-testid="review-live" onClick={() => replay.jumpToLive()}>
        Jump to live ▶▶
      </button>
    </section>
  );
}
