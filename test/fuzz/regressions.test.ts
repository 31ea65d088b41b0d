import { inflateSync } from 'node:zlib';
import { describe, expect, it } from 'vitest';
import { decoderFor } from '../../electron/core/ingest/decoders';
import { problemWithDecodeResult } from './fuzz-targets';

/**
 * Inputs `npm run fuzz` flagged, byte for byte. Each is a 1 MiB record, the default record
 * limit, that took over two seconds to refuse on a loaded machine (FUZZ_SEED=777): the parsers
 * are linear but slow on them, about a second per MiB when idle. They stay here so a change
 * that makes them super-linear (a stalled ingest thread) is caught.
 */

// decoder cot, iteration 390: an <event> tag with some 350 000 bare `Z"` attributes. Deflated, as base64.
const COT_WITH_BARE_ATTRIBUTES = inflateSync(
  Buffer.from(
    'eNrt0LFKw1AUBuBXCXdwu+UmQxFt7CAo7u3iFmysgSYpTazt25u6uImbIB98Zzrn58C/WJ7aXXasD0PTd2XIZylkdffSb5puW4b16iFeh2wYq25T7fquLsO5' +
    'HsLyblEf6278zhWX3HuzKcPpqmr3t5c5h2w876dIFV/jY1zH+/gUsrf+owxt3E7Lpp2WRSrmMc9jMV/lxU1Kk1lK6fnr62H86QAAAAAAAAAAAAAAAAAAAAAA' +
    'AAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAA' +
    'AAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAA' +
    'AAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAA' +
    'AAAAAAAAAPgvVAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAA' +
    'AAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAA' +
    'AAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAA' +
    'AAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAA' +
    'AAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAA' +
    'AAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAA' +
    'AAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAf0cFAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAA' +
    'AAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAA' +
    'AAAAAAAAAAAAAAAAAADA730CSp46ag==',
    'base64',
  ),
);

// decoder auto, iteration 3225: the type attribute's name repeated as `ype=` to the limit.
const COT_WITH_REPEATED_ATTRIBUTE_NAME = Buffer.concat([
  Buffer.from('<?xml version="1.0" encoding="UTF-8" standalone="yes"?><event version="2.0" uid="test-unit-1" t'),
  Buffer.from('ype='.repeat(262_120)),
  Buffer.from('y'),
]);

// decoder auto, iteration 3297: a million opening brackets around a boundary number.
const JSON_WITH_A_MILLION_BRACKETS = Buffer.from(`${'['.repeat(1_020_307)}-180.0000001${'['.repeat(28_257)}`);

// A stall, not a slow parse: the same bound `npm run fuzz` applies to one input.
const STALL_MS = 5_000;

describe('Given the inputs the fuzzer found slowest to refuse', () => {
  it.each([
    ['cot', 'a CoT tag with 350 000 bare attributes', COT_WITH_BARE_ATTRIBUTES, 1_048_548, /^the record is not well-formed XML \(boolean attribute/],
    ['auto', 'a CoT tag whose attribute name repeats to 1 MiB', COT_WITH_REPEATED_ATTRIBUTE_NAME, 1_048_576, /^the record is not well-formed XML \(Attribute 'type' is without value/],
    ['auto', 'a JSON record of a million brackets', JSON_WITH_A_MILLION_BRACKETS, 1_048_576, /^the record is not valid JSON/],
  ] as const)('When %s decodes %s, Then it is refused with its reason, without stalling', (format, _, input, size, reason) => {
    expect(input.byteLength).toBe(size);
    const started = performance.now();
    const result = decoderFor(format)(input);
    expect(performance.now() - started).toBeLessThan(STALL_MS);
    expect(problemWithDecodeResult(result)).toBeNull();
    expect(result.ok ? 'decoded' : result.error).toMatch(reason);
  });
});
