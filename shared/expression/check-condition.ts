import { closestSpelling } from './closest-spelling';
import { typePatternProblem } from './cot-type-pattern';
import { reject, type Span } from './expression-error';
import { EXPRESSION_FIELDS, findField, type BooleanField, type EnumField, type ExpressionField, type NumberField, type StringField } from './fields';
import type { ConditionNode, ValueNode } from './parse';
import type { Operator } from './tokenize';

export type Value = number | string | boolean;
export type Ordering = '<' | '<=' | '>' | '>=';

/**
 * A condition whose fields exist and whose values suit them, each comparison turned to put
 * its field first: what the evaluator is built from and the canonical text is written from.
 */
export type CheckedCondition =
  | { readonly kind: 'and' | 'or'; readonly operands: readonly CheckedCondition[] }
  | { readonly kind: 'not'; readonly operand: CheckedCondition }
  | { readonly kind: 'constant'; readonly value: boolean }
  | { readonly kind: 'flag'; readonly field: BooleanField }
  | { readonly kind: 'equals'; readonly field: ExpressionField; readonly negated: boolean; readonly value: Value }
  | { readonly kind: 'order'; readonly field: NumberField; readonly operator: Ordering; readonly value: number }
  | { readonly kind: 'missing'; readonly field: ExpressionField; readonly negated: boolean }
  | { readonly kind: 'matches'; readonly field: StringField | EnumField; readonly pattern: string }
  | { readonly kind: 'member'; readonly field: ExpressionField; readonly negated: boolean; readonly values: readonly Value[] };

type FieldNode = Extract<ValueNode, { kind: 'field' }>;
type LiteralNode = Extract<ValueNode, { kind: 'literal' }>;

/** What the comparison says when its sides are swapped to put the field first. */
const MIRRORED: Readonly<Record<Exclude<Operator, '~='>, Exclude<Operator, '~='>>> = {
  '=': '=',
  '==': '==',
  '!=': '!=',
  '<': '>',
  '<=': '>=',
  '>': '<',
  '>=': '<=',
};

export function checkCondition(node: ConditionNode): CheckedCondition {
  switch (node.kind) {
    case 'and':
    case 'or':
      return { kind: node.kind, operands: node.operands.map(checkCondition) };
    case 'not':
      return { kind: 'not', operand: checkCondition(node.operand) };
    case 'value':
      return checkStandalone(node.value);
    case 'comparison':
      return node.operator === '~=' ? checkMatch(node.left, node.operatorSpan, node.right) : checkComparison(node.left, node.operator, node.operatorSpan, node.right);
    case 'membership':
      return checkMembership(node.subject, node.negated, node.list);
  }
}

function checkStandalone(value: ValueNode): CheckedCondition {
  if (value.kind === 'field') {
    const field = resolveField(value);
    if (field.type === 'boolean') return { kind: 'flag', field };
    return reject(value.span, `${field.name} is ${describeType(field)}, not a condition; compare it, as in ${exampleComparison(field)}.`);
  }
  if (typeof value.value === 'boolean') return { kind: 'constant', value: value.value };
  const example = typeof value.value === 'number' ? `speed > ${value.text}` : typeof value.value === 'string' ? `callsign = ${value.text}` : 'speed = null';
  return reject(value.span, `${value.text} is a value, not a condition; compare a field with it, as in ${example}.`);
}

function checkComparison(left: ValueNode, operator: Exclude<Operator, '~='>, operatorSpan: Span, right: ValueNode): CheckedCondition {
  if (left.kind === 'field') {
    const field = resolveField(left);
    if (right.kind === 'field') {
      const other = resolveField(right, field);
      return reject(right.span, `compare ${field.name} with a value, not with the field ${other.name}.`);
    }
    return checkFieldAgainst(field, operator, operatorSpan, right);
  }
  if (right.kind === 'field') return checkFieldAgainst(resolveField(right), MIRRORED[operator], operatorSpan, left);
  return reject({ start: left.span.start, end: right.span.end }, 'this comparison names no field; put a field on one side, as in speed > 250.');
}

function checkFieldAgainst(field: ExpressionField, operator: Exclude<Operator, '~='>, operatorSpan: Span, literal: LiteralNode): CheckedCondition {
  const { value } = literal;
  if (operator === '=' || operator === '==' || operator === '!=') {
    const negated = operator === '!=';
    if (value !== null) return { kind: 'equals', field, negated, value: checkValue(field, literal) };
    if (!field.nullable) reject(literal.span, `${field.name} always has a value, so it is never null; remove this comparison.`);
    return { kind: 'missing', field, negated };
  }
  if (value === null) return reject(literal.span, `null can only be compared with '=' or '!=', as in ${field.nullable ? field.name : 'speed'} = null.`);
  if (field.type !== 'number') {
    return reject(operatorSpan, `'${operator}' compares numbers, but ${field.name} is ${describeType(field)}; use ${operatorsFor(field)}.`);
  }
  if (typeof value !== 'number') return rejectMismatch(field, literal);
  return { kind: 'order', field, operator, value };
}

