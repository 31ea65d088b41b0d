import { describe, expect, it } from 'vitest';
import { bytesFromBase64, hexPreview } from '../../renderer/tracks/raw-payload';

describe('Given a binary payload shown raw', () => {
  it('When it arrives as base64, Then the bytes come back exactly', () => {
    expect([...bytesFromBase64('vwH/gA==')]).toEqual([0xbf, 0x01, 0xff, 0x80]);
  });

  it('When it is previewed, Then each line holds the offset, sixteen bytes in hex and the printable ones', () => {
    const bytes = Uint8Array.from([...'Outpost TAK v1!!'].map((c) => c.charCodeAt(0)).concat([0x00, 0xff]));
    expect(hexPreview(bytes).split('\n')).toEqual([
      '0000  4f 75 74 70 6f 73 74 20 54 41 4b 20 76 31 21 21  |Outpost TAK v1!!|',
      '0010  00 ff                                            |..|',
    ]);
  });

  it('When it is longer than the preview, Then only the first bytes are shown', () => {
    const lines = hexPreview(new Uint8Array(1_000), 64).split('\n');
    expect(lines).toHaveLength(4);
    expect(lines[3]?.startsWith('0030')).toBe(true);
  });
});
