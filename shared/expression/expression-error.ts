/** Why an expression was refused, and where, for the editor to show and underline. */
export interface ExpressionError {
  /** A sentence that names the column and says what to do, such as "Column 8: expected a value after '>' but the expression ends there." */
  readonly message: string;
  /** 1-based, in UTF-16 code units from the start of the text, as a text input counts its selection. */
  readonly column: number;
  /** How many characters the problem covers; 0 when it is the end of the text. */
  readonly length: number;
}

/** The characters from `start` up to, not including, `end` of the expression text. */
export interface Span {
  readonly start: number;
  readonly end: number;
}

/** Thrown only inside the compiler, which hands it back as a result instead. */
export class InvalidExpression extends Error {
  override readonly name = 'InvalidExpression';

  constructor(readonly error: ExpressionError) {
    super(error.message);
  }
}

/** Stops compiling with a sentence about the text at `span`. */
export function reject(span: Span, sentence: string): never {
  const column = span.start + 1;
  throw new InvalidExpression({ message: `Column ${column}: ${sentence}`, column, length: span.end - span.start });
}
