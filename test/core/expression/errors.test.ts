import { describe, expect, it } from 'vitest';
import { compileExpression, MAX_EXPRESSION_LENGTH, MAX_NESTING } from '../../../shared/expression';
import { compiled, refused } from './expect-compiled';

describe('Given an expression the compiler refuses', () => {
  it.each([
  // nothing to read
    ['', 1, 0, 'Column 1: the expression is empty; write a condition such as speed > 250.'],
    ['   ', 1, 0, 'Column 1: the expression is empty; write a condition such as speed > 250.'],
  // an unknown field
    ['sped > 250', 1, 4, 'Column 1: there is no field called "sped"; did you mean "speed"?'],
    ['altitude > 3', 1, 8, 'Column 1: there is no field called "altitude"; did you mean "alt"?'],
    ['heading < 90', 1, 7, 'Column 1: there is no field called "heading"; did you mean "course"?'],
    ['Speed > 3 and Callsgn ~= "a"', 15, 7, 'Column 15: there is no field called "Callsgn"; did you mean "callsign"?'],
    ['foo > 3', 1, 3, 'Column 1: there is no field called "foo"; the fields are uid, callsign, type, affiliation, dimension, lat, lon, alt, alt_ft, speed, speed_kn, speed_kmh, course, age, stale, topic, source.'],
  // a missing piece
    ['speed >', 8, 0, "Column 8: expected a value after '>' but the expression ends there."],
    ['speed > 250 and', 16, 0, "Column 16: expected a condition after 'and' but the expression ends there."],
    ['not', 4, 0, "Column 4: expected a condition after 'not' but the expression ends there."],
    ['not not', 8, 0, "Column 8: expected a condition after 'not' but the expression ends there."],
    ['and speed > 1', 1, 3, "Column 1: expected a condition but found 'and'."],
    ['speed > 250 or or stale', 16, 2, "Column 16: expected a condition after 'or' but found 'or'."],
    ['()', 2, 1, "Column 2: expected a condition after '(' but found ')'."],
    ['speed > (250)', 9, 1, "Column 9: expected a value after '>' but found '('."],
  // unbalanced brackets or quotes
    ['(speed > 250', 1, 1, "Column 1: this '(' is never closed; add ')' where the condition it groups ends."],
    ['(speed > 250 or (stale)', 1, 1, "Column 1: this '(' is never closed; add ')' where the condition it groups ends."],
    ['speed > 250)', 12, 1, "Column 12: this ')' has no matching '('; remove it."],
    [') speed', 1, 1, "Column 1: expected a condition but found ')'."],
    ['callsign = "VIPER', 12, 6, 'Column 12: the text that starts here is never closed; end it with ".'],
    ["callsign = 'VIPER", 12, 6, "Column 12: the text that starts here is never closed; end it with '."],
    ['callsign = "VIPER\\"', 12, 8, 'Column 12: the text that starts here is never closed; end it with ".'],
  // a stray character
    ['speed > 250 &', 13, 1, "Column 13: '&' is not an operator here; write 'and' to require both conditions."],
    ['speed > 250 && stale', 13, 2, "Column 13: '&&' is not an operator here; write 'and' to require both conditions."],
    ['speed > 250 || stale', 13, 2, "Column 13: '||' is not an operator here; write 'or' to accept either condition."],
    ['!stale', 1, 1, "Column 1: '!' is not an operator here; write 'not' to negate a condition, or '!=' for \"not equal\"."],
    ['speed <> 3', 7, 2, "Column 7: '<>' is not an operator here; write '!=' for \"not equal\"."],
    ['speed ~ "a"', 7, 1, "Column 7: '~' is not an operator here; write '~=' to match a pattern."],
    ['speed > 250 #', 13, 1, "Column 13: '#' cannot appear outside quotes; an expression is made of field names, values and operators."],
    ['callsign ~= "x" and ä', 21, 1, "Column 21: 'ä' cannot appear outside quotes; an expression is made of field names, values and operators."],
    ['type ~= a-h-A', 10, 1, "Column 10: '-' must be followed by digits to make a negative number; put text such as a CoT type in quotes, as in \"a-h-A\"."],
    ['speed > - 3', 9, 1, "Column 9: '-' must be followed by digits to make a negative number; put text such as a CoT type in quotes, as in \"a-h-A\"."],
  // an operator that is not one
    ['speed === 250', 9, 1, "Column 9: expected a value after '==' but found '='."],
    ['speed =< 250', 8, 1, "Column 8: expected a value after '=' but found '<'."],
    ['speed => 250', 8, 1, "Column 8: expected a value after '=' but found '>'."],
  // a malformed number
    ['speed > 250kn', 9, 5, "Column 9: '250kn' is not a number; write numbers such as 250, 0.5, -3.5 or 1e3, with no unit: pick the field in the unit you want, such as speed_kn."],
    ['speed > 5.', 9, 2, "Column 9: '5.' is not a number; write numbers such as 250, 0.5, -3.5 or 1e3, with no unit: pick the field in the unit you want, such as speed_kn."],
    ['speed > 1e', 9, 2, "Column 9: '1e' is not a number; write numbers such as 250, 0.5, -3.5 or 1e3, with no unit: pick the field in the unit you want, such as speed_kn."],
    ['speed > 1e999', 9, 5, "Column 9: '1e999' is beyond the largest number Outpost can hold; write a smaller one."],
  // values that do not fit the field
    ['speed > "fast"', 9, 6, 'Column 9: speed is a number in m/s, so compare it with a number, not with the text "fast".'],
    ['callsign = 3', 12, 1, 'Column 12: callsign is text, so compare it with text in quotes, not with the number 3.'],
    ['stale = 1', 9, 1, 'Column 9: stale is true or false, so compare it with true or false, not with the number 1.'],
    ['affiliation = 3', 15, 1, 'Column 15: affiliation is one of friend, hostile, neutral, unknown, so compare it with one of its values in quotes, not with the number 3.'],
    ['speed in [1, "2"]', 14, 3, 'Column 14: speed is a number in m/s, so compare it with a number, not with the text "2".'],
    ['affiliation = "hostil"', 15, 8, 'Column 15: affiliation has no value "hostil"; did you mean "hostile"? Its values are friend, hostile, neutral, unknown.'],
    ['affiliation in ["hostile", "suspect"]', 28, 9, 'Column 28: affiliation has no value "suspect"; its values are friend, hostile, neutral, unknown.'],
    ['dimension = "sea"', 13, 5, 'Column 13: dimension has no value "sea"; its values are ground, air, sea-surface, subsurface, space, other.'],
  // an operator the field does not take
    ['speed ~= "3"', 7, 2, "Column 7: '~=' matches text, but speed is a number in m/s; use '=', '!=', '<', '<=', '>' or '>='."],
    ['stale ~= "t"', 7, 2, "Column 7: '~=' matches text, but stale is true or false; use '=' or '!='."],
    ['callsign < "b"', 10, 1, "Column 10: '<' compares numbers, but callsign is text; use '=', '!=', '~=' or 'in'."],
    ['affiliation > "a"', 13, 1, "Column 13: '>' compares numbers, but affiliation is one of friend, hostile, neutral, unknown; use '=', '!=', '~=' or 'in'."],
    ['stale < true', 7, 1, "Column 7: '<' compares numbers, but stale is true or false; use '=' or '!='."],
  // a comparison without one field and one value
    ['affiliation = hostile', 15, 7, 'Column 15: there is no field called "hostile"; to compare affiliation with text, put the text in quotes: "hostile".'],
    ['callsign = alpha', 12, 5, 'Column 12: there is no field called "alpha"; to compare callsign with text, put the text in quotes: "alpha".'],
    ['speed > alt', 9, 3, 'Column 9: compare speed with a value, not with the field alt.'],
    ['250 > 100', 1, 9, 'Column 1: this comparison names no field; put a field on one side, as in speed > 250.'],
    ['"a-h" ~= type', 1, 5, "Column 1: '~=' needs a field on its left, as in type ~= \"a-h-A\"."],
    ['type ~= callsign', 9, 8, "Column 9: '~=' needs a pattern in quotes on its right, as in type ~= \"a-h-A\"."],
    ['type ~= 3', 9, 1, "Column 9: '~=' needs a pattern in quotes on its right, as in type ~= \"a-h-A\"."],
    ['3 in [1, 2]', 1, 1, "Column 1: 'in' needs a field on its left, as in affiliation in [\"hostile\", \"neutral\"]."],
    ['affiliation in [hostile]', 17, 7, 'Column 17: a list holds values, not field names; put text in quotes, as in "hostile".'],
  // a bad pattern
    ['type ~= ""', 9, 2, "Column 9: the pattern after '~=' is empty; write the start of a CoT type, such as \"a-h-A\"."],
    ['callsign ~= ""', 13, 2, "Column 13: the pattern after '~=' is empty; write the text to look for."],
    ['type ~= "a--A"', 9, 6, 'Column 9: the type pattern "a--A" has an empty atom; put one atom or * between each pair of dashes, as in "a-*-A".'],
    ['type ~= "a-h-"', 9, 6, 'Column 9: the type pattern "a-h-" has an empty atom; put one atom or * between each pair of dashes, as in "a-*-A".'],
    ['type ~= "a-.-A"', 9, 7, 'Column 9: "." in the type pattern "a-.-A" is not an atom; atoms are letters and digits between dashes, and * stands for any one atom, as in "a-*-A".'],
    ['type ~= "a-h*"', 9, 6, 'Column 9: "h*" in the type pattern "a-h*" is not an atom; atoms are letters and digits between dashes, and * stands for any one atom, as in "a-*-A".'],
    ['type ~= "a-f-.*"', 9, 8, 'Column 9: ".*" in the type pattern "a-f-.*" is not an atom; atoms are letters and digits between dashes, and * stands for any one atom, as in "a-*-A".'],
    ['type ~= "a- h"', 9, 6, 'Column 9: " h" in the type pattern "a- h" is not an atom; atoms are letters and digits between dashes, and * stands for any one atom, as in "a-*-A".'],
  // a value where a condition belongs
    ['speed', 1, 5, 'Column 1: speed is a number in m/s, not a condition; compare it, as in speed > 0.'],
    ['callsign', 1, 8, 'Column 1: callsign is text, not a condition; compare it, as in callsign ~= "abc".'],
    ['type', 1, 4, 'Column 1: type is text, not a condition; compare it, as in type ~= "a-h-A".'],
    ['affiliation', 1, 11, 'Column 1: affiliation is one of friend, hostile, neutral, unknown, not a condition; compare it, as in affiliation = "friend".'],
    ['stale and speed', 11, 5, 'Column 11: speed is a number in m/s, not a condition; compare it, as in speed > 0.'],
    ['250', 1, 3, 'Column 1: 250 is a value, not a condition; compare a field with it, as in speed > 250.'],
    ['"abc"', 1, 5, 'Column 1: "abc" is a value, not a condition; compare a field with it, as in callsign = "abc".'],
    ['null', 1, 4, 'Column 1: null is a value, not a condition; compare a field with it, as in speed = null.'],
  // a misused null
    ['speed > null', 9, 4, "Column 9: null can only be compared with '=' or '!=', as in speed = null."],
    ['uid = null', 7, 4, 'Column 7: uid always has a value, so it is never null; remove this comparison.'],
    ['lat != null', 8, 4, 'Column 8: lat always has a value, so it is never null; remove this comparison.'],
    ['speed in [1, null]', 14, 4, 'Column 14: a list cannot hold null; test for a missing value with speed = null.'],
  // a malformed list
    ['affiliation in "hostile"', 16, 9, "Column 16: expected '[' to open a list after 'in' but found \"hostile\"."],
    ['affiliation in []', 16, 2, "Column 16: the list is empty; put at least one value between '[' and ']'."],
    ['affiliation in ["hostile"', 16, 1, "Column 16: this '[' is never closed; add ']' after the last value."],
    ['affiliation in ["hostile" "neutral"]', 27, 9, "Column 27: expected ',' or ']' after \"hostile\" but found \"neutral\"."],
    ['affiliation in ["hostile",]', 27, 1, "Column 27: expected a value after ',' but found ']'."],
    ['affiliation not ["hostile"]', 17, 1, "Column 17: expected 'in' after 'not' but found '['."],
    ['affiliation not', 16, 0, "Column 16: expected 'in' after 'not' but the expression ends there."],
  // comparisons run together
    ['1 < speed < 5', 11, 1, "Column 11: comparisons cannot be chained; join them with 'and', as in speed > 1 and speed < 5."],
    ['speed > 1 = true', 11, 1, "Column 11: comparisons cannot be chained; join them with 'and', as in speed > 1 and speed < 5."],
    ['speed > 250 stale', 13, 5, "Column 13: expected 'and', 'or' or the end of the expression after '250' but found 'stale'."],
    ['speed > 250 300', 13, 3, "Column 13: expected 'and', 'or' or the end of the expression after '250' but found '300'."],
    ['speed < 3 in [1]', 11, 2, "Column 11: expected 'and', 'or' or the end of the expression after '3' but found 'in'."],
    ['(stale) > 1', 9, 1, "Column 9: expected 'and', 'or' or the end of the expression after ')' but found '>'."],
    ['speed 250', 7, 3, "Column 7: expected 'and', 'or' or the end of the expression after 'speed' but found '250'."],
  ])('When the expression is %s, Then column %i, %i long, says what to do', (text, column, length, message) => {
    expect(refused(text)).toEqual({ message, column, length });
  });

  it('When the compiler refuses, Then it answers with a result and throws nothing', () => {
    expect(compileExpression('speed >')).toEqual({
      ok: false,
      error: { message: "Column 8: expected a value after '>' but the expression ends there.", column: 8, length: 0 },
    });
  });
});

