/**
 * An error whose message is already a sentence for the analyst. Anything else
 * that escapes a handler is logged and replaced by a generic sentence.
 */
export class UserFacingError extends Error {
  override readonly name = 'UserFacingError';
}