function checkMatch(left: ValueNode, operatorSpan: Span, right: ValueNode): CheckedCondition {
  if (left.kind !== 'field') return reject(left.span, `'~=' needs a field on its left, as in type ~= "a-h-A".`);
  const field = resolveField(left);
  if (field.type === 'number' || field.type === 'boolean') {
    return reject(operatorSpan, `'~=' matches text, but ${field.name} is ${describeType(field)}; use ${operatorsFor(field)}.`);
  }
  const readsCotType = field.type === 'string' && field.matching === 'cot-type';
  if (right.kind !== 'literal' || typeof right.value !== 'string') {
    return reject(right.span, `'~=' needs a pattern in quotes on its right, as in ${field.name} ~= "${readsCotType ? 'a-h-A' : 'abc'}".`);
  }
  const pattern = right.value;
  const problem = readsCotType ? typePatternProblem(pattern) : pattern === '' ? `the pattern after '~=' is empty; write the text to look for.` : null;
  if (problem !== null) reject(right.span, problem);
  return { kind: 'matches', field, pattern };
}

function checkMembership(subject: ValueNode, negated: boolean, list: readonly ValueNode[]): CheckedCondition {
  if (subject.kind !== 'field') return reject(subject.span, `'in' needs a field on its left, as in affiliation in ["hostile", "neutral"].`);
  const field = resolveField(subject);
  const values = list.map((item) => {
    if (item.kind === 'field') return reject(item.span, `a list holds values, not field names; put text in quotes, as in "${item.name}".`);
    if (item.value === null) return reject(item.span, `a list cannot hold null; test for a missing value with ${field.name} = null.`);
    return checkValue(field, item);
  });
  return { kind: 'member', field, negated, values };
}

/** `context` is the field on the other side, when the word may be text that lost its quotes. */
function resolveField(node: FieldNode, context?: ExpressionField): ExpressionField {
  const field = findField(node.name);
  if (field !== undefined) return field;
  const unknown = `there is no field called "${node.name}"`;
  if (context?.type === 'string' || context?.type === 'enum') {
    return reject(node.span, `${unknown}; to compare ${context.name} with text, put the text in quotes: "${node.name}".`);
  }
  const suggestion = suggestField(node.name);
  if (suggestion !== undefined) return reject(node.span, `${unknown}; did you mean "${suggestion}"?`);
  return reject(node.span, `${unknown}; the fields are ${EXPRESSION_FIELDS.map((candidate) => candidate.name).join(', ')}.`);
}

const fieldNameBySpelling = new Map(EXPRESSION_FIELDS.flatMap((field) => [field.name, ...field.alsoKnownAs].map((spelling) => [spelling, field.name] as const)));

function suggestField(name: string): string | undefined {
  const spelling = closestSpelling(name, [...fieldNameBySpelling.keys()]);
  return spelling === undefined ? undefined : fieldNameBySpelling.get(spelling);
}

/** The value itself, or for an enum the value as the field spells it, since enum values match in any case. */
function checkValue(field: ExpressionField, literal: LiteralNode): Value {
  const { value } = literal;
  if (field.type === 'enum' && typeof value === 'string') return checkEnumValue(field, value, literal.span);
  if (field.type === 'number' && typeof value === 'number') return value;
  if (field.type === 'string' && typeof value === 'string') return value;
  if (field.type === 'boolean' && typeof value === 'boolean') return value;
  return rejectMismatch(field, literal);
}

function checkEnumValue(field: EnumField, value: string, span: Span): string {
  const canonical = field.values.find((candidate) => candidate === value.toLowerCase());
  if (canonical !== undefined) return canonical;
  const suggestion = closestSpelling(value, field.values);
  const values = field.values.join(', ');
  const advice = suggestion === undefined ? `its values are ${values}` : `did you mean "${suggestion}"? Its values are ${values}`;
  return reject(span, `${field.name} has no value "${value}"; ${advice}.`);
}

function rejectMismatch(field: ExpressionField, literal: LiteralNode): never {
  const given = typeof literal.value === 'number' ? `the number ${literal.text}` : typeof literal.value === 'string' ? `the text ${literal.text}` : literal.text;
  return reject(literal.span, `${field.name} is ${describeType(field)}, so compare it with ${wantedValue(field)}, not with ${given}.`);
}

function describeType(field: ExpressionField): string {
  switch (field.type) {
    case 'number':
      return `a number in ${field.unit}`;
    case 'string':
      return 'text';
    case 'enum':
      return `one of ${field.values.join(', ')}`;
    case 'boolean':
      return 'true or false';
  }
}

function wantedValue(field: ExpressionField): string {
  switch (field.type) {
    case 'number':
      return 'a number';
    case 'string':
      return 'text in quotes';
    case 'enum':
      return 'one of its values in quotes';
    case 'boolean':
      return 'true or false';
  }
}

function operatorsFor(field: ExpressionField): string {
  switch (field.type) {
    case 'number':
      return "'=', '!=', '<', '<=', '>' or '>='";
    case 'string':
    case 'enum':
      return "'=', '!=', '~=' or 'in'";
    case 'boolean':
      return "'=' or '!='";
  }
}

function exampleComparison(field: NumberField | StringField | EnumField): string {
  switch (field.type) {
    case 'number':
      return `${field.name} > 0`;
    case 'string':
      return field.matching === 'cot-type' ? `${field.name} ~= "a-h-A"` : `${field.name} ~= "abc"`;
    case 'enum':
      return `${field.name} = "${field.values[0] ?? ''}"`;
  }
}
