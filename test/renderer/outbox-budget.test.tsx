import { describe, expect, it } from 'vitest';
import { budgetInputText, describeRate, parseBudget } from '../../renderer/outbox/budget-input';
import { formatByteRate, formatSize } from '../../renderer/outbox/byte-units';
import { formatDrainTime } from '../../renderer/outbox/drain-time';

describe('Given a budget typed in KB/s', () => {
  it.each([
    ['1.2', 1_200],
    [' 2 ', 2_000],
    ['.5', 500],
    ['0.1', 100],
    ['1.229', 1_229],
    ['100000', 100_000_000],
  ])('When it reads “%s”, Then it is %d bytes a second', (typed, bytesPerSecond) => {
    expect(parseBudget(typed)).toEqual({ ok: true, bytesPerSecond });
  });

  it.each([
    ['', 'Enter the budget in KB/s, such as 1.2 for a 9.6 kbit/s radio link.'],
    ['fast', 'Outpost cannot read “fast” as a rate. Enter the budget in KB/s as a number, such as 1.2.'],
    ['1,2', 'Outpost cannot read “1,2” as a rate. Enter the budget in KB/s as a number, such as 1.2.'],
    ['0', 'A budget must be more than 0 KB/s. To let the destination send as fast as it can, choose No limit.'],
    ['-3', 'A budget must be more than 0 KB/s. To let the destination send as fast as it can, choose No limit.'],
    ['0.09', 'The lowest budget is 0.1 KB/s ≈ 0.8 kbit/s: anything slower would hold a report for minutes.'],
    ['100001', 'The highest budget is 100,000 KB/s ≈ 800,000 kbit/s. For a faster link, choose No limit.'],
  ])('When it reads “%s”, Then it is refused with a sentence saying what to enter', (typed, problem) => {
    expect(parseBudget(typed)).toEqual({ ok: false, problem });
  });

  it('When a saved budget is shown in the input and saved again unchanged, Then it is the same budget', () => {
    for (const bytesPerSecond of [100, 1_200, 1_229, 2_000, 100_000_000]) {
      expect(parseBudget(budgetInputText(bytesPerSecond))).toEqual({ ok: true, bytesPerSecond });
    }
    expect(budgetInputText(null)).toBe('');
  });

  it('When a budget is described, Then it is in KB/s and in the kbit/s radio links are rated in', () => {
    expect(describeRate(2_000)).toBe('2 KB/s ≈ 16 kbit/s');
    expect(describeRate(1_200)).toBe('1.2 KB/s ≈ 9.6 kbit/s');
    expect(describeRate(1_229)).toBe('1.229 KB/s ≈ 9.8 kbit/s');
  });
});

describe('Given sizes and rates in the Outbox', () => {
  it('When they are shown, Then 1 KB is 1,000 bytes, as in the budgets', () => {
    expect([formatSize(312), formatSize(12_400), formatSize(999), formatSize(3_100_000)]).toEqual(['312 B', '12.4 KB', '999 B', '3.1 MB']);
    expect([formatByteRate(1_900), formatByteRate(640.4)]).toEqual(['1.9 KB/s', '640 B/s']);
  });
});

describe('Given the seconds a queue takes to drain', () => {
  it.each([
    [0, 'under a minute'],
    [59, 'under a minute'],
    [185, 'about 3 min'],
    [3_569, 'about 59 min'],
    [3_570, 'about 1 h'],
    [8_100, 'about 2 h 15 min'],
    [86_400, 'about 1 d'],
    [100_800, 'about 1 d 4 h'],
  ])('When it is %d s, Then it reads “%s”', (seconds, reading) => {
    expect(formatDrainTime(seconds)).toBe(reading);
  });
});
