import { describe, expect, it } from 'vitest';
import { trackBounds, trackFeature } from '../../renderer/map/track-features';
import { aTrack } from '../builders/track-builder';

describe('Given tracks to draw', () => {
  it('When one becomes a map feature, Then it is a point at lon/lat naming its symbol, callsign and heading', () => {
    const feature = trackFeature(aTrack({ uid: 'a', lat: 40, lon: 9, affiliation: 'hostile', cotType: 'a-h-G-U-C-A', callsign: null }), 'SHGPUCA--------', 'fresh');
    expect(feature).toEqual({
      type: 'Feature',
      id: 'a',
      geometry: { type: 'Point', coordinates: [9, 40] },
      properties: {
        uid: 'a',
        callsign: 'a',
        affiliation: 'hostile',
        dimension: 'ground',
        sidc: 'SHGPUCA--------',
        stale: 'fresh',
        symbol: 'milsymbol:fresh:SHGPUCA--------',
        heading: 90,
      },
    });
  });

  it('When a track is stale, Then its feature names the stale variant of its symbol', () => {
    expect(trackFeature(aTrack(), 'SFGPUCI--------', 'stale').properties).toMatchObject({ stale: 'stale', symbol: 'milsymbol:stale:SFGPUCI--------' });
  });

  it('When a track has no course or is not moving, Then its feature has no heading to draw', () => {
    expect(trackFeature(aTrack({ course: null }), 'SFGPUCI--------', 'fresh').properties.heading).toBeNull();
    expect(trackFeature(aTrack({ course: 45, speed: 0 }), 'SFGPUCI--------', 'fresh').properties.heading).toBeNull();
    expect(trackFeature(aTrack({ course: 45, speed: null }), 'SFGPUCI--------', 'fresh').properties.heading).toBe(45);
  });

  it('When the map frames them, Then the box spans all tracks, or is absent when there are none', () => {
    expect(trackBounds([])).toBeNull();
    expect(trackBounds([aTrack({ lat: 39, lon: 8 }), aTrack({ lat: 41, lon: 10 })])).toEqual([
      [8, 39],
      [10, 41],
    ]);
  });
});
