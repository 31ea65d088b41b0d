import { compileExpression, pointAtError } from '../../shared/expression';

/** What is wrong with an expression as typed: the compiler's sentence, and its line with carets under the problem. */
export interface ExpressionProblem {
  readonly message: string;
  readonly caretLine: string;
}

/**
 * Judges the text as typed, so the carets line up with the box; the core trims it, which changes
 * no verdict. Empty text is not judged: an optional expression may be empty, and a required one
 * says so when the rule is saved, rather than while the analyst is about to type.
 */
export function expressionProblem(text: string): ExpressionProblem | null {
  if (text.trim() === '') return null;
  const compiled = compileExpression(text);
  return compiled.ok ? null : { message: compiled.error.message, caretLine: pointAtError(text, compiled.error) };
}
