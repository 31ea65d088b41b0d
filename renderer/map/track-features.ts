import type { FeatureCollection, Point } from 'geojson';
import type { Track } from '../../shared/domain';

export interface TrackProperties {
  uid: string;
  callsign: string;
  affiliation: Track['affiliation'];
  dimension: Track['dimension'];
  course: number;
}

export function trackFeatures(tracks: readonly Track[]): FeatureCollection<Point, TrackProperties> {
  return {
    type: 'FeatureCollection',
    features: tracks.map((track) => ({
      type: 'Feature',
      id: track.uid,
      geometry: { type: 'Point', coordinates: [track.lon, track.lat] },
      properties: {
        uid: track.uid,
        callsign: track.callsign ?? track.uid,
        affiliation: track.affiliation,
        dimension: track.dimension,
        course: track.course ?? 0,
      },
    })),
  };
}

/** The box around all tracks, padded so none sits on the edge; null when there are none. */
export function trackBounds(tracks: readonly Track[]): [[number, number], [number, number]] | null {
  if (tracks.length === 0) return null;
  let west = 180;
  let south = 90;
  let east = -180;
  let north = -90;
  for (const { lat, lon } of tracks) {
    west = Math.min(west, lon);
    east = Math.max(east, lon);
    south = Math.min(south, lat);
    north = Math.max(north, lat);
  }
  return [
    [west, south],
    [east, north],
  ];
}
