import { describe, expect, it } from 'vitest';
import { compiled } from './expect-compiled';
import { aSubject, NOW } from './subject-builder';

describe('Given type ~= with a CoT type pattern', () => {
  it.each([
    ['a-h-A', 'a-h-A', true, 'the same atoms'],
    ['a-h-A', 'a-h-A-M-F', true, 'a type that starts with the same atoms'],
    ['a-h-A', 'a-h-AB', false, 'an atom that only starts the same'],
    ['a-h-A', 'a-h', false, 'a type with fewer atoms'],
    ['a-h-A', 'a-h-G', false, 'a different atom'],
    ['a-h-A', 'a-H-A', false, 'an atom in another case'],
    ['a', 'a', true, 'a one-atom type'],
    ['a', 'ab-h-A', false, 'a first atom that only starts the same'],
    ['a-*-A', 'a-f-A-C', true, 'any one atom where the star is'],
    ['a-*-A', 'a-h-A', true, 'any one atom where the star is'],
    ['a-*-A', 'a-f-G-E-V-A', false, 'an A further along: the star stands for one atom, not several'],
    ['a-*-A', 'a--A', false, 'an empty atom, which is no atom'],
    ['a-h-*', 'a-h-G', true, 'at least one atom after the star'],
    ['a-h-*', 'a-h', false, 'nothing where the star needs an atom'],
    ['*', 'b-m-p-s-p-i', true, 'any first atom'],
    ['*', '', false, 'no atom at all'],
    ['*-*-A-*', 'a-h-A-M-F', true, 'several stars'],
    ['*-*-A-*', 'a-h-A', false, 'a type too short for the last star'],
  ])('When %s is matched against %s, Then it is %s: %s', (pattern, type, expected) => {
    expect(compiled(`type ~= "${pattern}"`).evaluate(aSubject({ cotType: type }), NOW)).toBe(expected);
  });
});

describe('Given ~= on other text', () => {
  it.each([
    ['viper', 'VIPER 21', true, 'the text anywhere, ignoring case'],
    ['PER 2', 'VIPER 21', true, 'the text anywhere, ignoring case'],
    ['viper 21 ', 'VIPER 21', false, 'more than the text holds'],
    ['v*21', 'VIPER 21', true, 'a star standing for any run'],
    ['vi*p*er', 'VIPER 21', true, 'a star standing for an empty run'],
    ['21*viper', 'VIPER 21', false, 'the pieces out of order'],
    ['*', 'VIPER 21', true, 'a pattern of stars only'],
    ['a.b (1)', 'A.B (1)', true, 'punctuation taken literally'],
    ['a.b', 'AxB', false, 'a dot that is only a dot'],
    ['ü', 'MÜLLER', true, 'case ignored beyond ASCII'],
  ])('When %s is matched against %s, Then it is %s: %s', (pattern, callsign, expected) => {
    expect(compiled(`callsign ~= "${pattern}"`).evaluate(aSubject({ callsign }), NOW)).toBe(expected);
  });

  it('When the field is an enum or the topic, Then the same rule applies', () => {
    expect(compiled('dimension ~= "SEA"').evaluate(aSubject({ dimension: 'sea-surface' }), NOW)).toBe(true);
    expect(compiled('topic ~= "cot.*air"').evaluate(aSubject({ topic: 'ops.cot.fast-air' }), NOW)).toBe(true);
    expect(compiled('topic ~= "cot.air"').evaluate(aSubject({ topic: 'cotXair' }), NOW)).toBe(false);
  });

  it('When the same expression is evaluated again, Then the earlier match leaves nothing behind', () => {
    const expression = compiled('callsign ~= "a*b"');
    expect(expression.evaluate(aSubject({ callsign: 'xxxxa-b' }), NOW)).toBe(true);
    expect(expression.evaluate(aSubject({ callsign: 'ab' }), NOW)).toBe(true);
  });

  it('When a pattern full of stars meets a long text that almost matches, Then the answer comes at once', () => {
    const expression = compiled(`callsign ~= "${'a*'.repeat(200)}b"`);
    expect(expression.evaluate(aSubject({ callsign: 'a'.repeat(10_000) }), NOW)).toBe(false);
  });
});
