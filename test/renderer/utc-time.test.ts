import { describe, expect, it } from 'vitest';
import { formatUtc, parseUtc } from '../../renderer/review/utc-time';

describe('Given the review time field’s UTC text', () => {
  it('When a time is shown and read back, Then it is the same to the second', () => {
    const time = Date.UTC(2026, 10, 26, 14, 5, 7);
    expect(formatUtc(time)).toBe('2026-11-26 14:05:07Z');
    expect(parseUtc(formatUtc(time))).toBe(time);
  });

  it('When seconds, the Z or the space are left out or written as ISO does, Then it still reads the time', () => {
    expect(parseUtc('2026-11-26 14:05')).toBe(Date.UTC(2026, 10, 26, 14, 5));
    expect(parseUtc(' 2026-11-26T14:05:07z ')).toBe(Date.UTC(2026, 10, 26, 14, 5, 7));
  });

  it('When the text is not a time, or names a day that does not exist, Then it is refused', () => {
    expect(parseUtc('yesterday')).toBeNull();
    expect(parseUtc('2026-02-31 10:00:00Z')).toBeNull();
    expect(parseUtc('2026-11-26 25:00:00Z')).toBeNull();
  });
});
