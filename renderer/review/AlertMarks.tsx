import type { AlertMark } from '../../shared/review';
import { formatUtc } from './utc-time';

interface AlertMarksProps {
  readonly marks: readonly AlertMark[];
  readonly from: number;
  readonly to: number;
  readonly onShow: (mark: AlertMark) => void;
}

/** Alerts as ticks along the timeline, coloured by severity; a click goes to the moment and the entity. */
export function AlertMarks({ marks, from, to, onShow }: AlertMarksProps) {
  const span = Math.max(1, to - from);
  return (
    <div className="review-alert-marks" aria-label="Alerts on the timeline">
      {marks.map((mark) => (
        <button
          key={mark.id}
          type="button"
          className={`review-alert-mark severity-${mark.severity}`}
          data-testid="review-alert-mark"
          data-alert-id={mark.id}
          style={{ left: `${((mark.time - from) / span) * 100}%` }}
          title={`${mark.ruleName}: ${mark.callsign ?? mark.subject} at ${formatUtc(mark.time)}`}
          aria-label={`${mark.ruleName}, ${mark.callsign ?? mark.subject}, ${formatUtc(mark.time)}`}
          onClick={() => onShow(mark)}
        />
      ))}
    </div>
  );
}
