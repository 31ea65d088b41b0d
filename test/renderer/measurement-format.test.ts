import { describe, expect, it } from 'vitest';
import { formatBearing, formatKilometres, formatNauticalMiles } from '../../renderer/map/tools/measurement-format';

describe('Given a measured distance', () => {
  it('When it is shown in kilometres, Then it keeps about three significant figures', () => {
    expect(formatKilometres(0)).toBe('0.00 km');
    expect(formatKilometres(1_234)).toBe('1.23 km');
    expect(formatKilometres(111_195)).toBe('111.2 km');
    expect(formatKilometres(2_345_678)).toBe('2,346 km');
  });

  it('When it is shown in nautical miles, Then 1,852 m make one and the unit reads nmi', () => {
    expect(formatNauticalMiles(1_852)).toBe('1.00 nmi');
    expect(formatNauticalMiles(111_195)).toBe('60.0 nmi');
    expect(formatNauticalMiles(1_852_000)).toBe('1,000 nmi');
  });
});

describe('Given an initial bearing', () => {
  it('When it is shown, Then it is three whole digits of degrees true', () => {
    expect(formatBearing(0)).toBe('000° T');
    expect(formatBearing(47.4)).toBe('047° T');
    expect(formatBearing(270)).toBe('270° T');
  });

  it('When it rounds up to a full turn, Then it reads north, not 360', () => {
    expect(formatBearing(359.6)).toBe('000° T');
  });
});
