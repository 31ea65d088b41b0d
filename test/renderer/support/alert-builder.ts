import type { Alert } from '../../../shared/alerts';

export const NOW = Date.UTC(2026, 10, 26, 14, 5, 0);

/** Given an alert "like this one, but…": a new critical one about RAPTOR 3, raised three minutes ago. */
export function anAlert(overrides: Partial<Alert> = {}): Alert {
  return {
    id: '3f1c2a4b-5d6e-4f70-8a9b-0c1d2e3f4a5b',
    ruleId: 'fast-hostile-air',
    ruleName: 'Fast hostile aircraft',
    ruleKind: 'expression',
    severity: 'critical',
    subject: 'demo-jump-1',
    callsign: 'RAPTOR 3',
    time: NOW - 180_000,
    lat: 40.12345,
    lon: 9.01234,
    message: 'RAPTOR 3 matches affiliation = "hostile" and speed > 100.',
    state: 'new',
    raisedAt: NOW - 179_000,
    acknowledged: null,
    resolved: null,
    ...overrides,
  };
}
