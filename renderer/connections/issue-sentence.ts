import type { z } from 'zod';

/** How a form names one of its fields: "a name" in "Enter a name.", "The name" at the start of a sentence. */
export interface FieldWording {
  readonly noun: string;
  readonly label: string;
}

/**
 * The shared schemas carry their own wording for format rules ("a profile id is 1–40 lowercase
 * letters…"), but zod's built-in length messages are written for developers ("Too small: expected
 * string to have >=1 characters"). This turns either into one sentence an analyst can act on.
 */
export function issueSentence(issue: z.core.$ZodIssue, wording: FieldWording): string {
  if (issue.code === 'too_small' && issue.origin === 'string') return `Enter ${wording.noun}.`;
  if (issue.code === 'too_big') {
    const unit = issue.origin === 'array' ? 'entries' : 'characters';
    return `${wording.label} is too long: the limit is ${issue.maximum.toString()} ${unit}.`;
  }
  return asSentence(issue.message);
}

export function asSentence(text: string): string {
  const trimmed = text.trim();
  const capitalised = trimmed.charAt(0).toUpperCase() + trimmed.slice(1);
  return /[.!?]$/.test(capitalised) ? capitalised : `${capitalised}.`;
}
