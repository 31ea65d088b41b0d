import { describe, expect, it } from 'vitest';
import type { LayerSpecification } from 'maplibre-gl';
import { basemapStyle, palette } from '../../renderer/map/basemap';
import { basemapPaint } from '../../renderer/theme/basemap-paint';
import { mapPalettes } from '../../renderer/theme/map-palettes';
import { THEMES } from '../../renderer/theme/themes';

const emptyBasemapStyle = basemapStyle({
  countries: { type: 'FeatureCollection', features: [] },
  borders: { type: 'MultiLineString', coordinates: [] },
  coastlines: { type: 'MultiLineString', coordinates: [] },
  graticule: { type: 'FeatureCollection', features: [] },
});

function paintOf(layer: LayerSpecification | undefined): Record<string, unknown> {
  return (layer as { paint?: Record<string, unknown> } | undefined)?.paint ?? {};
}

/** WCAG relative luminance of a #rrggbb colour. */
function luminance(hex: string): number {
  const channels = [1, 3, 5].map((start) => parseInt(hex.slice(start, start + 2), 16) / 255);
  const [r = 0, g = 0, b = 0] = channels.map((c) => (c <= 0.04045 ? c / 12.92 : ((c + 0.055) / 1.055) ** 2.4));
  return 0.2126 * r + 0.7152 * g + 0.0722 * b;
}

function contrast(a: string, b: string): number {
  const [light, dark] = [luminance(a), luminance(b)].sort((x, y) => y - x);
  return ((light ?? 0) + 0.05) / ((dark ?? 0) + 0.05);
}

describe('Given the map palettes of each theme', () => {
  it.each(THEMES)('When the %s theme paints the basemap, Then every layer and property it sets exists in the basemap style', (theme) => {
    for (const { layer, property } of basemapPaint(mapPalettes[theme].basemap)) {
      const styleLayer = emptyBasemapStyle.layers.find((candidate) => candidate.id === layer);
      expect(styleLayer, `basemap layer ${layer}`).toBeDefined();
      expect(paintOf(styleLayer), `${layer} paint`).toHaveProperty([property]);
    }
  });

  it('When the night theme is applied, Then the map keeps the colours it started with', () => {
    for (const { layer, property, value } of basemapPaint(mapPalettes.night.basemap)) {
      const startup = paintOf(emptyBasemapStyle.layers.find((candidate) => candidate.id === layer))[property];
      expect(value, `${layer} ${property}`).toBe(startup);
    }
    expect(Object.values(mapPalettes.night.basemap).sort()).toEqual(Object.values(palette).sort());
  });

  it.each(THEMES)('When the %s theme draws a measurement, Then its line stands out from land and sea by at least 3:1', (theme) => {
    const { basemap, measurement } = mapPalettes[theme];
    expect(contrast(measurement.line, basemap.land)).toBeGreaterThanOrEqual(3);
    expect(contrast(measurement.line, basemap.sea)).toBeGreaterThanOrEqual(3);
    expect(contrast(measurement.line, measurement.casing)).toBeGreaterThanOrEqual(3);
  });
});
