import { describe, expect, it } from 'vitest';
import { blankComposeForm, parseReportTime, validateComposeForm } from '../../renderer/outbox/compose-form-model';

const NOW = Date.UTC(2026, 10, 26, 14, 5, 30);

describe('Given the time a SALUTE was seen, as typed', () => {
  it.each([
    ['2026-11-26 14:05Z', Date.UTC(2026, 10, 26, 14, 5)],
    ['2026-11-26T09:30Z', Date.UTC(2026, 10, 26, 9, 30)],
    ['2026-11-26 09:30', Date.UTC(2026, 10, 26, 9, 30)],
    ['2026-11-26 09:30:15z', Date.UTC(2026, 10, 26, 9, 30, 15)],
    ['2026-11-26 09:30:15.25Z', Date.UTC(2026, 10, 26, 9, 30, 15, 250)],
    ['261405ZNOV26', Date.UTC(2026, 10, 26, 14, 5)],
    ['250930Z nov 2026', Date.UTC(2026, 10, 25, 9, 30)],
  ])('When it reads “%s”, Then it is that moment in UTC', (typed, expected) => {
    expect(parseReportTime(typed, NOW)).toEqual({ ok: true, time: expected });
  });

  it.each([
    ['', 'Enter the time it was seen.'],
    ['yesterday', 'Outpost cannot read “yesterday” as a time. Write it in UTC, as 2026-11-26 14:05Z or as a date-time group such as 261405ZNOV26.'],
    ['2026-02-30 10:00Z', 'There is no time “2026-02-30 10:00Z”. Check the day, hour and minute.'],
    ['261465ZNOV26', 'There is no time “261465ZNOV26”. Check the day, hour and minute.'],
    ['261405ZXYZ26', 'Outpost cannot read “261405ZXYZ26” as a time. Write it in UTC, as 2026-11-26 14:05Z or as a date-time group such as 261405ZNOV26.'],
    ['2026-11-26 15:00Z', '2026-11-26 15:00Z is still to come; a report gives the time it was seen.'],
  ])('When it reads “%s”, Then it is refused with a sentence', (typed, problem) => {
    expect(parseReportTime(typed, NOW)).toEqual({ ok: false, problem });
  });

  it('When the clock runs a few minutes behind the analyst’s, Then a time just ahead of it is still taken', () => {
    expect(parseReportTime('2026-11-26 14:09Z', NOW).ok).toBe(true);
  });

  it('When the form is opened, Then the time starts as now in UTC and is valid as it stands', () => {
    const fields = { ...blankComposeForm('edge', NOW), kind: 'salute' as const, saluteSize: 'unknown', saluteActivity: 'unknown', saluteLocation: '40.1, 9.2', saluteUnit: 'unknown', saluteEquipment: 'unknown' };
    expect(fields.saluteTime).toBe('2026-11-26 14:05Z');
    const outcome = validateComposeForm(fields, NOW);
    expect(outcome.ok && outcome.draft.content).toMatchObject({ kind: 'salute', time: Date.UTC(2026, 10, 26, 14, 5) });
  });
});
