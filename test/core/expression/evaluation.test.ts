import { describe, expect, it } from 'vitest';
import type { ExpressionSubject } from '../../../shared/expression';
import { compiled } from './expect-compiled';
import { aSubject, NOW } from './subject-builder';

const matches = (text: string, subject: ExpressionSubject = aSubject(), now = NOW): boolean => compiled(text).evaluate(subject, now);

describe('Given a hostile jet at 260 m/s and 3,000 m, seen 30 s ago', () => {
  it.each([
    ['speed > 250 and type ~= "a-h-A"', true],
    ['speed > 250 and type ~= "a-f"', false],
    ['speed > 260', false],
    ['speed >= 260', true],
    ['speed < 260', false],
    ['speed <= 260', true],
    ['speed = 260', true],
    ['speed == 260', true],
    ['speed != 260', false],
    ['speed != 100', true],
    ['250 < speed', true],
    ['260 >= speed', true],
    ['speed_kn > 505 and speed_kn < 506', true],
    ['speed_kmh > 935.9 and speed_kmh < 936.1', true],
    ['alt = 3000', true],
    ['alt_ft > 9842 and alt_ft < 9843', true],
    ['lat > -3.5', true],
    ['lon < -3.5', false],
    ['lat > 4e1 and lat < 1E3 and lon > 9.2e-0', true],
    ['lat > .5 and lon > -.5', true],
    ['course = 270', true],
    ['age = 30', true],
    ['age < 29.5', false],
    ['stale', false],
    ['not stale', true],
    ['stale = false', true],
    ['affiliation = "hostile"', true],
    ['affiliation = "Hostile"', true],
    ['affiliation != "friend"', true],
    ['affiliation in ["hostile", "neutral"]', true],
    ['affiliation in ["FRIEND"]', false],
    ['affiliation not in ["hostile"]', false],
    ['dimension = "air"', true],
    ['dimension in ["ground", "sea-surface"]', false],
    ['callsign = "VIPER 21"', true],
    ['callsign = "viper 21"', false],
    ["callsign = 'VIPER 21'", true],
    ['callsign in ["VIPER 21", "VIPER 22"]', true],
    ['uid = "track-7"', true],
    ['type = "a-h-A-M-F"', true],
    ['type = "a-h-A"', false],
    ['type in ["a-h-A-M-F", "a-h-G"]', true],
    ['topic = "cot.air" and source = "kafka-north"', true],
    ['course in [90, 180, 270]', true],
    ['speed in [1, 2, 3, 4, 5, 6, 7, 8, 9, 10, 260]', true],
    ['uid not in ["a", "b", "c", "d", "e", "f", "g", "h", "i", "j"]', true],
    ['stale in [false]', true],
    ['true', true],
    ['false', false],
    ['not false', true],
  ])('When the expression is %s, Then it is %s', (text, expected) => {
    expect(matches(text)).toBe(expected);
  });

  it('When keywords, literals and field names are written in any case, Then they mean the same', () => {
    expect(matches('SPEED > 250 AND Type ~= "a-h" Or NOT stale')).toBe(true);
    expect(matches('Stale = FALSE and CALLSIGN != NULL')).toBe(true);
    expect(matches('affiliation NOT IN ["friend"]')).toBe(true);
  });

  it('When the expression spans lines and tabs, Then whitespace only separates', () => {
    expect(matches('speed > 250\n\tand\r\n  stale = false')).toBe(true);
    expect(matches('speed>250 and(stale=false)and(not\tstale)')).toBe(true);
  });

  it('When text holds escaped quotes and backslashes, Then the backslash makes the next character literal', () => {
    expect(matches('callsign = "say \\"hi\\""', aSubject({ callsign: 'say "hi"' }))).toBe(true);
    expect(matches("callsign = 'it\\'s'", aSubject({ callsign: "it's" }))).toBe(true);
    expect(matches('callsign = "C:\\\\x"', aSubject({ callsign: 'C:\\x' }))).toBe(true);
    expect(matches('callsign = "say \'hi\'"', aSubject({ callsign: "say 'hi'" }))).toBe(true);
  });
});

