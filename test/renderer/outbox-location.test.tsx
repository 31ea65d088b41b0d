import { describe, expect, it } from 'vitest';
import { parseLocation } from '../../renderer/outbox/location';

function pointOf(text: string): { lat: number; lon: number } {
  const reading = parseLocation(text);
  if (!reading.ok) throw new Error(`Expected "${text}" to be read, but: ${reading.problem}`);
  return reading.point;
}

function problemWith(text: string): string {
  const reading = parseLocation(text);
  if (reading.ok) throw new Error(`Expected "${text}" to be refused, but it was read as ${JSON.stringify(reading.point)}.`);
  return reading.problem;
}

describe('Given a location typed for a map marker', () => {
  it('When it is decimal latitude and longitude, Then it is read latitude first, with or without a space after the comma', () => {
    expect(pointOf('40.12345, 9.01234')).toEqual({ lat: 40.12345, lon: 9.01234 });
    expect(pointOf(' -33.85678,151.21528 ')).toEqual({ lat: -33.85678, lon: 151.21528 });
    expect(pointOf('51.5 -0.1275')).toEqual({ lat: 51.5, lon: -0.1275 });
  });

  it('When the latitude or longitude is out of range, Then the sentence says which and what the range is', () => {
    expect(problemWith('91, 9')).toBe('The latitude comes first and lies between -90 and 90 degrees.');
    expect(problemWith('9, 181')).toBe('The longitude comes second and lies between -180 and 180 degrees.');
  });

  it('When it is an MGRS reference, Then it is read as the centre of its square, matching GeoConvert', () => {
    // GeoConvert (see coordinates.test.ts): 32TNK1234567890 has its centre at 40.361490239 N 9.145398732 E.
    for (const reference of ['32T NK 12345 67890', '32TNK1234567890', '32t nk 1234567890']) {
      const point = pointOf(reference);
      expect(point.lat).toBeCloseTo(40.361490239, 6);
      expect(point.lon).toBeCloseTo(9.145398732, 6);
    }
    // GeoConvert's page: 79.9S 6.1E is 32CMS4324728161.
    const south = pointOf('32C MS 43247 28161');
    expect(south.lat).toBeCloseTo(-79.9, 4);
    expect(south.lon).toBeCloseTo(6.1, 4);
  });

  it('When an MGRS reference lies at a zone edge or in the widened zone 32V, Then it is still read', () => {
    // From coordinates.test.ts: 45 N 11.99999 E is 32T QQ 36445 87329; 60.5 N 4.5 E is 32V KN 52928 15548.
    const edge = pointOf('32T QQ 36445 87329');
    expect(edge.lat).toBeCloseTo(45, 4);
    expect(edge.lon).toBeCloseTo(11.99999, 4);
    const widened = pointOf('32V KN 52928 15548');
    expect(widened.lat).toBeCloseTo(60.5, 4);
    expect(widened.lon).toBeCloseTo(4.5, 4);
  });

  it('When an MGRS reference has unequal easting and northing digits, Then the sentence says they must pair up', () => {
    expect(problemWith('32T NK 123 4567')).toBe('An MGRS reference has as many easting digits as northing digits, at most five of each.');
  });

  it('When an MGRS reference names a 100 km square its zone does not have, Then the sentence says the square does not exist', () => {
    // The mgrs package would place 32TAA some 1,000 km east of zone 32.
    expect(problemWith('32T AA 12345 67890')).toBe('There is no MGRS square “32TAA”. Check the grid zone and the two square letters.');
    expect(problemWith('32T ZZ 12')).toBe('There is no MGRS square “32TZZ”. Check the grid zone and the two square letters.');
  });

  it('When an MGRS reference names a grid zone beyond 60, Then the sentence says how zones are numbered', () => {
    expect(problemWith('61T NK 12345 67890')).toBe('An MGRS grid zone is numbered 1 to 60.');
  });

  it('When it is neither, Then the sentence quotes it and shows both ways to write a location', () => {
    expect(problemWith('north of the bridge')).toBe(
      'Outpost cannot read “north of the bridge” as a location. Decimal degrees as “lat, lon”, such as 40.12345, 9.01234, or an MGRS reference, such as 32T NK 12345 67890.',
    );
    expect(problemWith('   ')).toBe('Enter a location.');
  });
});
