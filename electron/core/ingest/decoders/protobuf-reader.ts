import { isUtf8 } from 'node:buffer';

/**
 * Protocol Buffers wire types, from the encoding guide
 * (https://protobuf.dev/programming-guides/encoding/, "Message Structure").
 * Wire types 3 and 4 are the deprecated groups, which no TAK message uses.
 */
export const WireType = { varint: 0, fixed64: 1, lengthDelimited: 2, fixed32: 5 } as const;

const MAX_VARINT_BYTES = 10;
const MAX_FIELD_NUMBER = 2 ** 29 - 1;

// A string field's bytes are its content: a leading U+FEFF is kept, not taken for a byte-order mark.
const utf8 = new TextDecoder('utf-8', { ignoreBOM: true });

/**
 * Walks the fields of one protobuf message inside `bytes[start, end)`, without allocating per
 * field. Offsets and problems are reported against the whole buffer, so an error can point at
 * the byte in the record where it went wrong. It never throws: malformed input stops `next()`
 * and leaves a `problem` such as "is truncated at byte 37".
 *
 * ```ts
 * while (reader.next()) { switch (reader.fieldNumber) { … } }
 * if (reader.problem !== null) …
 * ```
 */
export class ProtobufReader {
  fieldNumber = 0;
  wireType = 0;
  /** The current field's value when it is a varint; exact up to 2^53, approximate beyond. */
  varint = 0;
  /** Where the current length-delimited, fixed64 or fixed32 value lies in the buffer. */
  valueStart = 0;
  valueEnd = 0;
  /** Why the message is malformed, as a fragment that follows "the … message"; null while it is not. */
  problem: string | null = null;

  private position: number;
  private view: DataView | null = null;

  constructor(
    private readonly bytes: Uint8Array,
    start: number,
    private readonly end: number,
  ) {
    this.position = start;
  }

  /** Moves to the next field. False at the end of the message, or when `problem` says why not. */
  next(): boolean {
    if (this.problem !== null || this.position >= this.end) return false;
    const tagAt = this.position;
    const tag = this.readVarint();
    if (tag === null) return false;
    this.fieldNumber = Math.floor(tag / 8);
    this.wireType = tag % 8;
    if (this.fieldNumber === 0 || this.fieldNumber > MAX_FIELD_NUMBER) {
      return this.fail(`has an invalid field number ${this.fieldNumber} at byte ${tagAt}`);
    }
    switch (this.wireType) {
      case WireType.varint: {
        const value = this.readVarint();
        if (value === null) return false;
        this.varint = value;
        return true;
      }
      case WireType.fixed64:
        return this.takeBytes(8);
      case WireType.fixed32:
        return this.takeBytes(4);
      case WireType.lengthDelimited: {
        const length = this.readVarint();
        return length !== null && this.takeBytes(length);
      }
      default:
        return this.fail(`has an unsupported wire type ${this.wireType} at byte ${tagAt}`);
    }
  }

  /** The current fixed64 field read as a little-endian IEEE 754 double. */
  double(): number {
    this.view ??= new DataView(this.bytes.buffer, this.bytes.byteOffset, this.bytes.byteLength);
    return this.view.getFloat64(this.valueStart, true);
  }

  /** The current length-delimited field as text, or null when it is not valid UTF-8. */
  string(): string | null {
    const slice = this.bytes.subarray(this.valueStart, this.valueEnd);
    return isUtf8(slice) ? utf8.decode(slice) : null;
  }

  /** A reader over the current length-delimited field, read as an embedded message. */
  message(): ProtobufReader {
    return new ProtobufReader(this.bytes, this.valueStart, this.valueEnd);
  }

  /** Where the next read starts, as an offset into the whole buffer. */
  get offset(): number {
    return this.position;
  }

  /** Reads one bare varint, as framing headers hold; null when `problem` says why not. */
  readVarint(): number | null {
    const startedAt = this.position;
    let value = 0;
    for (let index = 0; index < MAX_VARINT_BYTES; index++) {
      if (this.position >= this.end) {
        this.fail(`is truncated at byte ${this.end}`);
        return null;
      }
      const byte = this.bytes[this.position++] ?? 0;
      value += (byte & 0x7f) * 2 ** (7 * index);
      if (byte < 0x80) return value;
    }
    this.fail(`has a varint longer than ${MAX_VARINT_BYTES} bytes at byte ${startedAt}`);
    return null;
  }

  // The length is compared with what is left before anything is sliced, so a length field
  // claiming gigabytes costs nothing.
  private takeBytes(length: number): boolean {
    if (length > this.end - this.position) return this.fail(`is truncated at byte ${this.end}`);
    this.valueStart = this.position;
    this.valueEnd = this.position + length;
    this.position = this.valueEnd;
    return true;
  }

  private fail(problem: string): false {
    this.problem = problem;
    return false;
  }
}
