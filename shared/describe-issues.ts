import type { z } from 'zod';

/**
 * Turns schema failures into one sentence a person can act on, naming each
 * offending field, e.g. `limit: Too big: expected number to be <=100000`.
 */
export function describeIssues(error: z.ZodError): string {
  const parts = error.issues.map((issue) => {
    const where = issue.path.length > 0 ? issue.path.join('.') : 'value';
    return `${where}: ${issue.message}`;
  });
  return parts.join('; ');
}
