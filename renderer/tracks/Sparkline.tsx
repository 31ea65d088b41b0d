import { sparklinePath, valueRange, type SparklineBox, type SparklineSample } from './sparkline';

interface SparklineProps {
  readonly label: string;
  readonly samples: readonly SparklineSample[];
  /** How the smallest and largest values are written beside the line. */
  readonly format: (value: number) => string;
  readonly testId: string;
}

const BOX: SparklineBox = { width: 200, height: 36, inset: 2 };

export function Sparkline({ label, samples, format, testId }: SparklineProps) {
  const path = sparklinePath(samples, BOX);
  const range = valueRange(samples);
  const plotted = samples.filter((sample) => sample.value !== null).length;
  return (
    <figure className="track-sparkline" data-testid={testId} data-points={path === '' ? 0 : plotted}>
      <figcaption>
        <span>{label}</span>
        <span className="track-sparkline-range">{range === null ? 'not reported' : `${format(range.min)} to ${format(range.max)}`}</span>
      </figcaption>
      <svg viewBox={`0 0 ${BOX.width} ${BOX.height}`} preserveAspectRatio="none" role="img" aria-label={`${label} over the last ${plotted} reports`}>
        <rect className="track-sparkline-frame" x={0} y={0} width={BOX.width} height={BOX.height} />
        {path === '' ? null : <path className="track-sparkline-line" d={path} />}
      </svg>
    </figure>
  );
}
