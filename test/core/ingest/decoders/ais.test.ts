import { describe, expect, it } from 'vitest';
import { decodeAis } from '../../../../electron/core/ingest/decoders/ais';
import {
  aivdmSentences,
  anAisPosition,
  nmeaChecksum,
  positionReportBits,
  staticVoyageBits,
  tagBlock,
} from '../../../builders/aivdm-builder';
import { fixtureText } from '../../../builders/fixtures';
import { fuzzFailures, fuzzInputs } from './fuzz';

const KNOT = 1852 / 3600;
const bytes = (text: string): Uint8Array => new TextEncoder().encode(text);
const decode = (text: string) => decodeAis(bytes(text));

function errorOf(text: string): string {
  const result = decode(text);
  expect(result.ok).toBe(false);
  return result.ok ? '' : result.error;
}

const gpsdPosition = fixtureText('ais/gpsd-type1-position.nmea');
const gpsdStaticReport = fixtureText('ais/gpsd-type5-two-fragments.nmea');
const gpsdTagBlock = fixtureText('ais/gpsd-tag-block.nmea');
const handBuilt = fixtureText('ais/hand-built-positions.nmea');

describe('Given the AIS (AIVDM/AIVDO) decoder', () => {
  it("When gpsd's documented type 1 example is decoded, Then MMSI, position, course and speed match its documented values", () => {
    const result = decode(gpsdPosition);

    expect(result.ok).toBe(true);
    const [vessel] = result.ok ? result.entities : [];
    expect(vessel).toMatchObject({ uid: 'ais-477553000', cotType: 'a-u-S-X', callsign: null, hae: null, course: 51, speed: 0, time: null, stale: null });
    expect(vessel?.lat).toBeCloseTo(47.582833, 6);
    expect(vessel?.lon).toBeCloseTo(-122.345833, 6);
  });

  it('When the sentence carries a tag block, Then its c: time becomes the entity time', () => {
    const result = decode(gpsdTagBlock);

    const [vessel] = result.ok ? result.entities : [];
    expect(vessel).toMatchObject({ uid: 'ais-367078250', time: Date.UTC(2009, 4, 5, 17, 20, 35), course: 213 });
    expect(vessel?.lat).toBeCloseTo(42.38415, 6);
    expect(vessel?.lon).toBeCloseTo(-71.059467, 6);
    expect(vessel?.speed).toBeCloseTo(0.5 * KNOT, 9);
  });

  it('When hand-built class A, class B and extended class B reports are decoded, Then each field matches the hand check', () => {
    const result = decode(handBuilt);

    expect(result.ok).toBe(true);
    const [classB, extended, south] = result.ok ? result.entities : [];
    expect(classB).toMatchObject({ uid: 'ais-247320162', callsign: null, lat: 39.2105, lon: 9.1107, course: 87.5 });
    expect(classB?.speed).toBeCloseTo(12.3 * KNOT, 9);
    expect(extended).toMatchObject({ uid: 'ais-247604310', callsign: 'SEA BREEZE', lat: 39.0001, lon: 8.9999, course: 181.2 });
    expect(extended?.speed).toBeCloseTo(6 * KNOT, 9);
    expect(south).toMatchObject({ uid: 'ais-003669945', lat: -33.8568, lon: 151.2153, course: 359.9 });
    expect(south?.speed).toBeCloseTo(0.1 * KNOT, 9);
  });

  it("When gpsd's two-fragment type 5 static report is decoded, Then it is valid with nothing to plot", () => {
    expect(decode(gpsdStaticReport)).toEqual({ ok: true, entities: [] });
  });

  it('When static data, a tag block and position reports share a record, Then only the positions become entities', () => {
    const record = [gpsdStaticReport, gpsdTagBlock, ...aivdmSentences(staticVoyageBits(247320162, 'IBXY', 'NIGHT HERON'), { sequentialId: '7' }), gpsdPosition].join('\r\n');

    const result = decode(record);

    expect(result.ok && result.entities.map((entity) => entity.uid)).toEqual(['ais-367078250', 'ais-477553000']);
  });

  it('When fragments of two multi-sentence messages interleave, Then both are put together by sequential id', () => {
    const [first1, first2] = aivdmSentences(staticVoyageBits(247320162, 'IBXY', 'NIGHT HERON'), { sequentialId: '1' });
    const [second1, second2] = aivdmSentences(staticVoyageBits(247604310, 'IBZZ', 'SEA BREEZE'), { sequentialId: '2' });

    expect(decode([first1, second1, first2, second2].join('\n'))).toEqual({ ok: true, entities: [] });
  });

  it('When speed and course are "not available", Then they decode as null', () => {
    const [sentence = ''] = aivdmSentences(positionReportBits(anAisPosition({ speedKnots: null, courseDegrees: null })));

    const result = decode(sentence);

    expect(result.ok && result.entities[0]).toMatchObject({ speed: null, course: null });
  });

  it('When a receiver appends USCG reception fields after the checksum, Then the sentence still decodes', () => {
    expect(decode(`${gpsdPosition.trim()},s1234,d-119,T12.34567123,r003669958,1085889680`).ok).toBe(true);
  });

  it('When an AIVDO sentence reports our own ship with no channel, Then it decodes like AIVDM', () => {
    const [sentence = ''] = aivdmSentences(positionReportBits(anAisPosition()), { channel: '' });
    const body = sentence.slice(1, sentence.indexOf('*')).replace('AIVDM', 'AIVDO');

    expect(decode(`!${body}*${nmeaChecksum(body)}`).ok).toBe(true);
  });

  describe('When the record is hostile or broken', () => {
    it('Then a wrong checksum is refused, naming the line and both sums', () => {
      expect(errorOf(gpsdPosition.replace('*5C', '*5D'))).toBe('the AIS sentence on line 1 has checksum 5D, but its content sums to 5C');
    });

    it('Then a tag block with a wrong checksum is refused', () => {
      expect(errorOf(gpsdTagBlock.replace('*4A', '*4B'))).toMatch(/^the tag block on line 1 has checksum 4B/);
    });

    it('Then a record holding only the first fragment of a message is refused as incomplete', () => {
      const [firstFragment = ''] = gpsdStaticReport.trim().split('\n');

      expect(errorOf(firstFragment)).toBe(
        'the AIS record holds an incomplete multi-sentence message (sequential id 3: fragment 2 of 2 is missing)',
      );
    });

    it('Then a record holding only the last fragment is refused as incomplete', () => {
      const [, lastFragment = ''] = gpsdStaticReport.trim().split('\n');

      expect(errorOf(lastFragment)).toMatch(/^the AIS record holds an incomplete multi-sentence message \(sequential id 3: fragment 2 of 2 on line 1/);
    });

    it('Then a record whose only report has no position says why nothing was plotted', () => {
      const [sentence = ''] = aivdmSentences(positionReportBits(anAisPosition({ mmsi: 247000001, lat: 91, lon: 181 })));

      expect(errorOf(sentence)).toBe('the AIS position report from MMSI 247000001 says its position is not available');
    });

    it('Then a report without a position is skipped when others in the record have one', () => {
      const [unplaced = ''] = aivdmSentences(positionReportBits(anAisPosition({ mmsi: 247000001, lat: 91, lon: 181 })));

      const result = decode([unplaced, gpsdPosition].join('\n'));

      expect(result.ok && result.entities.map((entity) => entity.uid)).toEqual(['ais-477553000']);
    });

    it('Then an impossible latitude is not plotted', () => {
      const [sentence = ''] = aivdmSentences(positionReportBits(anAisPosition({ mmsi: 247000002, lat: 95 })));

      expect(errorOf(sentence)).toMatch(/^the AIS position report from MMSI 247000002 has an impossible position \(95, /);
    });

    it.each([
      ['not AIS at all', 'hello', 'line 1 is not an AIVDM or AIVDO sentence'],
      ['blank', '  \r\n \n', 'the record holds no AIS sentence'],
      ['an encapsulated sentence that is not AIS', withChecksum('GPXYZ,1,1,,A,1,0'), 'line 1 is GPXYZ, not an AIVDM or AIVDO sentence'],
      ['no checksum', '!AIVDM,1,1,,B,177KQJ5000G?tO`K>RA1wUbN0TKH,0', 'the AIS sentence on line 1 has no checksum'],
      ['a payload outside the armouring', withChecksum('AIVDM,1,1,,A,1xyz,0'), 'the AIS message on line 1 has payload character "x", which six-bit armouring does not use'],
      ['fragment 3 of 2', withChecksum('AIVDM,2,3,1,A,1,0'), 'the AIS sentence on line 1 has fragment 3 of 2, which cannot be'],
      ['seven fill bits', withChecksum('AIVDM,1,1,,A,177KQJ5000G?tO`K>RA1wUbN0TKH,7'), 'the AIS sentence on line 1 has fill bits 7, not 0 to 5'],
      ['a short position report', withChecksum('AIVDM,1,1,,A,177KQJ5000G?tO`K>RA1wUb,0'), 'the AIS message on line 1 is a type 1 position report of 138 bits; it needs 168'],
      ['message type 0', withChecksum('AIVDM,1,1,,A,077KQJ5000G?tO`K>RA1wUbN0TKH,0'), 'the AIS message on line 1 has type 0, which ITU-R M.1371 does not define'],
      ['a tag block never closed', '\\c:1241544035*00!AIVDM', 'the tag block on line 1 has no closing backslash'],
      ['a tag time that is not a number', `${tagBlock('c:yesterday')}${gpsdPosition.trim()}`, 'the tag block on line 1 has a time c:yesterday that is not UNIX seconds or milliseconds'],
      ['a byte outside ASCII', `${gpsdPosition.trim()}\u00e9`, 'the AIS record holds a byte that is not printable ASCII at byte 47'],
    ])('Then a record with %s is refused with a reason', (_case, text, reason) => {
      expect(errorOf(text)).toMatch(reason);
    });

    it('Then 2,000 random and mutated records never make it throw or report nonsense', () => {
      const samples = [gpsdPosition, gpsdStaticReport, gpsdTagBlock, handBuilt].map(bytes);

      expect(fuzzFailures(decodeAis, fuzzInputs(0xa15, samples))).toEqual([]);
    });
  });
});

function withChecksum(body: string): string {
  return `!${body}*${nmeaChecksum(body)}`;
}
