import { describe, expect, it } from 'vitest';
import { describeIssues } from '../../../shared/describe-issues';
import { ExpressionTextSchema } from '../../../shared/expression';

describe('Given an expression in a contract', () => {
  it('When it is valid, Then it parses trimmed', () => {
    expect(ExpressionTextSchema.parse('  speed > 250 and type ~= "a-h-A"\n')).toBe('speed > 250 and type ~= "a-h-A"');
  });

  it('When it does not compile, Then parsing fails with the compiler’s sentence, columns counted after trimming', () => {
    const result = ExpressionTextSchema.safeParse('   speed > 250 &');
    expect(result.success).toBe(false);
    if (!result.success) expect(describeIssues(result.error)).toBe("value: Column 13: '&' is not an operator here; write 'and' to require both conditions.");
  });

  it.each([
    ['nothing', '', 'Column 1: the expression is empty; write a condition such as speed > 250.'],
    ['only spaces', '  \t ', 'Column 1: the expression is empty; write a condition such as speed > 250.'],
    ['too much', `stale${' or stale'.repeat(300)}`, 'Column 2001: the expression is 2705 characters long, over the limit of 2000; shorten it or split it into several rules.'],
  ])('When it holds %s, Then parsing fails with the same sentence as compiling', (_case, text, message) => {
    const result = ExpressionTextSchema.safeParse(text);
    expect(result.success ? null : result.error.issues.map((issue) => issue.message)).toEqual([message]);
  });

  it('When it is not text, Then parsing fails before compiling', () => {
    expect(ExpressionTextSchema.safeParse(42).success).toBe(false);
    expect(ExpressionTextSchema.safeParse(null).success).toBe(false);
  });
});
