import type { Affiliation, Dimension } from '../../shared/cot-type';
import { METRES_PER_NAUTICAL_MILE } from '../map/tools/measurement-format';

const METRES_PER_SECOND_PER_KNOT = METRES_PER_NAUTICAL_MILE / 3600;
export const NOT_REPORTED = 'not reported';

const oneDecimal = new Intl.NumberFormat('en-US', { minimumFractionDigits: 1, maximumFractionDigits: 1 });
const wholeNumber = new Intl.NumberFormat('en-US', { maximumFractionDigits: 0 });

const dimensionWords: Readonly<Record<Dimension, string>> = {
  ground: 'ground',
  air: 'air',
  'sea-surface': 'sea surface',
  subsurface: 'subsurface',
  space: 'space',
  other: 'other',
};

export function knotsFrom(metresPerSecond: number): number {
  return metresPerSecond / METRES_PER_SECOND_PER_KNOT;
}

/** `180.0 m/s (349.9 kn)`: metres per second as reported, knots as mariners and aircrew speak. */
export function formatSpeed(metresPerSecond: number | null): string {
  if (metresPerSecond === null) return NOT_REPORTED;
  return `${oneDecimal.format(metresPerSecond)} m/s (${oneDecimal.format(knotsFrom(metresPerSecond))} kn)`;
}

/** `7,000 m HAE`: the reference is named, since height above the ellipsoid is not height above sea level. */
export function formatAltitude(metres: number | null): string {
  return metres === null ? NOT_REPORTED : `${wholeNumber.format(metres)} m HAE`;
}

/** `Hostile, air`: what the CoT type's letters mean, in words. */
export function describeAffiliationAndDimension(affiliation: Affiliation, dimension: Dimension): string {
  return `${affiliation.charAt(0).toUpperCase()}${affiliation.slice(1)}, ${dimensionWords[dimension]}`;
}
