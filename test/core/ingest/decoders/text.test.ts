import { describe, expect, it } from 'vitest';
import { MAX_SEARCHABLE_TEXT_BYTES, decodeText } from '../../../../electron/core/ingest/decoders/text';
import { fuzzFailures, fuzzInputs } from './fuzz';

const bytes = (text: string): Uint8Array => new TextEncoder().encode(text);

describe('Given the raw text decoder', () => {
  it.each([
    ['plain ASCII', 'SITREP 0600: all quiet at checkpoint 4'],
    ['accents and other scripts', 'Cagliari – Città, Αθήνα, 東京'],
    ['an empty record', ''],
  ])('When the record is %s, Then it is valid with nothing to plot, and its text is searchable', (_case, text) => {
    expect(decodeText(bytes(text))).toEqual({ ok: true, entities: [], text });
  });

  it('When the record is longer than 4 KiB, Then only its first 4 KiB are kept searchable, without a broken character at the cut', () => {
    const long = `${'a'.repeat(MAX_SEARCHABLE_TEXT_BYTES - 1)}€ and more`;
    expect(decodeText(bytes(long))).toEqual({ ok: true, entities: [], text: 'a'.repeat(MAX_SEARCHABLE_TEXT_BYTES - 1) });
  });

  it.each([
    ['a stray continuation byte', Uint8Array.of(0x41, 0x80, 0x42)],
    ['a truncated sequence', Uint8Array.of(0xe2, 0x82)],
    ['an overlong encoding', Uint8Array.of(0xc0, 0xaf)],
    ['a UTF-16 surrogate', Uint8Array.of(0xed, 0xa0, 0x80)],
  ])('When the record holds %s, Then it is refused as not UTF-8', (_case, value) => {
    expect(decodeText(value)).toEqual({ ok: false, error: 'the record is not valid UTF-8 text' });
  });

  it('When 2,000 random and mutated records arrive, Then it never throws or reports nonsense', () => {
    expect(fuzzFailures(decodeText, fuzzInputs(0x7e47, [bytes('Cagliari – Città')]))).toEqual([]);
  });
});
