import { describe, expect, it } from 'vitest';
import { describeAffiliationAndDimension, formatAltitude, formatSpeed, knotsFrom } from '../../renderer/tracks/track-detail-format';

describe('Given the track detail figures', () => {
  it('Then one knot is one nautical mile, 1,852 m, an hour', () => {
    expect(knotsFrom(1852 / 3600)).toBeCloseTo(1, 12);
  });

  it('When a speed is shown, Then it reads in metres per second and in knots, a tenth each', () => {
    expect(formatSpeed(180)).toBe('180.0 m/s (349.9 kn)');
    expect(formatSpeed(0)).toBe('0.0 m/s (0.0 kn)');
    expect(formatSpeed(null)).toBe('not reported');
  });

  it('When an altitude is shown, Then it is whole metres above the ellipsoid, with the reference named', () => {
    expect(formatAltitude(7000.4)).toBe('7,000 m HAE');
    expect(formatAltitude(-12)).toBe('-12 m HAE');
    expect(formatAltitude(null)).toBe('not reported');
  });

  it('When a CoT type is described, Then its affiliation and dimension are words', () => {
    expect(describeAffiliationAndDimension('hostile', 'air')).toBe('Hostile, air');
    expect(describeAffiliationAndDimension('neutral', 'sea-surface')).toBe('Neutral, sea surface');
  });
});
