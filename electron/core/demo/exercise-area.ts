import type { LatLon } from '../../../shared/geo';

/**
 * The demo plays out around Sardinia: an island for ground units, open sea on
 * both sides for maritime units, and room for air orbits above. The regions
 * keep units on plausible terrain without needing a coastline.
 */
export const landRegion = { centre: { lat: 40.05, lon: 8.98 }, latRadius: 0.85, lonRadius: 0.42 } as const;

export const seaRegions = [
  { south: 39.0, north: 41.0, west: 7.0, east: 7.85 },
  { south: 39.3, north: 40.9, west: 10.15, east: 11.3 },
] as const;

export const airRegion = { south: 38.8, north: 41.3, west: 7.4, east: 10.9 } as const;

/** A restricted zone in the island's interior that one hostile unit is scripted to enter. */
export const restrictedArea: { readonly name: string; readonly ring: readonly LatLon[] } = {
  name: 'RESTRICTED AREA BRAVO',
  ring: [
    { lat: 39.985, lon: 8.93 },
    { lat: 39.985, lon: 9.03 },
    { lat: 39.915, lon: 9.03 },
    { lat: 39.915, lon: 8.93 },
  ],
};
