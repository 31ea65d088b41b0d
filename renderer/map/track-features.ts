import type { Feature, Point } from 'geojson';
import type { Track } from '../../shared/domain';
import { symbolImageId, type DrawnStaleness } from './symbols/symbol-image-id';

export interface TrackProperties {
  uid: string;
  callsign: string;
  affiliation: Track['affiliation'];
  dimension: Track['dimension'];
  sidc: string;
  stale: DrawnStaleness;
  /** The map image that draws this track: its SIDC in its staleness. */
  symbol: string;
  /** Degrees clockwise from true north while the track moves; null draws no heading arrow. */
  heading: number | null;
}

export type TrackFeature = Feature<Point, TrackProperties>;

export function trackFeature(track: Track, sidc: string, staleness: DrawnStaleness): TrackFeature {
  return {
    type: 'Feature',
    id: track.uid,
    geometry: { type: 'Point', coordinates: [track.lon, track.lat] },
    properties: {
      uid: track.uid,
      callsign: track.callsign ?? track.uid,
      affiliation: track.affiliation,
      dimension: track.dimension,
      sidc,
      stale: staleness,
      symbol: symbolImageId(sidc, staleness),
      heading: headingOf(track),
    },
  };
}

// A stopped track's course is where it last pointed, not where it is going: it gets no arrow.
function headingOf(track: Track): number | null {
  if (track.course === null || track.speed === 0) return null;
  return track.course;
}

/** The box around all tracks (the map pads it when framing them); null when there are none. */
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
