import { addProtocol } from 'maplibre-gl/dist/maplibre-gl-csp.js';
import { encodeGlyphPbf } from './glyph-pbf';
import { GLYPH_PROTOCOL, parseGlyphUrl, type GlyphRequest } from './glyph-url';
import { LABEL_FONT_WEIGHT, labelFontFamily } from './label-font';
import { drawGlyphRange } from './sdf-glyphs';

/**
 * A range takes tens of milliseconds to draw; the map keeps its own copy of each glyph, so this
 * cache only spares the work when a style is loaded again. It is bounded, because the ranges a
 * feed's callsigns touch are the feed's choice, not ours.
 */
const MAX_CACHED_RANGES = 64;
const generated = new Map<string, Promise<Uint8Array>>();

/**
 * Serves the style's `outpost-glyphs://{fontstack}/{range}` requests from glyphs drawn on the spot
 * with the bundled label face: labels need no glyph server and no network. Every fontstack is
 * drawn in that face, since it is the only one the app ships.
 */
export function installGlyphProtocol(): void {
  // The face starts loading now, alongside the basemap, rather than when the first tile asks for
  // glyphs: every symbol of a tile, icons included, waits for that tile's glyphs.
  void labelFontFamily();
  addProtocol(GLYPH_PROTOCOL, async ({ url }) => {
    const request = parseGlyphUrl(url);
    if (request === null) throw new Error(`Outpost draws no glyphs for ${url}.`);
    const bytes = await cachedRange(request);
    // A copy, so nothing the map does with the buffer can reach the cached one.
    return { data: bytes.slice().buffer };
  });
}

function cachedRange(request: GlyphRequest): Promise<Uint8Array> {
  const key = `${request.fontstack}/${request.range.start}`;
  const known = generated.get(key);
  if (known !== undefined) return known;
  if (generated.size >= MAX_CACHED_RANGES) generated.delete(generated.keys().next().value ?? key);
  const drawing = generateRange(request);
  generated.set(key, drawing);
  drawing.catch(() => generated.delete(key));
  return drawing;
}

async function generateRange({ fontstack, range }: GlyphRequest): Promise<Uint8Array> {
  const fontFamily = await labelFontFamily();
  return encodeGlyphPbf(fontstack, range, drawGlyphRange(fontFamily, LABEL_FONT_WEIGHT, range));
}
