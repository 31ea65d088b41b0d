import { describe, expect, it } from 'vitest';
import { pointAtError } from '../../../shared/expression';
import { refused } from './expect-compiled';

const pointed = (text: string): string => pointAtError(text, refused(text));

describe('Given an error to show under the expression', () => {
  it('When the expression ends too soon, Then one caret sits just past the end', () => {
    expect(pointed('speed >')).toBe('speed >\n       ^');
  });

  it('When the problem is a word, Then carets cover all of it', () => {
    expect(pointed('sped > 250')).toBe('sped > 250\n^^^^');
    expect(pointed('speed > 250 and callsign = 3')).toBe('speed > 250 and callsign = 3\n                           ^');
  });

  it('When the expression is empty, Then the caret sits at the start', () => {
    expect(pointed('')).toBe('\n^');
  });

  it('When the expression spans lines, Then only the line with the problem is shown', () => {
    expect(pointed('speed > 250\nand sped < 300\nor stale')).toBe('and sped < 300\n    ^^^^');
  });

  it('When tabs come before the problem, Then the caret line keeps them so the caret stays aligned', () => {
    expect(pointed('\tspeed >\t"x"')).toBe('\tspeed >\t"x"\n\t       \t^^^');
  });

  it('When the problem runs past the end of its line, Then the carets stop there', () => {
    expect(pointed('callsign = "VIPER\nor stale')).toBe('callsign = "VIPER\n           ^^^^^^');
  });
});
