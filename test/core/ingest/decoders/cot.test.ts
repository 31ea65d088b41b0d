import { describe, expect, it } from 'vitest';
import { encodeCot } from '../../../../electron/core/cot/encode-cot';
import { decodeCot } from '../../../../electron/core/ingest/decoders/cot';
import { aCotEvent } from '../../../builders/cot-event-builder';
import { fuzzFailures, fuzzInputs } from './fuzz';

// The CoT decoder's own behaviour is covered by test/core/ingest/cot-decoder.test.ts; these are
// the hostile records the fuzzing of the other decoders turned up for it.
const bytes = (text: string): Uint8Array => new TextEncoder().encode(text);
const point = '<point lat="1" lon="2"/>';

describe('Given the CoT XML decoder and hostile records', () => {
  it.each([
    ['a malformed XML declaration the validator lets through', `<?xml version="1.0' ?><event uid="a" type="a-f-G" time="2026-11-26T12:00:00Z">${point}</event>`],
    ['nesting deeper than the parser allows', `<event uid="a" type="a-f-G" time="2026-11-26T12:00:00Z">${point}${'<a>'.repeat(5_000)}${'</a>'.repeat(5_000)}</event>`],
  ])('When the record has %s, Then it is refused instead of thrown on', (_case, xml) => {
    expect(decodeCot(bytes(xml))).toMatchObject({ ok: false, error: expect.stringMatching(/^the record could not be read as XML \(/) });
  });

  it('When 2,000 random and mutated records arrive, Then it never throws or reports nonsense', () => {
    expect(fuzzFailures(decodeCot, fuzzInputs(0xc07, [bytes(encodeCot(aCotEvent()))]))).toEqual([]);
  });
});
