import { describe, expect, it } from 'vitest';
import { sparklinePath, valueRange } from '../../renderer/tracks/sparkline';

const box = { width: 100, height: 20, inset: 0 };

describe('Given a sparkline of a track history', () => {
  it('When values rise over time, Then the path runs left to right from the bottom to the top', () => {
    const samples = [
      { time: 0, value: 0 },
      { time: 5, value: 5 },
      { time: 10, value: 10 },
    ];
    expect(sparklinePath(samples, box)).toBe('M0 20L50 10L100 0');
  });

  it('When the box has an inset, Then the line stays inside it', () => {
    expect(sparklinePath([{ time: 0, value: 1 }, { time: 1, value: 3 }], { width: 100, height: 20, inset: 2 })).toBe('M2 18L98 2');
  });

  it('When every value is the same, Then a flat line is drawn through the middle', () => {
    expect(sparklinePath([{ time: 0, value: 7 }, { time: 4, value: 7 }], box)).toBe('M0 10L100 10');
  });

  it('When a report lacks the value, Then the line breaks there and starts again after it', () => {
    const samples = [
      { time: 0, value: 0 },
      { time: 1, value: 10 },
      { time: 2, value: null },
      { time: 3, value: 10 },
      { time: 4, value: 0 },
    ];
    expect(sparklinePath(samples, box)).toBe('M0 20L25 0M75 0L100 20');
  });

  it('When fewer than two reports carry the value, Then there is no line to draw', () => {
    expect(sparklinePath([], box)).toBe('');
    expect(sparklinePath([{ time: 0, value: 3 }, { time: 1, value: null }], box)).toBe('');
  });

  it('Then the range covers only the values that are known', () => {
    expect(valueRange([{ time: 0, value: 4 }, { time: 1, value: null }, { time: 2, value: -1 }])).toEqual({ min: -1, max: 4 });
    expect(valueRange([{ time: 0, value: null }])).toBeNull();
  });
});
