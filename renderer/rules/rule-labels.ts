import type { Dimension } from '../../shared/cot-type';
import type { GeofenceTrigger, RuleKind } from '../../shared/rules';

export const RULE_KIND_LABELS: Readonly<Record<RuleKind, string>> = {
  geofence: 'Geofence',
  expression: 'Condition',
  stale: 'Gone quiet',
  kinematic: 'Impossible movement',
  proximity: 'Proximity',
  rate: 'Message rate',
  'first-sighting': 'First sighting',
};

/** One line under the kind's choice, saying when a rule of that kind fires. */
export const RULE_KIND_HINTS: Readonly<Record<RuleKind, string>> = {
  geofence: 'Fires when an entity enters or leaves an area, or stays inside it too long.',
  expression: 'Fires when an entity’s latest report matches a condition.',
  stale: 'Fires when an entity stops reporting for a while, or passes the stale time its own report gave.',
  kinematic: 'Fires when two reports of an entity imply a speed no platform of its kind reaches.',
  proximity: 'Fires when an entity comes within a distance of another that matches a second condition.',
  rate: 'Fires when a subscription’s message rate leaves its usual range.',
  'first-sighting': 'Fires the first time an entity is seen.',
};

export const TRIGGER_LABELS: Readonly<Record<GeofenceTrigger, string>> = {
  enter: 'Enters the area',
  exit: 'Leaves the area',
  dwell: 'Stays inside longer than the dwell time',
};

export const DIMENSION_LABELS: Readonly<Record<Dimension, string>> = {
  ground: 'Ground',
  air: 'Air',
  'sea-surface': 'Sea surface',
  subsurface: 'Subsurface',
  space: 'Space',
  other: 'Other',
};
