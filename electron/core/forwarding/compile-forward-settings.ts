import type { Track } from '../../../shared/domain';
import { compileExpression } from '../../../shared/expression';
import type { ForwardRuleInput } from '../../../shared/forwarding';
import { UserFacingError } from '../user-facing-error';

/** What judging a record by a rule needs, compiled once from what the analyst wrote. */
export interface CompiledForwardSettings {
  readonly topicMatches: (topic: string) => boolean;
  readonly passes: (track: Track, now: number) => boolean;
  /** Decimation's interval; null sends every newer fix. */
  readonly intervalMs: number | null;
}

/** What a rule compiles to; a filter or pattern that does not read is refused with its sentence. */
export function compileForwardSettings(input: ForwardRuleInput): CompiledForwardSettings {
  let passes: CompiledForwardSettings['passes'] = () => true;
  if (input.filter !== null) {
    const expression = compileExpression(input.filter);
    if (!expression.ok) throw new UserFacingError(`The filter does not read: ${expression.error.message}`);
    passes = expression.expression.evaluate;
  }
  let topicMatches: CompiledForwardSettings['topicMatches'];
  if (input.source.kind === 'topic') {
    const topic = input.source.topic;
    topicMatches = (candidate) => candidate === topic;
  } else {
    let pattern: RegExp;
    try {
      pattern = new RegExp(`^(?:${input.source.pattern})$`);
    } catch {
      throw new UserFacingError(`The topic pattern ${input.source.pattern} is not a regular expression; write it as a subscription pattern is written, such as ais\\..*`);
    }
    topicMatches = (candidate) => pattern.test(candidate);
  }
  return { passes, topicMatches, intervalMs: input.decimationSeconds === null ? null : input.decimationSeconds * 1_000 };
}
