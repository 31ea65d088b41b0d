import { z } from 'zod';
import { describe, expect, it } from 'vitest';
import { describeIssues, MAX_ISSUES_DESCRIBED } from '../../shared/describe-issues';

const failureOf = (schema: z.ZodType, value: unknown): z.ZodError => {
  const result = schema.safeParse(value);
  if (result.success) throw new Error('Expected the value to be refused.');
  return result.error;
};

describe('Given arguments a schema refuses', () => {
  it('When one field is wrong, Then the sentence names it and what is wrong', () => {
    expect(describeIssues(failureOf(z.object({ limit: z.number().max(10) }), { limit: 11 }))).toBe('limit: Too big: expected number to be <=10');
  });

  it('When thousands of fields are wrong, Then the first few are named and the rest counted, so the sentence stays short', () => {
    const schema = z.object(Object.fromEntries(Array.from({ length: 5_000 }, (_, i) => [`field${i}`, z.number()])));
    const sentence = describeIssues(failureOf(schema, {}));
    expect(sentence.split('; ')).toHaveLength(MAX_ISSUES_DESCRIBED + 1);
    expect(sentence).toMatch(/; and 4995 more$/);
  });

  it('When an object carries a million unknown keys, Then the message naming them is cut short', () => {
    const hostile = Object.fromEntries(Array.from({ length: 1_000_000 }, (_, i) => [`k${i}`, 1]));
    const sentence = describeIssues(failureOf(z.object({}).strict(), hostile));
    expect(sentence.length).toBeLessThan(300);
    expect(sentence).toMatch(/^value: Unrecognized keys?: .*…$/);
  });
});
