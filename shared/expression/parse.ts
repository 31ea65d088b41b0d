import { reject, type Span } from './expression-error';
import { tokenize, type Operator, type Punctuation, type Token } from './tokenize';

/** How deep parentheses and `not` may nest, so hostile input cannot exhaust the stack. */
export const MAX_NESTING = 64;

export type ValueNode =
  | { readonly kind: 'field'; readonly name: string; readonly span: Span }
  | { readonly kind: 'literal'; readonly value: number | string | boolean | null; readonly text: string; readonly span: Span };

/** The expression as written, before any field is looked up; `and` and `or` hold two or more operands. */
export type ConditionNode =
  | { readonly kind: 'and' | 'or'; readonly operands: readonly ConditionNode[] }
  | { readonly kind: 'not'; readonly operand: ConditionNode }
  | { readonly kind: 'comparison'; readonly left: ValueNode; readonly operator: Operator; readonly operatorSpan: Span; readonly right: ValueNode }
  | { readonly kind: 'membership'; readonly subject: ValueNode; readonly negated: boolean; readonly list: readonly ValueNode[] }
  | { readonly kind: 'value'; readonly value: ValueNode };

const LITERAL_WORDS: ReadonlyMap<string, boolean | null> = new Map([
  ['true', true],
  ['false', false],
  ['null', null],
]);
const CONNECTIVES = new Set(['and', 'or', 'not', 'in']);

/** Keywords are case-insensitive, so `AND` and `And` read as `and`. */
function isWord(token: Token, word: string): boolean {
  return token.kind === 'word' && token.text.toLowerCase() === word;
}

function isPunctuation(token: Token, punctuation: Punctuation): boolean {
  return token.kind === 'punctuation' && token.punctuation === punctuation;
}

/** How a token is quoted in a message: text literals already carry their quotes. */
function quoted(token: Token): string {
  return token.kind === 'string' ? token.text : `'${token.text}'`;
}

const spanOf = (token: Token): Span => ({ start: token.start, end: token.end });

/**
 * Reads the text by this grammar, keywords in any case:
 *
 *   expression  = conjunction { "or" conjunction } ;
 *   conjunction = negation { "and" negation } ;
 *   negation    = "not" negation | "(" expression ")" | comparison ;
 *   comparison  = value [ operator value | [ "not" ] "in" list ] ;
 *   operator    = "=" | "==" | "!=" | "<" | "<=" | ">" | ">=" | "~=" ;
 *   list        = "[" value { "," value } "]" ;
 *   value       = field | number | text | "true" | "false" | "null" ;
 *
 * so `not a or b and c` reads as `(not a) or (b and c)`. Which values may meet which fields is
 * checkCondition's business, not the grammar's.
 */
export function parse(text: string): ConditionNode {
  const { tokens, end } = tokenize(text);
  return new Parser(tokens, end).whole();
}

class Parser {
  private at = 0;

  constructor(
    private readonly tokens: readonly Token[],
    private readonly end: Token,
  ) {}

  whole(): ConditionNode {
    if (this.peek().kind === 'end') reject({ start: 0, end: 0 }, 'the expression is empty; write a condition such as speed > 250.');
    const condition = this.disjunction(0);
    const next = this.peek();
    if (isPunctuation(next, ')')) reject(next, "this ')' has no matching '('; remove it.");
    if (next.kind !== 'end') this.expected("'and', 'or' or the end of the expression", next);
    return condition;
  }

  private disjunction(depth: number): ConditionNode {
    const first = this.conjunction(depth);
    if (!isWord(this.peek(), 'or')) return first;
    const operands = [first];
    while (isWord(this.peek(), 'or')) {
      this.at += 1;
      operands.push(this.conjunction(depth));
    }
    return { kind: 'or', operands };
  }

  private conjunction(depth: number): ConditionNode {
    const first = this.negation(depth);
    if (!isWord(this.peek(), 'and')) return first;
    const operands = [first];
    while (isWord(this.peek(), 'and')) {
      this.at += 1;
      operands.push(this.negation(depth));
    }
    return { kind: 'and', operands };
  }

