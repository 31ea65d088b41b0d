import { describe, expect, it } from 'vitest';
import { formatCoordinate, formatLatLon, formatMgrs, OUTSIDE_MGRS, wrapLongitude } from '../../renderer/map/tools/coordinates';

/**
 * Reference values come from GeographicLib's GeoConvert (C. F. F. Karney), whose manual is
 * published at https://manpages.debian.org/bookworm/geographiclib-tools/GeoConvert.1.en.html.
 * The points at 79.9° S 6.1° E and E44d24 N33d20 are worked examples printed in that manual; the
 * rest were produced with GeoConvert 2.1.2 (Debian's geographiclib-tools) as
 * `echo "LAT LON" | GeoConvert -m -p 0` (MGRS truncated to the metre, as the readout shows it)
 * and `echo MGRS | GeoConvert -p 4` (the centre of an MGRS square).
 */
describe('Given a position under the pointer', () => {
  it('When it is shown as latitude and longitude, Then it has five decimals and hemisphere letters', () => {
    expect(formatLatLon({ lat: 40.12345, lon: 9.01234 })).toBe('40.12345° N  9.01234° E');
    expect(formatLatLon({ lat: -33.85678, lon: 151.21528 })).toBe('33.85678° S  151.21528° E');
    expect(formatLatLon({ lat: 51.5, lon: -0.1275 })).toBe('51.50000° N  0.12750° W');
  });

  it('When it rounds to the equator or the prime meridian, Then it is not given a southern or western letter', () => {
    expect(formatLatLon({ lat: -0.000001, lon: -0.000004 })).toBe('0.00000° N  0.00000° E');
  });

  it('When the pointer is over a repeated copy of the world, Then the longitude is brought back to ±180°', () => {
    expect(wrapLongitude(369)).toBe(9);
    expect(wrapLongitude(-190)).toBe(170);
    expect(formatLatLon({ lat: 40, lon: 369.01234 })).toBe('40.00000° N  9.01234° E');
  });

  it('When it is shown as MGRS in the northern hemisphere, Then it matches GeoConvert to the metre', () => {
    // GeoConvert: 32TNK1234567890 has its centre at 40.361490239 N 9.145398732 E.
    expect(formatMgrs({ lat: 40.361490239, lon: 9.145398732 })).toBe('32T NK 12345 67890');
    // GeoConvert's page: E44d24 N33d20 is 38SMB4488 at 1 km, 38SMB4416188401 to the metre.
    expect(formatMgrs({ lat: 33 + 20 / 60, lon: 44.4 })).toBe('38S MB 44161 88401');
  });

  it('When it is shown as MGRS in the southern hemisphere, Then it matches GeoConvert to the metre', () => {
    expect(formatMgrs({ lat: -33.85678, lon: 151.21528 })).toBe('56H LH 34898 52290');
    // GeoConvert's page: 79.9S 6.1E is 32CMS4324728161 in its standard zone.
    expect(formatMgrs({ lat: -79.9, lon: 6.1 })).toBe('32C MS 43247 28161');
  });

  it('When it lies either side of a UTM zone boundary, Then each side gets its own zone', () => {
    expect(formatMgrs({ lat: 45, lon: 11.99999 })).toBe('32T QQ 36445 87329');
    expect(formatMgrs({ lat: 45, lon: 12.00001 })).toBe('33T TK 63554 87329');
    expect(formatMgrs({ lat: -79.9, lon: 5.9 })).toBe('31C EM 56752 28161');
  });

  it('When it lies in the widened zone 32V off south-west Norway, Then it follows that exception', () => {
    expect(formatMgrs({ lat: 60.5, lon: 4.5 })).toBe('32V KN 52928 15548');
  });

  it('When it is beyond 84° N or 80° S, Then the readout says it is outside MGRS instead of failing', () => {
    expect(formatMgrs({ lat: 84.00001, lon: 10 })).toBe(OUTSIDE_MGRS);
    expect(formatMgrs({ lat: -80.00001, lon: 10 })).toBe(OUTSIDE_MGRS);
    expect(formatMgrs({ lat: 90, lon: 0 })).toBe(OUTSIDE_MGRS);
    expect(formatMgrs({ lat: -90, lon: 0 })).toBe(OUTSIDE_MGRS);
    expect(formatMgrs({ lat: -80, lon: 10 })).toBe('32C NS 19384 18247');
  });

  it('When a format is chosen, Then the matching text is produced', () => {
    const point = { lat: 40.361490239, lon: 9.145398732 };
    expect(formatCoordinate(point, 'mgrs')).toBe('32T NK 12345 67890');
    expect(formatCoordinate(point, 'latlon')).toBe('40.36149° N  9.14540° E');
  });
});
