import type { FeatureCollection, Geometry, MultiLineString } from 'geojson';
import type { StyleSpecification } from 'maplibre-gl';
import { feature, mesh } from 'topojson-client';
import type { GeometryCollection, Topology } from 'topojson-specification';
import countriesUrl from 'world-atlas/countries-50m.json?url';
import { GLYPHS_URL } from './glyphs/glyph-url';

export interface Basemap {
  readonly countries: FeatureCollection<Geometry>;
  readonly borders: MultiLineString;
  readonly coastlines: MultiLineString;
  readonly graticule: FeatureCollection<MultiLineString>;
}

/**
 * Natural Earth 1:50m countries, shipped inside the app and read from our own
 * origin: the map never needs a tile server or the internet.
 */
export async function loadBasemap(fetchAsset: typeof fetch = fetch): Promise<Basemap> {
  const response = await fetchAsset(countriesUrl);
  if (!response.ok) throw new Error(`The bundled basemap could not be read (HTTP ${response.status}).`);
  const topology = (await response.json()) as Topology<{ countries: GeometryCollection }>;
  const countries = topology.objects.countries;
  return {
    countries: feature(topology, countries) as FeatureCollection<Geometry>,
    borders: mesh(topology, countries, (a, b) => a !== b),
    coastlines: mesh(topology, countries, (a, b) => a === b),
    graticule: graticule(1),
  };
}

function graticule(stepDegrees: number): FeatureCollection<MultiLineString> {
  const lines: number[][][] = [];
  for (let lon = -180; lon <= 180; lon += stepDegrees) lines.push([[lon, -85], [lon, 0], [lon, 85]]);
  for (let lat = -80; lat <= 80; lat += stepDegrees) lines.push([[-180, lat], [0, lat], [180, lat]]);
  return {
    type: 'FeatureCollection',
    features: [{ type: 'Feature', properties: {}, geometry: { type: 'MultiLineString', coordinates: lines } }],
  };
}

export const palette = {
  sea: '#0b1a2a',
  land: '#1f2b24',
  border: '#5b6b60',
  coast: '#7d9188',
  graticule: '#1c3147',
} as const;

/**
 * A style with inline GeoJSON sources only, and glyphs drawn inside the app by the
 * `outpost-glyphs` protocol: no glyph server, sprites or tiles to fetch.
 */
export function basemapStyle(basemap: Basemap): StyleSpecification {
  return {
    version: 8,
    glyphs: GLYPHS_URL,
    sources: {
      countries: { type: 'geojson', data: basemap.countries },
      borders: { type: 'geojson', data: { type: 'Feature', properties: {}, geometry: basemap.borders } },
      coastlines: { type: 'geojson', data: { type: 'Feature', properties: {}, geometry: basemap.coastlines } },
      graticule: { type: 'geojson', data: basemap.graticule },
    },
    layers: [
      { id: 'sea', type: 'background', paint: { 'background-color': palette.sea } },
      { id: 'graticule', type: 'line', source: 'graticule', paint: { 'line-color': palette.graticule, 'line-width': 1 } },
      { id: 'land', type: 'fill', source: 'countries', paint: { 'fill-color': palette.land } },
      { id: 'coastlines', type: 'line', source: 'coastlines', paint: { 'line-color': palette.coast, 'line-width': 1 } },
      {
        id: 'borders',
        type: 'line',
        source: 'borders',
        paint: { 'line-color': palette.border, 'line-width': 1, 'line-dasharray': [3, 2] },
      },
    ],
  };
}