  private negation(depth: number): ConditionNode {
    const token = this.peek();
    if (!isWord(token, 'not')) return this.condition(depth);
    this.enter(token, depth);
    return { kind: 'not', operand: this.negation(depth + 1) };
  }

  private condition(depth: number): ConditionNode {
    const opening = this.peek();
    if (isPunctuation(opening, '(')) {
      this.enter(opening, depth);
      const inner = this.disjunction(depth + 1);
      const closing = this.peek();
      if (isPunctuation(closing, ')')) {
        this.at += 1;
        return inner;
      }
      if (closing.kind === 'end') reject(opening, "this '(' is never closed; add ')' where the condition it groups ends.");
      return this.expected("'and', 'or' or ')'", closing);
    }
    if (!this.startsValue(opening)) this.expected('a condition', opening);
    return this.comparison(this.value());
  }

  private comparison(left: ValueNode): ConditionNode {
    const next = this.peek();
    if (next.kind === 'operator') {
      this.at += 1;
      const right = this.value();
      this.refuseChain();
      return { kind: 'comparison', left, operator: next.operator, operatorSpan: spanOf(next), right };
    }
    if (isWord(next, 'in')) {
      this.at += 1;
      return this.membership(left, false);
    }
    if (isWord(next, 'not')) {
      this.at += 1;
      const keyword = this.peek();
      if (!isWord(keyword, 'in')) this.expected("'in'", keyword);
      this.at += 1;
      return this.membership(left, true);
    }
    return { kind: 'value', value: left };
  }

  private membership(subject: ValueNode, negated: boolean): ConditionNode {
    const opening = this.peek();
    if (!isPunctuation(opening, '[')) this.expected("'[' to open a list", opening);
    this.at += 1;
    const empty = this.peek();
    if (isPunctuation(empty, ']')) reject({ start: opening.start, end: empty.end }, "the list is empty; put at least one value between '[' and ']'.");
    const list = [this.value()];
    while (isPunctuation(this.peek(), ',')) {
      this.at += 1;
      list.push(this.value());
    }
    const closing = this.peek();
    if (closing.kind === 'end') reject(opening, "this '[' is never closed; add ']' after the last value.");
    if (!isPunctuation(closing, ']')) this.expected("',' or ']'", closing);
    this.at += 1;
    this.refuseChain();
    return { kind: 'membership', subject, negated, list };
  }

  private value(): ValueNode {
    const token = this.peek();
    if (token.kind === 'number' || token.kind === 'string') {
      this.at += 1;
      return { kind: 'literal', value: token.value, text: token.text, span: spanOf(token) };
    }
    if (!this.startsValue(token)) this.expected('a value', token);
    this.at += 1;
    const word = token.text.toLowerCase();
    const literal = LITERAL_WORDS.get(word);
    if (literal !== undefined) return { kind: 'literal', value: literal, text: word, span: spanOf(token) };
    return { kind: 'field', name: token.text, span: spanOf(token) };
  }

  private startsValue(token: Token): boolean {
    return token.kind === 'number' || token.kind === 'string' || (token.kind === 'word' && !CONNECTIVES.has(token.text.toLowerCase()));
  }

  /** `1 < speed < 5` reads naturally but would compare a boolean with 5. */
  private refuseChain(): void {
    const next = this.peek();
    if (next.kind === 'operator') reject(next, "comparisons cannot be chained; join them with 'and', as in speed > 1 and speed < 5.");
  }

  private enter(token: Token, depth: number): void {
    if (depth >= MAX_NESTING) reject(token, `parentheses and 'not' nest more than ${MAX_NESTING} deep here; simplify the expression.`);
    this.at += 1;
  }

  private peek(): Token {
    return this.tokens[this.at] ?? this.end;
  }

  private expected(what: string, found: Token): never {
    const previous = this.tokens[this.at - 1];
    const after = previous === undefined ? '' : ` after ${quoted(previous)}`;
    const but = found.kind === 'end' ? 'the expression ends there' : `found ${quoted(found)}`;
    return reject(found, `expected ${what}${after} but ${but}.`);
  }
}
