import type { RuleInput } from '../../../shared/rules';
import { restrictedArea } from './exercise-area';

/** The demo's restricted area as a rule, so the intruder it scripts raises an alert out of the box. */
export function demoRestrictedAreaRule(): RuleInput {
  return {
    id: 'demo-restricted-area',
    name: restrictedArea.name,
    severity: 'critical',
    enabled: true,
    filter: 'affiliation = "hostile"',
    definition: {
      kind: 'geofence',
      area: { shape: 'polygon', ring: restrictedArea.ring.map((corner): [number, number] => [corner.lon, corner.lat]) },
      trigger: 'enter',
      dwellSeconds: null,
    },
  };
}
