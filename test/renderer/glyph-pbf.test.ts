import { describe, expect, it } from 'vitest';
import { ProtobufReader } from '../../electron/core/ingest/decoders/protobuf-reader';
import { encodeGlyphPbf, GLYPH_BORDER, type SdfGlyph } from '../../renderer/map/glyphs/glyph-pbf';
import { ProtobufWriter } from '../../renderer/map/glyphs/protobuf-writer';

/** Reads a glyphs PBF back with the core's independent protobuf reader, field by field. */
function decodeGlyphs(bytes: Uint8Array) {
  const stacks: Array<{ name: string; range: string; glyphs: Array<Record<string, number | number[]>> }> = [];
  const top = new ProtobufReader(bytes, 0, bytes.length);
  while (top.next()) {
    expect(top.fieldNumber).toBe(1);
    const stack = { name: '', range: '', glyphs: [] as Array<Record<string, number | number[]>> };
    const fields = top.message();
    while (fields.next()) {
      if (fields.fieldNumber === 1) stack.name = fields.string() ?? '';
      if (fields.fieldNumber === 2) stack.range = fields.string() ?? '';
      if (fields.fieldNumber !== 3) continue;
      const glyph: Record<string, number | number[]> = {};
      const entry = fields.message();
      while (entry.next()) {
        const name = ['', 'id', 'bitmap', 'width', 'height', 'left', 'top', 'advance'][entry.fieldNumber] ?? `field${entry.fieldNumber}`;
        if (name === 'bitmap') glyph[name] = [...bytes.subarray(entry.valueStart, entry.valueEnd)];
        else if (name === 'left' || name === 'top') glyph[name] = entry.varint % 2 === 0 ? entry.varint / 2 : -(entry.varint + 1) / 2;
        else glyph[name] = entry.varint;
      }
      expect(entry.problem).toBeNull();
      stack.glyphs.push(glyph);
    }
    expect(fields.problem).toBeNull();
    stacks.push(stack);
  }
  expect(top.problem).toBeNull();
  return stacks;
}

function aGlyph(overrides: Partial<SdfGlyph> = {}): SdfGlyph {
  const width = overrides.width ?? 2;
  const height = overrides.height ?? 3;
  const bitmap = Uint8Array.from({ length: (width + 2 * GLYPH_BORDER) * (height + 2 * GLYPH_BORDER) }, (_, index) => index % 256);
  return { id: 65, bitmap, width, height, left: 1, top: -10, advance: 14, ...overrides };
}

describe('Given glyphs drawn for a fontstack range', () => {
  it('When they are encoded, Then MapLibre’s glyphs.proto fields come back as written', () => {
    const glyph = aGlyph();
    const [stack] = decodeGlyphs(encodeGlyphPbf('Outpost Label', { start: 0, end: 255 }, [glyph]));
    expect(stack).toEqual({
      name: 'Outpost Label',
      range: '0-255',
      glyphs: [{ id: 65, bitmap: [...glyph.bitmap], width: 2, height: 3, left: 1, top: -10, advance: 14 }],
    });
    expect(glyph.bitmap).toHaveLength((2 + 6) * (3 + 6));
  });

  it('When a glyph draws nothing, such as a space, Then it carries metrics and no bitmap', () => {
    const [stack] = decodeGlyphs(encodeGlyphPbf('Outpost Label', { start: 0, end: 255 }, [aGlyph({ id: 32, width: 0, height: 0, advance: 6, top: 0, left: 0 })]));
    expect(stack?.glyphs).toEqual([{ id: 32, width: 0, height: 0, left: 0, top: 0, advance: 6 }]);
  });

  it('When a range lies beyond one byte of code points, Then ids and the range name keep their value', () => {
    const [stack] = decodeGlyphs(encodeGlyphPbf('Outpost Label', { start: 0x4e00, end: 0x4eff }, [aGlyph({ id: 0x4e2d })]));
    expect(stack?.range).toBe('19968-20223');
    expect(stack?.glyphs[0]?.['id']).toBe(0x4e2d);
  });
});

describe('Given the protobuf writer', () => {
  it('When it writes varints and zigzag sint32s, Then the bytes match the encoding guide’s examples', () => {
    expect([...new ProtobufWriter().uint32(1, 150).finish()]).toEqual([0x08, 0x96, 0x01]);
    expect([...new ProtobufWriter().sint32(1, -1).finish()]).toEqual([0x08, 0x01]);
    expect([...new ProtobufWriter().sint32(1, 1).finish()]).toEqual([0x08, 0x02]);
    expect([...new ProtobufWriter().sint32(1, -2147483648).finish()]).toEqual([0x08, 0xff, 0xff, 0xff, 0xff, 0x0f]);
  });

  it('When it writes a string and an embedded message, Then each is length-prefixed', () => {
    expect([...new ProtobufWriter().string(2, 'testing').finish()]).toEqual([0x12, 0x07, 0x74, 0x65, 0x73, 0x74, 0x69, 0x6e, 0x67]);
    expect([...new ProtobufWriter().message(3, (inner) => inner.uint32(1, 150)).finish()]).toEqual([0x1a, 0x03, 0x08, 0x96, 0x01]);
  });
});
