/**
 * Every call across a process boundary answers with a Result, so a failure
 * reaches the analyst as a sentence instead of an exception trace.
 */
export const ERROR_CODES = ['bad-request', 'unknown-method', 'bad-arguments', 'forbidden', 'locked', 'failed'] as const;
export type ErrorCode = (typeof ERROR_CODES)[number];

export interface UserError {
  readonly code: ErrorCode;
  /** A complete sentence that says what went wrong and what to do. */
  readonly message: string;
}

export type Result<T> = { readonly ok: true; readonly value: T } | { readonly ok: false; readonly error: UserError };

export function ok<T>(value: T): Result<T> {
  return { ok: true, value };
}

export function fail<T = never>(code: ErrorCode, message: string): Result<T> {
  return { ok: false, error: { code, message } };
}
