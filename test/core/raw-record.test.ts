import { describe, expect, it } from 'vitest';
import { rawRecordOf } from '../../electron/core/tracks/track-history';

const at = { topic: 'cot', partition: 2, offset: 41, receivedAt: 1_000 };

describe('Given a cached record shown raw', () => {
  it('When its payload is UTF-8 text, Then the text comes with the bytes and their count', () => {
    const value = new TextEncoder().encode('<event uid="x">é</event>');
    expect(rawRecordOf({ ...at, value })).toEqual({ ...at, text: '<event uid="x">é</event>', bytesBase64: Buffer.from(value).toString('base64'), bytes: value.byteLength });
  });

  it('When its payload is not valid UTF-8, Then there is no text, only the bytes', () => {
    const value = new Uint8Array([0xbf, 0x01, 0xff, 0x80]);
    expect(rawRecordOf({ ...at, value })).toMatchObject({ text: null, bytesBase64: 'vwH/gA==', bytes: 4 });
  });

  it('When its payload is valid UTF-8 full of control bytes, as protobuf often is, Then it is treated as binary', () => {
    expect(rawRecordOf({ ...at, value: new Uint8Array([0x08, 0x01, 0x12, 0x03, 0x61, 0x62, 0x63]) }).text).toBeNull();
  });

  it('When its payload is a slice of a larger buffer, Then only the slice is encoded', () => {
    const whole = Buffer.from('xxhello');
    expect(rawRecordOf({ ...at, value: whole.subarray(2) })).toMatchObject({ text: 'hello', bytesBase64: Buffer.from('hello').toString('base64'), bytes: 5 });
  });
});
