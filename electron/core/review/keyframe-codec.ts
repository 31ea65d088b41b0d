import type { FixRow } from './fix-row';

/**
 * A keyframe's states as one blob, a column per field: eight float64 columns, then four int32.
 * Float64 throughout keeps a frame built from a keyframe equal to one built from the fixes. Null
 * is NaN in a float column and -1 in the label column. Byte order is the machine's: the cache is
 * encrypted with a key that never leaves it, so it is never read on another machine.
 */
const FLOAT_COLUMNS = 8;
const INT_COLUMNS = 4;
const HEADER_BYTES = 8;

export function encodeKeyframe(states: readonly FixRow[]): Uint8Array {
  const count = states.length;
  const buffer = new ArrayBuffer(HEADER_BYTES + count * (FLOAT_COLUMNS * 8 + INT_COLUMNS * 4));
  new Uint32Array(buffer, 0, 1)[0] = count;
  const floats = new Float64Array(buffer, HEADER_BYTES, count * FLOAT_COLUMNS);
  const ints = new Int32Array(buffer, HEADER_BYTES + count * FLOAT_COLUMNS * 8, count * INT_COLUMNS);
  states.forEach((state, i) => {
    floats[i] = state.time;
    floats[count + i] = state.recordId;
    floats[2 * count + i] = state.lat;
    floats[3 * count + i] = state.lon;
    floats[4 * count + i] = state.hae ?? Number.NaN;
    floats[5 * count + i] = state.course ?? Number.NaN;
    floats[6 * count + i] = state.speed ?? Number.NaN;
    floats[7 * count + i] = state.stale ?? Number.NaN;
    ints[i] = state.entity;
    ints[count + i] = state.kind;
    ints[2 * count + i] = state.label ?? -1;
    ints[3 * count + i] = state.stream;
  });
  return new Uint8Array(buffer);
}

export function decodeKeyframe(blob: Uint8Array): FixRow[] {
  // SQLite's buffers need not be aligned for float64 views, so the blob is copied first.
  const buffer = blob.slice().buffer;
  const count = new Uint32Array(buffer, 0, 1)[0] ?? 0;
  const floats = new Float64Array(buffer, HEADER_BYTES, count * FLOAT_COLUMNS);
  const ints = new Int32Array(buffer, HEADER_BYTES + count * FLOAT_COLUMNS * 8, count * INT_COLUMNS);
  const states: FixRow[] = [];
  for (let i = 0; i < count; i += 1) {
    const label = ints[2 * count + i] ?? -1;
    states.push({
      time: floats[i] ?? 0,
      recordId: floats[count + i] ?? 0,
      lat: floats[2 * count + i] ?? 0,
      lon: floats[3 * count + i] ?? 0,
      hae: orNull(floats[4 * count + i]),
      course: orNull(floats[5 * count + i]),
      speed: orNull(floats[6 * count + i]),
      stale: orNull(floats[7 * count + i]),
      entity: ints[i] ?? 0,
      kind: ints[count + i] ?? 0,
      label: label === -1 ? null : label,
      stream: ints[3 * count + i] ?? 0,
    });
  }
  return states;
}

function orNull(value: number | undefined): number | null {
  return value === undefined || Number.isNaN(value) ? null : value;
}
