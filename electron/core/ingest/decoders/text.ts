import { isUtf8 } from 'node:buffer';
import type { DecodeResult } from '../decoded-entity';
import { NOTHING_TO_PLOT, failure } from './results';

/** Free text: the record is cached as it is and has nothing to plot. Only bytes that are not UTF-8 are refused. */
export function decodeText(value: Uint8Array): DecodeResult {
  return isUtf8(value) ? NOTHING_TO_PLOT : failure('the record is not valid UTF-8 text');
}
