import type { CheckedCondition, Value } from './check-condition';

/**
 * The condition as Outpost reads it, for the editor to show back: keywords and field names in
 * lower case, `=` for `==`, the field before the value, enum values as the field spells them, and
 * parentheses wherever grouping is not plain left to right. It compiles to the same condition.
 */
export function canonicalText(condition: CheckedCondition): string {
  switch (condition.kind) {
    case 'and':
    case 'or':
      return condition.operands.map((operand) => (operand.kind === 'and' || operand.kind === 'or' ? `(${canonicalText(operand)})` : canonicalText(operand))).join(` ${condition.kind} `);
    case 'not': {
      const { operand } = condition;
      const bare = operand.kind === 'flag' || operand.kind === 'constant' || operand.kind === 'not';
      return bare ? `not ${canonicalText(operand)}` : `not (${canonicalText(operand)})`;
    }
    case 'constant':
      return String(condition.value);
    case 'flag':
      return condition.field.name;
    case 'equals':
      return `${condition.field.name} ${condition.negated ? '!=' : '='} ${written(condition.value)}`;
    case 'order':
      return `${condition.field.name} ${condition.operator} ${written(condition.value)}`;
    case 'missing':
      return `${condition.field.name} ${condition.negated ? '!=' : '='} null`;
    case 'matches':
      return `${condition.field.name} ~= ${written(condition.pattern)}`;
    case 'member':
      return `${condition.field.name} ${condition.negated ? 'not in' : 'in'} [${condition.values.map(written).join(', ')}]`;
  }
}

function written(value: Value): string {
  return typeof value === 'string' ? `"${value.replace(/["\\]/g, '\\$&')}"` : String(value);
}
