import type { CheckedCondition, Ordering, Value } from './check-condition';
import { typePatternMatcher } from './cot-type-pattern';
import type { ExpressionSubject, FieldReader, NumberField } from './fields';
import { textPatternMatcher } from './text-pattern';

/** True when the subject meets the condition at `now`, epoch milliseconds. */
export type Evaluate = (subject: ExpressionSubject, now: number) => boolean;

/**
 * Turns a checked condition into closures once, so an evaluation walks no tree and allocates
 * nothing. A null value satisfies no comparison with a value: `speed != 5` is false while the
 * speed is unknown, as is `speed not in [5]`; only `= null` and `!= null` ask about it.
 */
export function buildEvaluator(condition: CheckedCondition): Evaluate {
  switch (condition.kind) {
    case 'and':
      return allOf(condition.operands.map(buildEvaluator));
    case 'or':
      return anyOf(condition.operands.map(buildEvaluator));
    case 'not': {
      const operand = buildEvaluator(condition.operand);
      return (subject, now) => !operand(subject, now);
    }
    case 'constant': {
      const { value } = condition;
      return () => value;
    }
    case 'flag':
      return condition.field.read;
    case 'missing': {
      const read: FieldReader<Value | null> = condition.field.read;
      return condition.negated ? (subject, now) => read(subject, now) !== null : (subject, now) => read(subject, now) === null;
    }
    case 'equals': {
      const read: FieldReader<Value | null> = condition.field.read;
      const { value } = condition;
      if (!condition.negated) return (subject, now) => read(subject, now) === value;
      return (subject, now) => {
        const actual = read(subject, now);
        return actual !== null && actual !== value;
      };
    }
    case 'order':
      return ordering(condition.field, condition.operator, condition.value);
    case 'matches': {
      const { field, pattern } = condition;
      const read: FieldReader<string | null> = field.read;
      const matches = field.type === 'string' && field.matching === 'cot-type' ? typePatternMatcher(pattern) : textPatternMatcher(pattern);
      return (subject, now) => {
        const actual = read(subject, now);
        return actual !== null && matches(actual);
      };
    }
    case 'member': {
      const read: FieldReader<Value | null> = condition.field.read;
      const contains = membershipTest(condition.values);
      if (!condition.negated) return (subject, now) => contains(read(subject, now));
      return (subject, now) => {
        const actual = read(subject, now);
        return actual !== null && !contains(actual);
      };
    }
  }
}

/** Up to this many values, scanning a list beats hashing into a set. */
const SHORT_LIST = 8;

/** A short list is scanned; a long one, such as a watch list of uids, is looked up in a set. */
function membershipTest(list: readonly Value[]): (value: Value | null) => boolean {
  if (list.length > SHORT_LIST) {
    const values = new Set<Value | null>(list);
    return (value) => values.has(value);
  }
  const values: readonly (Value | null)[] = list;
  return (value) => values.includes(value);
}

// Two operands, the usual case, skip the loop: that measured about twice as fast.
function allOf(operands: readonly Evaluate[]): Evaluate {
  const [first, second] = operands;
  if (operands.length === 2 && first !== undefined && second !== undefined) return (subject, now) => first(subject, now) && second(subject, now);
  return (subject, now) => {
    for (const operand of operands) if (!operand(subject, now)) return false;
    return true;
  };
}

function anyOf(operands: readonly Evaluate[]): Evaluate {
  const [first, second] = operands;
  if (operands.length === 2 && first !== undefined && second !== undefined) return (subject, now) => first(subject, now) || second(subject, now);
  return (subject, now) => {
    for (const operand of operands) if (operand(subject, now)) return true;
    return false;
  };
}

function ordering(field: NumberField, operator: Ordering, limit: number): Evaluate {
  const { read } = field;
  switch (operator) {
    case '<':
      return (subject, now) => {
        const actual = read(subject, now);
        return actual !== null && actual < limit;
      };
    case '<=':
      return (subject, now) => {
        const actual = read(subject, now);
        return actual !== null && actual <= limit;
      };
    case '>':
      return (subject, now) => {
        const actual = read(subject, now);
        return actual !== null && actual > limit;
      };
    case '>=':
      return (subject, now) => {
        const actual = read(subject, now);
        return actual !== null && actual >= limit;
      };
  }
}
