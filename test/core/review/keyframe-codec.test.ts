import { describe, expect, it } from 'vitest';
import type { FixRow } from '../../../electron/core/review/fix-row';
import { decodeKeyframe, encodeKeyframe } from '../../../electron/core/review/keyframe-codec';

const aState = (overrides: Partial<FixRow> = {}): FixRow => ({
  time: Date.UTC(2026, 10, 26, 6, 0, 0),
  entity: 1,
  recordId: 1,
  kind: 1,
  label: 1,
  stream: 1,
  lat: 40.123456789,
  lon: 9.987654321,
  hae: 120.5,
  course: 271.3,
  speed: 5.25,
  stale: Date.UTC(2026, 10, 26, 6, 1, 0),
  ...overrides,
});

describe('Given entity states written into a keyframe', () => {
  it('When the keyframe is read back, Then every state comes back exactly, nulls included', () => {
    const states = [aState(), aState({ entity: 2, recordId: 3_000_000_000, label: null, hae: null, course: null, speed: null, stale: null }), aState({ entity: 3, lat: -89.999999, lon: -179.5 })];
    expect(decodeKeyframe(encodeKeyframe(states))).toEqual(states);
  });

  it('When the blob comes back from SQLite at an odd offset, Then it still reads', () => {
    const blob = encodeKeyframe([aState()]);
    const shifted = new Uint8Array(blob.byteLength + 1);
    shifted.set(blob, 1);
    expect(decodeKeyframe(shifted.subarray(1))).toEqual([aState()]);
  });

  it('When no entity is shown, Then the keyframe is empty and reads back empty', () => {
    expect(decodeKeyframe(encodeKeyframe([]))).toEqual([]);
  });
});
