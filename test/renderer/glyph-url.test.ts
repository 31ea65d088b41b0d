import { describe, expect, it } from 'vitest';
import { GLYPHS_URL, parseGlyphUrl } from '../../renderer/map/glyphs/glyph-url';

const requested = (fontstack: string, range: string): string => GLYPHS_URL.replace('{fontstack}', fontstack).replace('{range}', range);

describe('Given the glyph URLs MapLibre builds from the style', () => {
  it('When it asks for a fontstack range, Then the fontstack and the block of code points are read back', () => {
    expect(parseGlyphUrl(requested('Outpost Label', '0-255'))).toEqual({ fontstack: 'Outpost Label', range: { start: 0, end: 255 } });
    expect(parseGlyphUrl(requested('Outpost Label,Noto Sans', '256-511'))).toEqual({ fontstack: 'Outpost Label,Noto Sans', range: { start: 256, end: 511 } });
  });

  it('When the fontstack arrives percent-encoded, Then it is decoded', () => {
    expect(parseGlyphUrl(requested('Outpost%20Label', '0-255'))?.fontstack).toBe('Outpost Label');
  });

  it('When the URL is not one aligned 256-code-point block of ours, Then it is refused', () => {
    expect(parseGlyphUrl('https://example.org/fonts/Outpost Label/0-255.pbf')).toBeNull();
    expect(parseGlyphUrl(requested('Outpost Label', '0-1000'))).toBeNull();
    expect(parseGlyphUrl(requested('Outpost Label', '10-265'))).toBeNull();
    expect(parseGlyphUrl(requested('Outpost Label', '1114112-1114367'))).toBeNull();
    expect(parseGlyphUrl(requested('%E0%A4%A', '0-255'))).toBeNull();
  });
});
