import type { CotEvent } from '../../electron/core/cot/cot-event';

const defaults: CotEvent = {
  uid: 'test-unit-1',
  type: 'a-f-G-U-C-I',
  how: 'm-g',
  time: Date.UTC(2026, 10, 26, 12, 0, 0),
  start: Date.UTC(2026, 10, 26, 12, 0, 0),
  stale: Date.UTC(2026, 10, 26, 12, 1, 0),
  lat: 40.1,
  lon: 9.0,
  hae: 120,
  ce: 10,
  le: 10,
  callsign: 'ALPHA 1',
  course: 90,
  speed: 5,
  remarks: null,
};

/** Given a CoT event "like this one, but…": only what a test cares about is spelled out. */
export function aCotEvent(overrides: Partial<CotEvent> = {}): CotEvent {
  return { ...defaults, ...overrides };
}
