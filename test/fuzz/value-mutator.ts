import type { z } from 'zod';
import type { Random } from './random';

/**
 * Values a host could hand the dispatcher: anything structured clone carries across a process
 * boundary. Arguments start from the method's own schema, so many reach the handler, and then
 * a part of them is swapped for something hostile.
 */

const HOSTILE_NUMBERS = [0, -0, -1, 1, 0.5, NaN, Infinity, -Infinity, 2 ** 31, 2 ** 53, 2 ** 53 + 2, -(2 ** 53), 1e308, 5e-324, 8.64e15, -8.64e15];
const HOSTILE_STRINGS = [
  '', ' ', '__proto__', 'constructor', 'toString', '../../etc/passwd', '/dev/zero', 'C:\\Windows\\win.ini', '\u0000', '\ud800',
  '%s%n', "' OR 1=1 --", '"; DROP TABLE records; --', '*', 'a'.repeat(100_000), '🛰️'.repeat(1_000), 'NaN', '1e309', '2026-13-45T99:99:99Z',
];
const PLAIN_STRINGS = ['a-f-G-U-C', 'test-unit-1', 'ALPHA 1', 'edge', 'cot', 'json', 'demo', 'x', '2026-11-26T12:00:00Z'];
const PLAIN_NUMBERS = [1, 2, 10, 100, 1_000, Date.UTC(2026, 10, 26, 12), 40.1, 9.0];

/** A value that parses, or nearly parses, against `schema`. */
export function valueFor(schema: z.ZodType, random: Random, depth = 0): unknown {
  const def = (schema as unknown as { _zod: { def: SchemaDef } })._zod.def;
  if (depth > 8) return undefined;
  switch (def.type) {
    case 'object': {
      const value: Record<string, unknown> = {};
      for (const [key, field] of Object.entries(def.shape ?? {})) {
        if (random.below(5) > 0) value[key] = valueFor(field, random, depth + 1);
      }
      return value;
    }
    case 'array':
      return Array.from({ length: random.below(4) }, () => valueFor(def.element as z.ZodType, random, depth + 1));
    case 'tuple':
      return (def.items ?? []).map((item) => valueFor(item, random, depth + 1));
    case 'record':
      return { [String(valueFor(def.keyType as z.ZodType, random, depth + 1))]: valueFor(def.valueType as z.ZodType, random, depth + 1) };
    case 'optional':
    case 'nullable':
    case 'default':
    case 'prefault':
    case 'readonly':
    case 'catch':
    case 'nonoptional':
      return valueFor(def.innerType as z.ZodType, random, depth + 1);
    case 'pipe':
      return valueFor(def.in as z.ZodType, random, depth + 1);
    case 'lazy':
      return valueFor((def.getter as () => z.ZodType)(), random, depth + 1);
    case 'union':
      return valueFor(random.pick(def.options ?? []), random, depth + 1);
    case 'intersection':
      return { ...(valueFor(def.left as z.ZodType, random, depth + 1) as object), ...(valueFor(def.right as z.ZodType, random, depth + 1) as object) };
    case 'enum':
      return random.pick(Object.values(def.entries ?? { none: 'none' }));
    case 'literal':
      return random.pick(def.values ?? [null]);
    case 'string':
      return random.pick(PLAIN_STRINGS);
    case 'number':
    case 'int':
      return random.pick(PLAIN_NUMBERS);
    case 'boolean':
      return random.below(2) === 0;
    case 'null':
      return null;
    default:
      return hostileValue(random, depth + 1);
  }
}

/** Swaps one part of `value` (or all of it) for a hostile value. */
export function mutateValue(value: unknown, random: Random): unknown {
  if (random.below(4) === 0 || typeof value !== 'object' || value === null) return hostileValue(random, 0);
  const copy: Record<string, unknown> | unknown[] = Array.isArray(value) ? [...(value as unknown[])] : { ...(value as Record<string, unknown>) };
  const keys = Object.keys(copy);
  if (keys.length === 0 || random.below(5) === 0) {
    (copy as Record<string, unknown>)[random.pick([...HOSTILE_STRINGS.slice(0, 6), 'limit', 'id', 'extra'])] = hostileValue(random, 0);
    return copy;
  }
  const key = random.pick(keys);
  (copy as Record<string, unknown>)[key] = mutateValue((copy as Record<string, unknown>)[key], random);
  return copy;
}

/** Anything structured clone carries: primitives at their edges, deep nesting, odd containers. */
export function hostileValue(random: Random, depth: number): unknown {
  switch (random.below(depth > 3 ? 6 : 12)) {
    case 0:
      return random.pick(HOSTILE_NUMBERS);
    case 1:
      return random.pick(HOSTILE_STRINGS);
    case 2:
      return random.pick([null, undefined, true, false]);
    case 3:
      return random.pick([0n, -1n, 2n ** 64n]);
    case 4:
      return random.pick([new Date(NaN), new Date(8.64e15), new Date(0)]);
    case 5:
      return random.pick(PLAIN_NUMBERS);
    case 6:
      return deeplyNested(random.pick([100, 10_000, 100_000]), random.below(2) === 0);
    case 7:
      return Array.from({ length: random.pick([0, 1, 3, 100_000]) }, (_, index) => (index < 3 ? hostileValue(random, depth + 1) : 0));
    case 8:
      return random.pick([new Map([['a', 1]]), new Set([1]), new Uint8Array(16), new ArrayBuffer(8)]);
    case 9:
      return { [random.pick(HOSTILE_STRINGS.slice(0, 6))]: hostileValue(random, depth + 1) };
    case 10:
      return Object.fromEntries(Array.from({ length: random.pick([1, 10, 10_000]) }, (_, index) => [`k${index}`, index]));
    default:
      return [hostileValue(random, depth + 1), hostileValue(random, depth + 1)];
  }
}

function deeplyNested(depth: number, asArrays: boolean): unknown {
  let value: unknown = 1;
  for (let level = 0; level < depth; level++) value = asArrays ? [value] : { a: value };
  return value;
}

interface SchemaDef {
  readonly type: string;
  readonly shape?: Readonly<Record<string, z.ZodType>>;
  readonly element?: unknown;
  readonly items?: readonly z.ZodType[];
  readonly keyType?: unknown;
  readonly valueType?: unknown;
  readonly innerType?: unknown;
  readonly in?: unknown;
  readonly getter?: unknown;
  readonly options?: readonly z.ZodType[];
  readonly left?: unknown;
  readonly right?: unknown;
  readonly entries?: Readonly<Record<string, string | number>>;
  readonly values?: readonly unknown[];
}
