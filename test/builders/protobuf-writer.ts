/**
 * Just enough of the protobuf wire format (https://protobuf.dev/programming-guides/encoding/)
 * to write test messages field by field, so a test reads like the .proto it exercises.
 */
const VARINT = 0;
const FIXED64 = 1;
const LENGTH_DELIMITED = 2;

export function varint(value: number): Uint8Array {
  const bytes: number[] = [];
  let rest = value;
  while (rest >= 0x80) {
    bytes.push((rest % 0x80) | 0x80);
    rest = Math.floor(rest / 0x80);
  }
  bytes.push(rest);
  return Uint8Array.from(bytes);
}

export function concat(...parts: readonly Uint8Array[]): Uint8Array {
  const joined = new Uint8Array(parts.reduce((length, part) => length + part.length, 0));
  let offset = 0;
  for (const part of parts) {
    joined.set(part, offset);
    offset += part.length;
  }
  return joined;
}

function tag(fieldNumber: number, wireType: number): Uint8Array {
  return varint(fieldNumber * 8 + wireType);
}

export function varintField(fieldNumber: number, value: number): Uint8Array {
  return concat(tag(fieldNumber, VARINT), varint(value));
}

export function doubleField(fieldNumber: number, value: number): Uint8Array {
  const bytes = new Uint8Array(8);
  new DataView(bytes.buffer).setFloat64(0, value, true);
  return concat(tag(fieldNumber, FIXED64), bytes);
}

export function bytesField(fieldNumber: number, bytes: Uint8Array): Uint8Array {
  return concat(tag(fieldNumber, LENGTH_DELIMITED), varint(bytes.length), bytes);
}

export function stringField(fieldNumber: number, text: string): Uint8Array {
  return bytesField(fieldNumber, new TextEncoder().encode(text));
}

export function messageField(fieldNumber: number, ...fields: readonly Uint8Array[]): Uint8Array {
  return bytesField(fieldNumber, concat(...fields));
}
