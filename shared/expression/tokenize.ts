import { reject, type Span } from './expression-error';

// Two-character operators first, so `<=` is not read as `<` followed by `=`.
const OPERATORS = ['==', '!=', '<=', '>=', '~=', '=', '<', '>'] as const;
export type Operator = (typeof OPERATORS)[number];

const PUNCTUATION = ['(', ')', '[', ']', ','] as const;
export type Punctuation = (typeof PUNCTUATION)[number];

/** `text` is always the characters as written, so messages can quote them back. */
export type Token = Span & { readonly text: string } & (
    | { readonly kind: 'number'; readonly value: number }
    | { readonly kind: 'string'; readonly value: string }
    | { readonly kind: 'word' }
    | { readonly kind: 'operator'; readonly operator: Operator }
    | { readonly kind: 'punctuation'; readonly punctuation: Punctuation }
    | { readonly kind: 'end' }
  );

const WHITESPACE = /[ \t\r\n]+/y;
const WORD = /[A-Za-z_][A-Za-z0-9_]*/y;
const NUMBER = /-?(?:[0-9]+(?:\.[0-9]+)?|\.[0-9]+)(?:[eE][+-]?[0-9]+)?/y;
// What an analyst may glue to a number, such as a unit or a second decimal point, read as one bad number.
const NUMBER_TAIL = /[A-Za-z0-9_.]+/y;

// Operators from other languages, answered with the spelling this one uses.
const FOREIGN_OPERATORS: readonly (readonly [RegExp, string])[] = [
  [/&&?/y, "write 'and' to require both conditions"],
  [/\|\|?/y, "write 'or' to accept either condition"],
  [/!/y, `write 'not' to negate a condition, or '!=' for "not equal"`],
  [/~/y, "write '~=' to match a pattern"],
];

function matchAt(pattern: RegExp, text: string, at: number): string | null {
  pattern.lastIndex = at;
  return pattern.exec(text)?.[0] ?? null;
}

/** The tokens of a text, and an `end` token just after the last of them. */
export interface Tokens {
  readonly tokens: readonly Token[];
  readonly end: Token;
}

export function tokenize(text: string): Tokens {
  const tokens: Token[] = [];
  let at = 0;
  let end = 0;
  while (at < text.length) {
    const space = matchAt(WHITESPACE, text, at);
    if (space !== null) {
      at += space.length;
      continue;
    }
    const token = readToken(text, at);
    tokens.push(token);
    at = token.end;
    end = token.end;
  }
  return { tokens, end: { kind: 'end', text: '', start: end, end } };
}

function readToken(text: string, start: number): Token {
  const char = text.charAt(start);
  if (char === '"' || char === "'") return readString(text, start, char);
  const number = matchAt(NUMBER, text, start);
  if (number !== null) return readNumber(text, start, number);
  const word = matchAt(WORD, text, start);
  if (word !== null) return { kind: 'word', text: word, start, end: start + word.length };
  if (text.startsWith('<>', start)) reject({ start, end: start + 2 }, `'<>' is not an operator here; write '!=' for "not equal".`);
  const operator = OPERATORS.find((candidate) => text.startsWith(candidate, start));
  if (operator !== undefined) return { kind: 'operator', operator, text: operator, start, end: start + operator.length };
  const punctuation = PUNCTUATION.find((candidate) => candidate === char);
  if (punctuation !== undefined) return { kind: 'punctuation', punctuation, text: punctuation, start, end: start + 1 };
  return rejectCharacter(text, start);
}

function readNumber(text: string, start: number, digits: string): Token {
  const tail = matchAt(NUMBER_TAIL, text, start + digits.length);
  if (tail !== null) {
    const written = digits + tail;
    reject(
      { start, end: start + written.length },
      `'${written}' is not a number; write numbers such as 250, 0.5, -3.5 or 1e3, with no unit: pick the field in the unit you want, such as speed_kn.`,
    );
  }
  const value = Number(digits);
  if (!Number.isFinite(value)) reject({ start, end: start + digits.length }, `'${digits}' is beyond the largest number Outpost can hold; write a smaller one.`);
  return { kind: 'number', value, text: digits, start, end: start + digits.length };
}

/** A backslash makes the character after it literal, so `\"` and `\\` are the only escapes anyone needs. */
function readString(text: string, start: number, quote: string): Token {
  let value = '';
  let at = start + 1;
  while (at < text.length) {
    const char = text.charAt(at);
    if (char === quote) return { kind: 'string', value, text: text.slice(start, at + 1), start, end: at + 1 };
    if (char === '\\') at += 1;
    value += text.charAt(at);
    at += 1;
  }
  return reject({ start, end: text.length }, `the text that starts here is never closed; end it with ${quote}.`);
}

function rejectCharacter(text: string, start: number): never {
  for (const [pattern, advice] of FOREIGN_OPERATORS) {
    const written = matchAt(pattern, text, start);
    if (written !== null) reject({ start, end: start + written.length }, `'${written}' is not an operator here; ${advice}.`);
  }
  if (text.charAt(start) === '-') {
    reject({ start, end: start + 1 }, `'-' must be followed by digits to make a negative number; put text such as a CoT type in quotes, as in "a-h-A".`);
  }
  const char = String.fromCodePoint(text.codePointAt(start) ?? 0);
  return reject({ start, end: start + char.length }, `'${char}' cannot appear outside quotes; an expression is made of field names, values and operators.`);
}
