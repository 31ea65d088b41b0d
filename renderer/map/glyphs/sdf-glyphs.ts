import TinySDF from '@mapbox/tiny-sdf';
import { GLYPH_BORDER, type GlyphRange, type SdfGlyph } from './glyph-pbf';

// Glyph PBFs are cut at a 24 px em with an 8 px SDF radius and a 0.25 cutoff, which is where
// MapLibre's text shader expects a glyph's edge.
const EM_PIXELS = 24;
const SDF_RADIUS = 8;
const SDF_CUTOFF = 0.25;

/**
 * TinySDF measures `top` up from the alphabetic baseline; PBF glyphs measure it from an origin
 * above the em box. MapLibre shifts its own TinySDF glyphs by 27.5 px of a 24 px em to line them
 * up with server-made ones (glyph_manager.ts, "topAdjustment"), and so do we.
 */
const TOP_ADJUSTMENT = 27.5;

/** Control, surrogate and formatting code points draw nothing; MapLibre needs no glyph for them. */
const UNDRAWABLE = /^[\p{Cc}\p{Cs}\p{Cf}]$/u;

/** Draws every drawable code point of a range as an SDF glyph, in the given CSS font family. */
export function drawGlyphRange(fontFamily: string, fontWeight: string, range: GlyphRange): SdfGlyph[] {
  const sdf = new TinySDF({ fontSize: EM_PIXELS, buffer: GLYPH_BORDER, radius: SDF_RADIUS, cutoff: SDF_CUTOFF, fontFamily, fontWeight });
  const glyphs: SdfGlyph[] = [];
  for (let id = range.start; id <= range.end; id++) {
    const character = String.fromCodePoint(id);
    if (UNDRAWABLE.test(character)) continue;
    const drawn = sdf.draw(character);
    glyphs.push({
      id,
      bitmap: new Uint8Array(drawn.data.buffer, drawn.data.byteOffset, drawn.data.length),
      width: drawn.glyphWidth,
      height: drawn.glyphHeight,
      left: drawn.glyphLeft,
      top: Math.round(drawn.glyphTop - TOP_ADJUSTMENT),
      advance: Math.round(drawn.glyphAdvance),
    });
  }
  return glyphs;
}
