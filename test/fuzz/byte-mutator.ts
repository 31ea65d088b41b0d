import type { Random } from './random';
import { concat, varint } from '../builders/protobuf-writer';

/** Records a decoder may meet are at most 1 MiB by default, so by default no mutation grows past that. */
export const MAX_MUTATED_BYTES = 1024 * 1024;

const INTERESTING_BYTES = [0x00, 0x01, 0x7f, 0x80, 0xbf, 0xff, 0x3c, 0x3e, 0x22, 0x26, 0x7b, 0x7d, 0x5b, 0x5d, 0x2c, 0x21, 0x2a, 0x0a];

/** Sequences that are not UTF-8: overlong, surrogate halves, cut-off multi-byte, bytes UTF-8 never uses. */
const INVALID_UTF8 = [[0xc0, 0x80], [0xed, 0xa0, 0x80], [0xf8, 0x88, 0x80, 0x80, 0x80], [0x80], [0xe2, 0x82], [0xfe], [0xf4, 0x90, 0x80, 0x80]];

const BOUNDARY_NUMBERS = [
  '0', '-0', '1e309', '-1e309', '1e-400', 'NaN', 'Infinity', '-Infinity', '9007199254740993', '-9007199254740993',
  '90.0000001', '-90.0000001', '180.0000001', '-180.0000001', '4294967296', '18446744073709551616', '0x10', '1_000', '',
  '99999999999999999999999999999999999999999', '8.64e15', '-8.64e15', '1e21',
];

const NESTING_OPENERS = ['[', '{"a":', '<a>', '<detail>', '"'];

const encoder = new TextEncoder();

type Mutation = (input: Uint8Array, random: Random, seeds: readonly Uint8Array[], maxBytes: number) => Uint8Array;

const mutations: readonly Mutation[] = [
  flipBit,
  setInterestingByte,
  insertRandomBytes,
  deleteRange,
  duplicateRange,
  spliceWithAnotherSeed,
  truncate,
  replaceNumberWithBoundary,
  insertBoundaryNumber,
  nestDeeply,
  repeatHugely,
  insertInvalidUtf8,
];

/** One to four stacked mutations of a seed picked at random; the seeds themselves are never changed. */
export function mutateBytes(seeds: readonly Uint8Array[], random: Random, maxBytes = MAX_MUTATED_BYTES): Uint8Array {
  let result = random.pick(seeds);
  const rounds = 1 + random.below(4);
  for (let round = 0; round < rounds; round++) {
    result = random.pick(mutations)(result, random, seeds, maxBytes);
    if (result.byteLength > maxBytes) result = result.subarray(0, maxBytes);
  }
  return result;
}

function flipBit(input: Uint8Array, random: Random): Uint8Array {
  if (input.byteLength === 0) return input;
  const copy = input.slice();
  const at = random.below(copy.byteLength);
  copy[at] = (copy[at] ?? 0) ^ (1 << random.below(8));
  return copy;
}

function setInterestingByte(input: Uint8Array, random: Random): Uint8Array {
  if (input.byteLength === 0) return Uint8Array.of(random.pick(INTERESTING_BYTES));
  const copy = input.slice();
  copy[random.below(copy.byteLength)] = random.pick(INTERESTING_BYTES);
  return copy;
}

function insertRandomBytes(input: Uint8Array, random: Random): Uint8Array {
  const inserted = new Uint8Array(1 + random.below(16));
  for (let index = 0; index < inserted.byteLength; index++) inserted[index] = random.below(256);
  return insertAt(input, random.below(input.byteLength + 1), inserted);
}

function deleteRange(input: Uint8Array, random: Random): Uint8Array {
  if (input.byteLength === 0) return input;
  const start = random.below(input.byteLength);
  const end = Math.min(input.byteLength, start + 1 + random.below(32));
  return concat(input.subarray(0, start), input.subarray(end));
}

function duplicateRange(input: Uint8Array, random: Random): Uint8Array {
  if (input.byteLength === 0) return input;
  const start = random.below(input.byteLength);
  const end = Math.min(input.byteLength, start + 1 + random.below(64));
  return insertAt(input, end, input.subarray(start, end));
}

function spliceWithAnotherSeed(input: Uint8Array, random: Random, seeds: readonly Uint8Array[]): Uint8Array {
  const other = random.pick(seeds);
  return concat(input.subarray(0, random.below(input.byteLength + 1)), other.subarray(random.below(other.byteLength + 1)));
}

function truncate(input: Uint8Array, random: Random): Uint8Array {
  return input.subarray(0, random.below(input.byteLength + 1));
}

/** Finds a run of digits (a coordinate, a time, a length) and puts a boundary number in its place. */
function replaceNumberWithBoundary(input: Uint8Array, random: Random): Uint8Array {
  const from = random.below(input.byteLength + 1);
  let start = from;
  while (start < input.byteLength && !isDigit(input[start])) start++;
  if (start >= input.byteLength) return insertBoundaryNumber(input, random);
  let end = start;
  while (end < input.byteLength && (isDigit(input[end]) || input[end] === 0x2e || input[end] === 0x2d)) end++;
  return concat(input.subarray(0, start), encoder.encode(random.pick(BOUNDARY_NUMBERS)), input.subarray(end));
}

function insertBoundaryNumber(input: Uint8Array, random: Random): Uint8Array {
  return insertAt(input, random.below(input.byteLength + 1), encoder.encode(random.pick(BOUNDARY_NUMBERS)));
}

function nestDeeply(input: Uint8Array, random: Random, _seeds: readonly Uint8Array[], maxBytes: number): Uint8Array {
  const depth = random.pick([64, 1_000, 10_000, 100_000]);
  if (random.below(2) === 0) return concat(encoder.encode(random.pick(NESTING_OPENERS).repeat(Math.min(depth, maxBytes / 8))), input);
  // A chain of length-delimited fields, each holding the next: protobuf's way to nest.
  let nested = input;
  for (let level = 0; level < Math.min(depth, 200); level++) nested = concat(Uint8Array.of(0x7a), varint(nested.byteLength), nested);
  return nested;
}

function repeatHugely(input: Uint8Array, random: Random, _seeds: readonly Uint8Array[], maxBytes: number): Uint8Array {
  if (input.byteLength === 0) return input;
  const start = random.below(input.byteLength);
  const chunk = input.subarray(start, Math.min(input.byteLength, start + 1 + random.below(16)));
  const times = Math.max(1, Math.floor(Math.min(random.pick([1_000, 10_000, maxBytes]), maxBytes) / chunk.byteLength));
  const repeated = new Uint8Array(chunk.byteLength * times);
  repeated.set(chunk);
  // Doubling the filled part copies in a few large moves instead of one per repeat.
  for (let filled = chunk.byteLength; filled < repeated.byteLength; filled *= 2) repeated.copyWithin(filled, 0, filled);
  return insertAt(input, start, repeated);
}

function insertInvalidUtf8(input: Uint8Array, random: Random): Uint8Array {
  return insertAt(input, random.below(input.byteLength + 1), Uint8Array.from(random.pick(INVALID_UTF8)));
}

function isDigit(byte: number | undefined): boolean {
  return byte !== undefined && byte >= 0x30 && byte <= 0x39;
}

function insertAt(input: Uint8Array, at: number, inserted: Uint8Array): Uint8Array {
  return concat(input.subarray(0, at), inserted, input.subarray(at));
}
