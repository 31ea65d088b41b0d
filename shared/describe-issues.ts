import type { z } from 'zod';

/** Past this many, the rest are counted rather than listed: a hostile input can hold a million wrong fields. */
export const MAX_ISSUES_DESCRIBED = 5;
/** One issue's message is cut here, since zod lists every unrecognised key in it. */
const MAX_MESSAGE_CHARACTERS = 200;

/**
 * Turns schema failures into one sentence a person can act on, naming each
 * offending field, e.g. `limit: Too big: expected number to be <=100000`.
 */
export function describeIssues(error: z.ZodError): string {
  const parts = error.issues.slice(0, MAX_ISSUES_DESCRIBED).map((issue) => {
    const where = issue.path.length > 0 ? issue.path.slice(0, 8).join('.') : 'value';
    const message = issue.message.length > MAX_MESSAGE_CHARACTERS ? `${issue.message.slice(0, MAX_MESSAGE_CHARACTERS)}…` : issue.message;
    return `${where}: ${message}`;
  });
  const more = error.issues.length - MAX_ISSUES_DESCRIBED;
  return more > 0 ? `${parts.join('; ')}; and ${more} more` : parts.join('; ');
}
