import type { Track } from '../../../shared/domain';
import { compileExpression } from '../../../shared/expression';

export type Predicate = (track: Track, now: number) => boolean;

/**
 * An expression the contract has already accepted, compiled for the engine. One that no longer
 * compiles (saved by an older Outpost, say) throws with the language's own sentence.
 */
export function compilePredicate(text: string): Predicate {
  const compiled = compileExpression(text);
  if (!compiled.ok) throw new Error(`its expression "${text}" does not read: ${compiled.error.message}`);
  return compiled.expression.evaluate;
}
