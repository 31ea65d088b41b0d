import { describe, expect, it } from 'vitest';
import { encodeCot } from '../../../electron/core/cot/encode-cot';
import { decodeCot } from '../../../electron/core/ingest/decoders/cot';
import { aCotEvent } from '../../builders/cot-event-builder';

const bytes = (text: string): Uint8Array => new TextEncoder().encode(text);

describe('Given the CoT XML decoder', () => {
  it('When an event Outpost encoded is decoded, Then every field comes back', () => {
    const event = aCotEvent({ uid: 'unit-7', type: 'a-h-A-M-F', callsign: 'RAPTOR 3', lat: 39.25, lon: 8.5, hae: 7000, course: 270, speed: 180 });
    const result = decodeCot(bytes(encodeCot(event)));
    expect(result).toEqual({
      ok: true,
      entities: [
        {
          uid: 'unit-7',
          cotType: 'a-h-A-M-F',
          callsign: 'RAPTOR 3',
          lat: 39.25,
          lon: 8.5,
          hae: 7000,
          course: 270,
          speed: 180,
          time: event.time,
          stale: event.stale,
          remarks: null,
        },
      ],
    });
  });

  it('When a callsign holds XML special characters, Then they survive the round trip', () => {
    const result = decodeCot(bytes(encodeCot(aCotEvent({ callsign: `R&D <"team"> 'one'` }))));
    expect(result.ok && result.entities[0]?.callsign).toBe(`R&D <"team"> 'one'`);
  });

  it('When an event carries remarks, Then they come back as text, with XML special characters restored', () => {
    const result = decodeCot(bytes(encodeCot(aCotEvent({ remarks: 'Convoy <4 trucks> & escort' }))));
    expect(result.ok && result.entities[0]?.remarks).toBe('Convoy <4 trucks> & escort');
  });

  it('When a third-party event gives its remarks attributes, Then the remarks are still read', () => {
    const xml = '<event uid="x1" type="a-f-G" time="2026-11-26T12:00:00Z"><point lat="1" lon="2"/><detail><remarks source="BAO.F.ATAK" time="2026-11-26T12:00:00Z">Holding at the ford</remarks></detail></event>';
    const result = decodeCot(bytes(xml));
    expect(result.ok && result.entities[0]?.remarks).toBe('Holding at the ford');
  });

  it('When height is CoT\'s "unknown" value, Then it decodes as null', () => {
    const result = decodeCot(bytes(encodeCot(aCotEvent({ hae: null }))));
    expect(result.ok && result.entities[0]?.hae).toBeNull();
  });

  it('When a third-party event has no detail, Then it still decodes with empty optional fields', () => {
    const xml = '<event version="2.0" uid="x1" type="a-n-S-X" time="2026-11-26T12:00:00Z" start="2026-11-26T12:00:00Z" stale="2026-11-26T12:05:00Z" how="h-e"><point lat="39.5" lon="7.5" hae="0" ce="9999999" le="9999999"/></event>';
    const result = decodeCot(bytes(xml));
    expect(result.ok && result.entities[0]).toMatchObject({ uid: 'x1', callsign: null, course: null, speed: null, hae: 0 });
  });

  it.each([
    ['not XML at all', 'hello', /not well-formed XML|no CoT <event>/],
    ['unclosed tags', '<event uid="a" type="a-f-G"><point lat="1" lon="2">', /not well-formed XML/],
    ['no point', '<event uid="a" type="a-f-G" time="2026-11-26T12:00:00Z"/>', /no <point>/],
    ['no uid', '<event type="a-f-G" time="2026-11-26T12:00:00Z"><point lat="1" lon="2"/></event>', /no uid/],
    ['latitude out of range', '<event uid="a" type="a-f-G" time="2026-11-26T12:00:00Z"><point lat="91" lon="2"/></event>', /no valid latitude/],
    ['bad time', '<event uid="a" type="a-f-G" time="yesterday"><point lat="1" lon="2"/></event>', /no valid time/],
    ['an entity declaration', '<!DOCTYPE e [<!ENTITY x "boom">]><event uid="&x;" type="a-f-G" time="2026-11-26T12:00:00Z"><point lat="1" lon="2"/></event>', /DTD or entities/],
  ])('When the record is %s, Then it is refused with a reason', (_case, xml, reason) => {
    const result = decodeCot(bytes(xml));
    expect(result.ok).toBe(false);
    if (!result.ok) expect(result.error).toMatch(reason);
  });

  it('When the bytes are not UTF-8, Then the decoder says so', () => {
    const result = decodeCot(new Uint8Array([0xff, 0xfe, 0x00, 0x3c]));
    expect(result).toEqual({ ok: false, error: 'the record is not valid UTF-8 text' });
  });
});
