// @vitest-environment jsdom
import { act } from 'react';
import { createRoot, type Root } from 'react-dom/client';
import type { Map as MapLibreMap } from 'maplibre-gl';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { COORDINATE_FORMAT_STORAGE_KEY, CoordinateReadout } from '../../renderer/map/tools/CoordinateReadout';

// Tells React this is a test, so it applies updates inside act() without warning.
(globalThis as { IS_REACT_ACT_ENVIRONMENT?: boolean }).IS_REACT_ACT_ENVIRONMENT = true;

/** The centre of MGRS square 32T NK 12345 67890, from GeographicLib's GeoConvert (see coordinates.test.ts). */
const KNOWN_POINT = { lat: 40.361490239, lng: 9.145398732 };

type Listener = (event: unknown) => void;

interface FakeMap {
  /** Stands in for a MapLibre map where only its events are used. */
  readonly map: MapLibreMap;
  /** Delivers a map event, such as `mousemove` with `{ lngLat }`, to every listener. */
  fire(type: string, event?: unknown): void;
  listenerCount(): number;
}

/** A map that only records event listeners, for components that follow the pointer. */
function aFakeMap(): FakeMap {
  const listeners = new Map<string, Set<Listener>>();
  const on = (type: string, listener: Listener) => {
    const forType = listeners.get(type) ?? new Set<Listener>();
    forType.add(listener);
    listeners.set(type, forType);
    return { unsubscribe: () => void forType.delete(listener) };
  };
  return {
    map: { on } as unknown as MapLibreMap,
    fire: (type, event) => listeners.get(type)?.forEach((listener) => listener(event)),
    listenerCount: () => [...listeners.values()].reduce((sum, set) => sum + set.size, 0),
  };
}

function text(testId: string): string | null {
  return document.querySelector(`[data-testid="${testId}"]`)?.textContent ?? null;
}

describe('Given the coordinate readout over a map', () => {
  let container: HTMLDivElement;
  let root: Root;
  let fake: FakeMap;

  const mount = (): void => {
    root = createRoot(container);
    act(() => root.render(<CoordinateReadout map={fake.map} />));
  };

  beforeEach(() => {
    localStorage.clear();
    container = document.createElement('div');
    document.body.append(container);
    fake = aFakeMap();
    mount();
  });

  afterEach(() => {
    act(() => root.unmount());
    document.body.innerHTML = '';
  });

  it('When the pointer is not over the map, Then it asks for the pointer in a sentence', () => {
    expect(text('coordinate-value')).toBe('Point at the map to read a position.');
  });

  it('When the pointer moves over a known point, Then latitude and longitude are shown first', () => {
    act(() => fake.fire('mousemove', { lngLat: KNOWN_POINT }));
    expect(text('coordinate-format')).toBe('LAT/LON');
    expect(text('coordinate-value')).toBe('40.36149° N  9.14540° E');
  });

  it('When the readout is clicked, Then it shows MGRS and remembers that after a restart', () => {
    act(() => fake.fire('mousemove', { lngLat: KNOWN_POINT }));
    act(() => document.querySelector<HTMLButtonElement>('[data-testid="coordinate-readout"]')?.click());
    expect(text('coordinate-format')).toBe('MGRS');
    expect(text('coordinate-value')).toBe('32T NK 12345 67890');
    expect(localStorage.getItem(COORDINATE_FORMAT_STORAGE_KEY)).toBe('mgrs');

    act(() => root.unmount());
    mount();
    act(() => fake.fire('mousemove', { lngLat: KNOWN_POINT }));
    expect(text('coordinate-value')).toBe('32T NK 12345 67890');
  });

  it('When the pointer leaves the map, Then the position is cleared rather than left stale', () => {
    act(() => fake.fire('mousemove', { lngLat: KNOWN_POINT }));
    act(() => fake.fire('mouseout'));
    expect(text('coordinate-value')).toBe('Point at the map to read a position.');
  });

  it('When the readout goes away, Then it stops listening to the map', () => {
    expect(fake.listenerCount()).toBe(2);
    act(() => root.unmount());
    expect(fake.listenerCount()).toBe(0);
    mount();
  });
});
