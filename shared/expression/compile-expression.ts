import { buildEvaluator, type Evaluate } from './build-evaluator';
import { canonicalText } from './canonical-text';
import { checkCondition, type CheckedCondition } from './check-condition';
import { InvalidExpression, reject, type ExpressionError } from './expression-error';
import { parse } from './parse';

/** Long enough for any rule an analyst writes by hand; short enough to read in one go. */
export const MAX_EXPRESSION_LENGTH = 2_000;

export interface CompiledExpression {
  /** As the analyst wrote it. */
  readonly text: string;
  /** As Outpost reads it; see canonicalText. */
  readonly canonicalText: string;
  /** The fields it reads, each once, as the catalogue names them: `age` or `stale` means the answer changes as time passes. */
  readonly fields: readonly string[];
  readonly evaluate: Evaluate;
}

export type CompileResult = { readonly ok: true; readonly expression: CompiledExpression } | { readonly ok: false; readonly error: ExpressionError };

/** Reads, checks and compiles an expression once; the result evaluates as often as needed. */
export function compileExpression(text: string): CompileResult {
  try {
    if (text.length > MAX_EXPRESSION_LENGTH) {
      reject(
        { start: MAX_EXPRESSION_LENGTH, end: text.length },
        `the expression is ${text.length} characters long, over the limit of ${MAX_EXPRESSION_LENGTH}; shorten it or split it into several rules.`,
      );
    }
    const condition = checkCondition(parse(text));
    return { ok: true, expression: { text, canonicalText: canonicalText(condition), fields: [...fieldsRead(condition, new Set())], evaluate: buildEvaluator(condition) } };
  } catch (error) {
    if (error instanceof InvalidExpression) return { ok: false, error: error.error };
    throw error;
  }
}

function fieldsRead(condition: CheckedCondition, names: Set<string>): Set<string> {
  switch (condition.kind) {
    case 'and':
    case 'or':
      for (const operand of condition.operands) fieldsRead(operand, names);
      return names;
    case 'not':
      return fieldsRead(condition.operand, names);
    case 'constant':
      return names;
    default:
      return names.add(condition.field.name);
  }
}
