import { isUtf8 } from 'node:buffer';

// Validity is checked first with isUtf8, so the decoder itself never meets a bad sequence.
// It drops a leading byte-order mark, as a text editor saving "UTF-8 with BOM" would want.
const decoder = new TextDecoder('utf-8');

/** The record's text, or null when its bytes are not valid UTF-8. */
export function utf8Text(value: Uint8Array): string | null {
  return isUtf8(value) ? decoder.decode(value) : null;
}
