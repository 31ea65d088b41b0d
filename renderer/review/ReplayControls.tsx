import { REPLAY_SPEEDS } from '../../shared/review';
import type { Replay, ReplaySpeed, ReplayState } from './replay';

interface ReplayControlsProps {
  readonly replay: Replay;
  readonly state: ReplayState;
}

const isSpeed = (value: number): value is ReplaySpeed => (REPLAY_SPEEDS as readonly number[]).includes(value);

/** Step back, play or pause, step forward, and the speed. */
export function ReplayControls({ replay, state }: ReplayControlsProps) {
  return (
    <span className="review-controls">
      <button type="button" data-testid="review-step-back" title="Back 10 seconds" aria-label="Back 10 seconds" onClick={() => void replay.step(-1)}>
        −10 s
      </button>
      {state.playing ? (
        <button type="button" data-testid="review-pause" aria-label="Pause" onClick={() => replay.pause()}>
          ❚❚ Pause
        </button>
      ) : (
        <button type="button" data-testid="review-play" aria-label="Play" onClick={() => replay.play()}>
          ▶ Play
        </button>
      )}
      <button type="button" data-testid="review-step-forward" title="Forward 10 seconds" aria-label="Forward 10 seconds" onClick={() => void replay.step(1)}>
        +10 s
      </button>
      <label className="review-speed">
        Speed
        <select
          data-testid="review-speed"
          value={state.speed}
          onChange={(event) => {
            const speed = Number(event.target.value);
            if (isSpeed(speed)) replay.setSpeed(speed);
          }}
        >
          {REPLAY_SPEEDS.map((speed) => (
            <option key={speed} value={speed}>
              {speed}×
            </option>
          ))}
        </select>
      </label>
    </span>
  );
}
