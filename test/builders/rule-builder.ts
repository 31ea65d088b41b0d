import { DEFAULT_MAX_SPEEDS, type Rule, type RuleDefinition } from '../../shared/rules';

/** Given a rule "like this one, but…": enabled, warning, no filter, created at the epoch. */
export function aRule(definition: RuleDefinition, overrides: Partial<Omit<Rule, 'definition'>> = {}): Rule {
  return {
    id: `rule-${definition.kind}`,
    name: `Test ${definition.kind} rule`,
    severity: 'warning',
    enabled: true,
    filter: null,
    definition,
    createdAt: 0,
    updatedAt: 0,
    ...overrides,
  };
}

/** A square area of `sideMetres` around a point, as a polygon ring in GeoJSON order. */
export function aSquareArea(lat: number, lon: number, sideMetres: number): RuleDefinition & { kind: 'geofence' } {
  const halfLat = sideMetres / 2 / 111_320;
  const halfLon = halfLat / Math.cos((lat * Math.PI) / 180);
  return {
    kind: 'geofence',
    area: {
      shape: 'polygon',
      ring: [
        [lon - halfLon, lat - halfLat],
        [lon + halfLon, lat - halfLat],
        [lon + halfLon, lat + halfLat],
        [lon - halfLon, lat + halfLat],
      ],
    },
    trigger: 'enter',
    dwellSeconds: null,
  };
}

export const kinematicRule = (): Rule => aRule({ kind: 'kinematic', maxSpeeds: DEFAULT_MAX_SPEEDS }, { severity: 'critical' });
export const silenceRule = (silentSeconds: number): Rule => aRule({ kind: 'stale', silentSeconds, pastStaleTime: false });
export const rateRule = (): Rule => aRule({ kind: 'rate', windowSeconds: 10, sigma: 4, warmupWindows: 12 });
