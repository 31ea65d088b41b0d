export interface SparklineSample {
  readonly time: number;
  /** Null where the report did not carry the value: the line breaks there. */
  readonly value: number | null;
}

export interface SparklineBox {
  readonly width: number;
  readonly height: number;
  /** Kept clear inside the edges so the stroke is never clipped. */
  readonly inset: number;
}

/**
 * An SVG path through the samples, time along x and value up y, each scaled to fill the box.
 * A flat series is drawn through the middle. Empty when fewer than two samples carry a value,
 * since one point makes no line.
 */
export function sparklinePath(samples: readonly SparklineSample[], box: SparklineBox): string {
  const known = samples.filter((sample): sample is { time: number; value: number } => sample.value !== null);
  if (known.length < 2) return '';
  const times = known.map((sample) => sample.time);
  const values = known.map((sample) => sample.value);
  const x = scale(Math.min(...times), Math.max(...times), box.inset, box.width - box.inset);
  // SVG's y grows downwards, so the largest value maps to the top.
  const y = scale(Math.min(...values), Math.max(...values), box.height - box.inset, box.inset);

  let path = '';
  let penDown = false;
  for (const sample of samples) {
    if (sample.value === null) {
      penDown = false;
      continue;
    }
    path += `${penDown ? 'L' : 'M'}${round(x(sample.time))} ${round(y(sample.value))}`;
    penDown = true;
  }
  return path;
}

/** The range of the values that are known, or null when none is. */
export function valueRange(samples: readonly SparklineSample[]): { min: number; max: number } | null {
  const values = samples.flatMap((sample) => (sample.value === null ? [] : [sample.value]));
  return values.length === 0 ? null : { min: Math.min(...values), max: Math.max(...values) };
}

function scale(from: number, to: number, start: number, end: number): (value: number) => number {
  if (from === to) return () => (start + end) / 2;
  return (value) => start + ((value - from) / (to - from)) * (end - start);
}

function round(value: number): number {
  return Math.round(value * 10) / 10;
}
