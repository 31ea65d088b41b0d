import { palette as startupBasemap } from '../map/basemap';
import type { Theme } from './themes';

export interface BasemapColours {
  readonly sea: string;
  readonly land: string;
  readonly coast: string;
  readonly border: string;
  readonly graticule: string;
}

export interface MeasurementColours {
  readonly line: string;
  readonly casing: string;
}

export interface MapPalette {
  readonly basemap: BasemapColours;
  readonly measurement: MeasurementColours;
}

/**
 * Night is the basemap's own look, so the map does not change colour once the tools load.
 * Day is a pale chart: light enough to read in sunlight, yet mid-toned enough that the light
 * MIL-STD-2525 affiliation fills, outlined in dark, still stand apart from land and sea.
 * Measurements are white or near-black, the one colour no affiliation uses.
 */
export const mapPalettes: Readonly<Record<Theme, MapPalette>> = {
  night: {
    basemap: {
      sea: startupBasemap.sea,
      land: startupBasemap.land,
      coast: startupBasemap.coast,
      border: startupBasemap.border,
      graticule: startupBasemap.graticule,
    },
    measurement: { line: '#f4f7fb', casing: '#0b1320' },
  },
  day: {
    basemap: {
      sea: '#a7bccb',
      land: '#e2ddcf',
      coast: '#55687a',
      border: '#8c8270',
      graticule: '#93aabb',
    },
    measurement: { line: '#111a24', casing: '#ffffff' },
  },
};
