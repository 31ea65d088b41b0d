import { useState, type KeyboardEvent } from 'react';
import { formatUtc, parseUtc } from './utc-time';

interface ReviewTimeFieldProps {
  readonly time: number;
  readonly onSeek: (time: number) => void;
}

/** Arrow keys move by a second, or by a minute with Shift. */
const ARROW_MS = 1_000;
const SHIFT_ARROW_MS = 60_000;

/** The review time in UTC, which the analyst may type over to go to an exact moment. */
export function ReviewTimeField({ time, onSeek }: ReviewTimeFieldProps) {
  const [typed, setTyped] = useState<string | null>(null);
  const [problem, setProblem] = useState<string | null>(null);

  const commit = (): void => {
    if (typed === null) return;
    const parsed = parseUtc(typed);
    if (parsed === null) {
      setProblem('Type the time as YYYY-MM-DD HH:MM:SSZ, in UTC.');
      return;
    }
    setTyped(null);
    setProblem(null);
    onSeek(parsed);
  };
  const onKeyDown = (event: KeyboardEvent<HTMLInputElement>): void => {
    if (event.key === 'Enter') {
      event.preventDefault();
      commit();
    } else if (event.key === 'Escape') {
      setTyped(null);
      setProblem(null);
    } else if (event.key === 'ArrowUp' || event.key === 'ArrowDown') {
      event.preventDefault();
      const step = (event.shiftKey ? SHIFT_ARROW_MS : ARROW_MS) * (event.key === 'ArrowUp' ? 1 : -1);
      setTyped(null);
      onSeek(time + step);
    }
  };

  return (
    <span className="review-time-field">
      <input
        type="text"
        data-testid="review-time-input"
        aria-label="Review time, UTC"
        aria-invalid={problem !== null}
        title="Type a UTC time and press Enter. Arrow keys move a second, with Shift a minute."
        value={typed ?? formatUtc(time)}
        onChange={(event) => setTyped(event.target.value)}
        onKeyDown={onKeyDown}
        onBlur={commit}
        spellCheck={false}
      />
      {problem === null ? null : (
        <span className="review-problem" role="alert" data-testid="review-time-problem">
          {problem}
        </span>
      )}
    </span>
  );
}
