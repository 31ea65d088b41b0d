import { describe, expect, it } from 'vitest';
import { trackBounds, trackFeatures } from '../../renderer/map/track-features';
import { aTrack } from '../builders/track-builder';

describe('Given tracks to draw', () => {
  it('When they become map features, Then each is a point at lon/lat with its affiliation', () => {
    const features = trackFeatures([aTrack({ uid: 'a', lat: 40, lon: 9, affiliation: 'hostile', callsign: null })]);
    expect(features.features[0]).toEqual({
      type: 'Feature',
      id: 'a',
      geometry: { type: 'Point', coordinates: [9, 40] },
      properties: { uid: 'a', callsign: 'a', affiliation: 'hostile', dimension: 'ground', course: 90 },
    });
  });

  it('When the map frames them, Then the box spans all tracks, or is absent when there are none', () => {
    expect(trackBounds([])).toBeNull();
    expect(trackBounds([aTrack({ lat: 39, lon: 8 }), aTrack({ lat: 41, lon: 10 })])).toEqual([
      [8, 39],
      [10, 41],
    ]);
  });
});
