/**
 * The expression language shared by rules and filters, such as `speed > 250 and type ~= "a-h-A"`:
 * compiled once to closures, never to code, then evaluated per record without allocating.
 *
 * - Fields are EXPRESSION_FIELDS; `speed` is m/s, with speed_kn and speed_kmh beside it.
 * - A field that is null, unknown, satisfies no comparison with a value, `!=` and `not in`
 *   included; `field = null` and `field != null` ask about it.
 * - `~=` matches CoT types atom by atom from the start (cot-type-pattern.ts) and other text
 *   anywhere, ignoring case (text-pattern.ts); `*` is the wildcard in both.
 * - `=` compares text exactly; values of enum fields such as affiliation may be in any case.
 */
export { compileExpression, MAX_EXPRESSION_LENGTH, type CompiledExpression, type CompileResult } from './compile-expression';
export type { Evaluate } from './build-evaluator';
export type { ExpressionError } from './expression-error';
export { ExpressionTextSchema } from './expression-text';
export { EXPRESSION_FIELDS, type BooleanField, type EnumField, type ExpressionField, type ExpressionSubject, type NumberField, type StringField } from './fields';
export { MAX_NESTING } from './parse';
export { pointAtError } from './point-at-error';