describe('Given the limits that keep hostile input cheap', () => {
  it(`When the expression is exactly ${MAX_EXPRESSION_LENGTH} characters, Then it compiles`, () => {
    expect(compiled('speed > 1'.padEnd(MAX_EXPRESSION_LENGTH)).canonicalText).toBe('speed > 1');
  });

  it('When the expression is longer, Then the error points at the first character over the limit and covers the rest', () => {
    expect(refused('speed > 1'.padEnd(MAX_EXPRESSION_LENGTH + 5))).toEqual({
      message: 'Column 2001: the expression is 2005 characters long, over the limit of 2000; shorten it or split it into several rules.',
      column: 2_001,
      length: 5,
    });
  });

  it('When a megabyte arrives, Then it is refused by its length before anything reads it', () => {
    expect(refused('('.repeat(1_000_000)).column).toBe(MAX_EXPRESSION_LENGTH + 1);
  });

  it(`When parentheses nest ${MAX_NESTING} deep, Then the expression compiles`, () => {
    expect(compiled(`${'('.repeat(MAX_NESTING)}stale${')'.repeat(MAX_NESTING)}`).canonicalText).toBe('stale');
    expect(compiled(`${'not '.repeat(MAX_NESTING)}stale`).evaluate).toBeTypeOf('function');
  });

  it('When parentheses and not nest deeper, Then the error points at the one too many', () => {
    expect(refused(`${'('.repeat(MAX_NESTING + 1)}stale${')'.repeat(MAX_NESTING + 1)}`)).toEqual({
      message: "Column 65: parentheses and 'not' nest more than 64 deep here; simplify the expression.",
      column: 65,
      length: 1,
    });
    expect(refused(`${'not ('.repeat(40)}stale${')'.repeat(40)}`)).toEqual({
      message: "Column 161: parentheses and 'not' nest more than 64 deep here; simplify the expression.",
      column: 161,
      length: 3,
    });
  });

  it('When and and or run long without nesting, Then the chain is not nesting and compiles', () => {
    const chain = Array.from({ length: 200 }, (_, index) => (index % 2 === 0 ? 'stale' : 'STALE')).join(' or ');
    expect(chain.length).toBeLessThanOrEqual(MAX_EXPRESSION_LENGTH);
    expect(compiled(chain).fields).toEqual(['stale']);
  });
});
