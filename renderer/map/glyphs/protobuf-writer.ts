/**
 * Just enough of the Protocol Buffers wire format (https://protobuf.dev/programming-guides/encoding/)
 * to write the glyph messages MapLibre reads: varints, zigzag sint32, bytes, strings and
 * embedded messages. Output is assembled from chunks, so a glyph's bitmap is copied once.
 */
const VARINT = 0;
const LENGTH_DELIMITED = 2;

const utf8 = new TextEncoder();

export class ProtobufWriter {
  private readonly chunks: Uint8Array[] = [];
  private length = 0;

  uint32(fieldNumber: number, value: number): this {
    this.tag(fieldNumber, VARINT);
    this.varint(value);
    return this;
  }

  /** A signed value zigzag-encoded, so small negatives stay one byte. */
  sint32(fieldNumber: number, value: number): this {
    this.tag(fieldNumber, VARINT);
    this.varint(((value << 1) ^ (value >> 31)) >>> 0);
    return this;
  }

  bytes(fieldNumber: number, value: Uint8Array): this {
    this.tag(fieldNumber, LENGTH_DELIMITED);
    this.varint(value.length);
    this.push(value);
    return this;
  }

  string(fieldNumber: number, value: string): this {
    return this.bytes(fieldNumber, utf8.encode(value));
  }

  message(fieldNumber: number, write: (inner: ProtobufWriter) => void): this {
    const inner = new ProtobufWriter();
    write(inner);
    return this.bytes(fieldNumber, inner.finish());
  }

  finish(): Uint8Array {
    const joined = new Uint8Array(this.length);
    let offset = 0;
    for (const chunk of this.chunks) {
      joined.set(chunk, offset);
      offset += chunk.length;
    }
    return joined;
  }

  private tag(fieldNumber: number, wireType: number): void {
    this.varint(fieldNumber * 8 + wireType);
  }

  private varint(value: number): void {
    const bytes: number[] = [];
    let rest = value;
    while (rest >= 0x80) {
      bytes.push((rest % 0x80) | 0x80);
      rest = Math.floor(rest / 0x80);
    }
    bytes.push(rest);
    this.push(Uint8Array.from(bytes));
  }

  private push(chunk: Uint8Array): void {
    this.chunks.push(chunk);
    this.length += chunk.length;
  }
}
