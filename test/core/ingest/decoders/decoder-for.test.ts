import { describe, expect, it } from 'vitest';
import { decoderFor } from '../../../../electron/core/ingest/decoders';
import { RECORD_FORMATS } from '../../../../shared/formats';

const bytes = (text: string): Uint8Array => new TextEncoder().encode(text);

describe('Given decoderFor', () => {
  it.each(RECORD_FORMATS)('When asked for %s twice, Then it hands out the same decoder', (format) => {
    expect(decoderFor(format)).toBe(decoderFor(format));
  });

  it('When two JSON mappings say the same thing, Then they share one decoder', () => {
    expect(decoderFor('json', { lat: 'lat', lon: 'position.lon' })).toBe(decoderFor('json', { lon: 'position.lon' }));
    expect(decoderFor('json', {})).toBe(decoderFor('json'));
  });

  it('When JSON mappings differ, Then each decoder reads its own paths', () => {
    const record = bytes(JSON.stringify({ id: 'u1', lat: 1, lon: 2, position: { lat: 3, lon: 4 } }));

    const flat = decoderFor('json')(record);
    const nested = decoderFor('json', { lat: 'position.lat', lon: 'position.lon' })(record);

    expect(flat.ok && flat.entities[0]).toMatchObject({ lat: 1, lon: 2 });
    expect(nested.ok && nested.entities[0]).toMatchObject({ lat: 3, lon: 4 });
  });
});
