import { describe, expect, it } from 'vitest';
import { describeIssues } from '../../../shared/describe-issues';
import { OutboxContentSchema, formatReportTime, type SaluteReport, type Sitrep } from '../../../shared/outbox';

const SALUTE: SaluteReport = {
  kind: 'salute',
  size: '8 personnel',
  activity: 'digging in',
  lat: 40.1,
  lon: 9.2,
  unit: 'unknown',
  time: Date.UTC(2026, 10, 26, 14, 5),
  equipment: 'small arms',
};
const SITREP: Sitrep = { kind: 'sitrep', unit: '2nd Platoon', location: null, situation: 'Quiet.', actions: 'none', plans: null, logistics: null };

describe('Given a SALUTE report', () => {
  it.each(['size', 'activity', 'unit', 'equipment'] as const)('When its %s line is blank, Then the schema refuses it with a sentence naming the line', (line) => {
    const parsed = OutboxContentSchema.safeParse({ ...SALUTE, [line]: '   ' });
    expect(parsed.success).toBe(false);
    if (!parsed.success) expect(describeIssues(parsed.error)).toBe(`${line}: the ${line} line of a SALUTE report cannot be empty; write “unknown” if it is not known`);
  });

  it('When a line says “unknown”, Then the report is accepted, with its lines trimmed', () => {
    expect(OutboxContentSchema.parse({ ...SALUTE, size: ' unknown ' })).toEqual({ ...SALUTE, size: 'unknown' });
  });

  it('When it has no time seen or an impossible place, Then the schema refuses it', () => {
    expect(OutboxContentSchema.safeParse({ ...SALUTE, time: -1 }).success).toBe(false);
    expect(OutboxContentSchema.safeParse({ ...SALUTE, lat: 91 }).success).toBe(false);
    expect(OutboxContentSchema.safeParse({ ...SALUTE, equipment: undefined }).success).toBe(false);
  });
});

describe('Given a SITREP', () => {
  it('When plans, logistics and location are left out, Then it is accepted with nulls', () => {
    expect(OutboxContentSchema.parse(SITREP)).toEqual(SITREP);
  });

  it('When the unit, situation or actions are blank, Then each is refused with its own sentence', () => {
    const parsed = OutboxContentSchema.safeParse({ ...SITREP, unit: '', situation: ' ', actions: '' });
    expect(parsed.success).toBe(false);
    if (!parsed.success) {
      expect(parsed.error.issues.map((issue) => issue.message)).toEqual([
        'a SITREP names the unit that reports',
        'a SITREP needs the situation',
        'a SITREP needs the actions taken; write “none” if there were none',
      ]);
    }
  });

  it('When an optional paragraph is an empty string instead of null, Then it is refused, so the wire never carries an empty line', () => {
    expect(OutboxContentSchema.safeParse({ ...SITREP, plans: '' }).success).toBe(false);
  });
});

describe('Given a report time', () => {
  it('When it is shown, Then it is UTC to the minute with a Z', () => {
    expect(formatReportTime(Date.UTC(2026, 10, 26, 14, 5, 59))).toBe('2026-11-26 14:05Z');
  });
});
