import { compileExpression, type CompiledExpression, type ExpressionError } from '../../../shared/expression';

/** The compiled expression, failing the test with the compiler's sentence when there is none. */
export function compiled(text: string): CompiledExpression {
  const result = compileExpression(text);
  if (!result.ok) throw new Error(`"${text}" did not compile: ${result.error.message}`);
  return result.expression;
}

/** The compiler's error, failing the test when the text compiles. */
export function refused(text: string): ExpressionError {
  const result = compileExpression(text);
  if (result.ok) throw new Error(`"${text}" compiled to ${result.expression.canonicalText}`);
  return result.error;
}
