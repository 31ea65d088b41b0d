import { ProtobufWriter } from './protobuf-writer';

/**
 * One glyph as MapLibre's glyph PBFs carry it: an SDF bitmap with a 3-pixel border on every
 * side (so `width + 6` by `height + 6` bytes), and metrics in pixels of a 24 px em.
 */
export interface SdfGlyph {
  readonly id: number;
  readonly bitmap: Uint8Array;
  readonly width: number;
  readonly height: number;
  readonly left: number;
  readonly top: number;
  readonly advance: number;
}

export const GLYPH_BORDER = 3;

/** Code points `start` to `end` inclusive, in the 256-wide blocks MapLibre asks for. */
export interface GlyphRange {
  readonly start: number;
  readonly end: number;
}

/**
 * Encodes one fontstack's range as the `glyphs` message of MapLibre's glyphs.proto:
 * glyphs { repeated fontstack stacks = 1 }, fontstack { name = 1; range = 2; repeated glyph glyphs = 3 },
 * glyph { id = 1; bitmap = 2; width = 3; height = 4; sint32 left = 5; sint32 top = 6; advance = 7 }.
 */
export function encodeGlyphPbf(fontstack: string, range: GlyphRange, glyphs: readonly SdfGlyph[]): Uint8Array {
  return new ProtobufWriter()
    .message(1, (stack) => {
      stack.string(1, fontstack).string(2, `${range.start}-${range.end}`);
      for (const glyph of glyphs) {
        stack.message(3, (entry) => {
          entry.uint32(1, glyph.id);
          // An empty glyph (a space) has no bitmap at all, as in server-made PBFs.
          if (glyph.width > 0 && glyph.height > 0) entry.bytes(2, glyph.bitmap);
          entry.uint32(3, glyph.width).uint32(4, glyph.height).sint32(5, glyph.left).sint32(6, glyph.top).uint32(7, glyph.advance);
        });
      }
    })
    .finish();
}
