import { describe, expect, it } from 'vitest';
import { formatBytes, formatCount, formatRate, formatUtcDateTime, formatUtcTime } from '../../renderer/connections/figures';

describe('Given the figures the Connections panel shows', () => {
  it('When counts are large, Then they are grouped by thousands', () => {
    expect(formatCount(12_340)).toBe('12,340');
  });

  it('When a feed is quiet, Then its rate keeps a tenth; when busy, whole records', () => {
    expect(formatRate(0)).toBe('0 records/s');
    expect(formatRate(2.46)).toBe('2.5 records/s');
    expect(formatRate(1234.6)).toBe('1,235 records/s');
  });

  it('When sizes grow, Then they are shown in B, KB and MB', () => {
    expect(formatBytes(312)).toBe('312 B');
    expect(formatBytes(2_048)).toBe('2 KB');
    expect(formatBytes(3.5 * 1024 * 1024)).toBe('3.5 MB');
  });

  it('When a time is shown, Then it is UTC and says so', () => {
    const at = Date.UTC(2026, 10, 26, 9, 5, 7);
    expect(formatUtcTime(at)).toBe('09:05:07Z');
    expect(formatUtcDateTime(at)).toBe('2026-11-26 09:05:07Z');
  });
});
