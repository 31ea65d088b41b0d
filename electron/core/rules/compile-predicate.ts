import type { Track } from '../../../shared/domain';
import { compileExpression } from '../../../shared/expression';

export type Predicate = (track: Track, now: number) => boolean;

/**
 * Compiles the expressions of one engine's rules. Rules often share an expression (one filter
 * for every friendly-force rule, say), so each distinct expression is compiled once and judged
 * once per fix, however many rules ask. An expression that no longer compiles (saved by an older
 * Outpost, say) throws with the language's own sentence.
 */
export function predicateCompiler(): (text: string) => Predicate {
  const byCanonicalText = new Map<string, Predicate>();
  return (text) => {
    const compiled = compileExpression(text);
    if (!compiled.ok) throw new Error(`its expression "${text}" does not read: ${compiled.error.message}`);
    const { canonicalText, evaluate } = compiled.expression;
    const known = byCanonicalText.get(canonicalText);
    if (known !== undefined) return known;
    const predicate = rememberingLast(evaluate);
    byCanonicalText.set(canonicalText, predicate);
    return predicate;
  };
}

/** The same fix at the same moment gets the answer it got a moment ago. */
function rememberingLast(evaluate: Predicate): Predicate {
  let lastTrack: Track | null = null;
  let lastNow = Number.NaN;
  let lastAnswer = false;
  return (track, now) => {
    if (track !== lastTrack || now !== lastNow) {
      lastAnswer = evaluate(track, now);
      lastTrack = track;
      lastNow = now;
    }
    return lastAnswer;
  };
}