describe('Given and, or, not and parentheses', () => {
  it.each([
    ['true or false and false', true, 'and binds tighter than or'],
    ['false and false or true', true, 'and binds tighter than or'],
    ['(true or false) and false', false, 'parentheses group first'],
    ['not true or true', true, 'not binds tighter than or'],
    ['not false and false', false, 'not binds tighter than and'],
    ['not (false and false)', true, 'parentheses put and under not'],
    ['not not true', true, 'not applies twice'],
    ['not speed > 300', true, 'not applies to the whole comparison'],
    ['speed > 1 and speed > 2 and speed > 3 and speed > 300', false, 'every operand of and must hold'],
    ['false or false or false or speed > 250', true, 'any operand of or may hold'],
  ])('When the expression is %s, Then it is %s because %s', (text, expected) => {
    expect(matches(text)).toBe(expected);
  });

  it('When not, and and or mix without parentheses, Then the canonical text shows the grouping', () => {
    expect(compiled('not stale or speed > 1000 and affiliation = "friend"').canonicalText).toBe('not stale or (speed > 1000 and affiliation = "friend")');
    expect(compiled('NOT speed > 300 AND (stale OR true)').canonicalText).toBe('not (speed > 300) and (stale or true)');
  });
});

describe('Given a track whose speed, course, height and callsign are unknown', () => {
  const unknown = aSubject({ speed: null, course: null, hae: null, callsign: null });

  it.each([
    ['speed > 0', false],
    ['speed < 0', false],
    ['speed = 0', false],
    ['speed != 0', false],
    ['speed in [0, 1]', false],
    ['speed not in [0, 1]', false],
    ['not (speed > 0)', true],
    ['speed = null', true],
    ['speed == null', true],
    ['speed != null', false],
    ['null = speed', true],
    ['speed_kn > 0 or speed_kmh > 0 or speed_kn = 0', false],
    ['speed_kn = null and speed_kmh = null', true],
    ['alt_ft < 100 or alt > -100', false],
    ['alt = null and alt_ft = null', true],
    ['course >= 0', false],
    ['callsign ~= "a"', false],
    ['callsign = ""', false],
    ['callsign != "VIPER 21"', false],
    ['callsign = null', true],
  ])('When the expression is %s, Then it is %s', (text, expected) => {
    expect(matches(text, unknown)).toBe(expected);
  });

  it('When the same track has them, Then != null holds and = null does not', () => {
    expect(matches('speed != null and course != null and alt != null and callsign != null')).toBe(true);
    expect(matches('speed = null or course = null or alt = null or callsign = null')).toBe(false);
  });
});

describe('Given fields that depend on the time of evaluation', () => {
  it('When the same fix is evaluated later, Then its age grows', () => {
    const expression = compiled('age > 60');
    expect(expression.evaluate(aSubject(), NOW)).toBe(false);
    expect(expression.evaluate(aSubject(), NOW + 31_000)).toBe(true);
  });

  it('When the stale time passes, Then stale becomes true, and a fix without one never goes stale', () => {
    const expression = compiled('stale');
    expect(expression.evaluate(aSubject(), NOW + 59_999)).toBe(false);
    expect(expression.evaluate(aSubject(), NOW + 60_000)).toBe(true);
    expect(expression.evaluate(aSubject({ stale: null }), NOW + 1e12)).toBe(false);
  });

  it('When the expression is compiled, Then it lists the fields it reads once each, so time-dependent ones can be spotted', () => {
    expect(compiled('speed > 1 and (Speed < 5 or stale) and age < 60').fields).toEqual(['speed', 'stale', 'age']);
    expect(compiled('true').fields).toEqual([]);
  });
});

describe('Given the canonical text of an expression', () => {
  it.each([
    ['SPEED == 250', 'speed = 250'],
    ['250 < speed', 'speed > 250'],
    ['-3.5 >= lat', 'lat <= -3.5'],
    ['lat > 1e3', 'lat > 1000'],
    ['null != callsign', 'callsign != null'],
    ["affiliation IN ['Hostile', 'NEUTRAL']", 'affiliation in ["hostile", "neutral"]'],
    ['speed NOT IN [1,2]', 'speed not in [1, 2]'],
    ["callsign ~= 'say \"hi\"'", 'callsign ~= "say \\"hi\\""'],
    ['((stale))', 'stale'],
    ['uid = "x" OR TRUE', 'uid = "x" or true'],
  ])('When %s is compiled, Then it reads as %s', (text, canonical) => {
    expect(compiled(text).canonicalText).toBe(canonical);
  });

  it('When the canonical text is compiled again, Then it reads the same and answers the same', () => {
    const subjects = [aSubject(), aSubject({ speed: null, callsign: null }), aSubject({ affiliation: 'friend', cotType: 'a-f-G' })];
    for (const text of ['not stale or speed > 250 and type ~= "a-*-A"', 'callsign ~= "vi*21" and not (affiliation in ["friend"] or alt = null)', 'speed_kn >= 1e-3']) {
      const first = compiled(text);
      const second = compiled(first.canonicalText);
      expect(second.canonicalText).toBe(first.canonicalText);
      for (const subject of subjects) expect(second.evaluate(subject, NOW)).toBe(first.evaluate(subject, NOW));
    }
  });
});
