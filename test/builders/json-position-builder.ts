/** A JSON position report of about 300 bytes, the shape the `json` format reads by default. */
export function aJsonPosition(index: number, overrides: Record<string, unknown> = {}): string {
  return JSON.stringify({
    id: `unit-${index % 500}`,
    callsign: `UNIT ${index % 500}`,
    type: 'a-f-G-U-C',
    lat: 39 + (index % 1000) / 1000,
    lon: 8 + (index % 2000) / 2000,
    alt: 120,
    course: index % 360,
    speed: 4.5,
    time: Date.UTC(2026, 10, 26, 12, 0, 0) + index * 10,
    sequence: index,
    remarks: 'routine position report from the field exercise, relayed by the edge gateway',
    ...overrides,
  });
}
