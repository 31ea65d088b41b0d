import { describe, expect, it } from 'vitest';
import { parseSymbolImageId, symbolImageId } from '../../renderer/map/symbols/symbol-image-id';

describe('Given the map images that draw track symbols', () => {
  it('When a feature names one, Then the image id gives back its SIDC and staleness', () => {
    expect(parseSymbolImageId(symbolImageId('SHAPMF---------', 'fresh'))).toEqual({ sidc: 'SHAPMF---------', staleness: 'fresh' });
    expect(parseSymbolImageId(symbolImageId('SFGPI-----H----', 'stale'))).toEqual({ sidc: 'SFGPI-----H----', staleness: 'stale' });
  });

  it('When the map misses an image that is not a track symbol, Then it is left to whoever named it', () => {
    expect(parseSymbolImageId('track-heading')).toBeNull();
    expect(parseSymbolImageId('milsymbol:hidden:SHAPMF---------')).toBeNull();
    expect(parseSymbolImageId('milsymbol:fresh:SHAPMF')).toBeNull();
  });
});
