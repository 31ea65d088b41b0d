import type { GlyphRange } from './glyph-pbf';

export const GLYPH_PROTOCOL = 'outpost-glyphs';

/** The style's `glyphs` template: MapLibre fills in the fontstack and a range such as `0-255`. */
export const GLYPHS_URL = `${GLYPH_PROTOCOL}://{fontstack}/{range}`;

const GLYPH_REQUEST = new RegExp(`^${GLYPH_PROTOCOL}://(.+)/(\\d+)-(\\d+)$`);
const RANGE_SIZE = 256;

export interface GlyphRequest {
  readonly fontstack: string;
  readonly range: GlyphRange;
}

/**
 * Reads a glyph URL MapLibre built from GLYPHS_URL. The fontstack arrives as the style wrote it,
 * or percent-encoded by a URL-aware caller; anything but one aligned 256-code-point block is refused.
 */
export function parseGlyphUrl(url: string): GlyphRequest | null {
  const match = GLYPH_REQUEST.exec(url);
  if (match === null) return null;
  const [, rawFontstack = '', startText = '', endText = ''] = match;
  const start = Number(startText);
  const end = Number(endText);
  if (start % RANGE_SIZE !== 0 || end !== start + RANGE_SIZE - 1 || end > 0x10ffff) return null;
  let fontstack: string;
  try {
    fontstack = decodeURIComponent(rawFontstack);
  } catch {
    return null;
  }
  return { fontstack, range: { start, end } };
}
