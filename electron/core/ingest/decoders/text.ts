import { isUtf8 } from 'node:buffer';
import type { DecodeResult } from '../decoded-entity';
import { failure } from './results';

/** Only the start of a long text is kept searchable: enough to find it, not an archive of it. */
export const MAX_SEARCHABLE_TEXT_BYTES = 4 * 1024;

const utf8 = new TextDecoder('utf-8');

/** Free text: the record is cached as it is, has nothing to plot, and its text is searchable. Only bytes that are not UTF-8 are refused. */
export function decodeText(value: Uint8Array): DecodeResult {
  if (!isUtf8(value)) return failure('the record is not valid UTF-8 text');
  if (value.byteLength <= MAX_SEARCHABLE_TEXT_BYTES) return { ok: true, entities: [], text: utf8.decode(value) };
  // The cut may split a character in two; its broken half is dropped rather than indexed.
  return { ok: true, entities: [], text: utf8.decode(value.subarray(0, MAX_SEARCHABLE_TEXT_BYTES)).replace(/\uFFFD+$/, '') };
}
