import { XMLParser } from 'fast-xml-parser';
import { describe, expect, it } from 'vitest';
import { MARKER_KINDS, type ForwardedAlert, type SaluteReport, type Sitrep } from '../../../shared/outbox';
import { decodeCot } from '../../../electron/core/ingest/decoders/cot';
import { FORWARDED_ALERT_COT_TYPE, MARKER_COT_TYPES, SALUTE_COT_TYPE, SITREP_COT_TYPE, TEXT_COT_TYPE, encodeWireMessage, wireKeyAndHeaders } from '../../../electron/core/outbox/wire-message';
import { aMarker, anOutboxDraft } from '../../builders/outbox-draft-builder';

const ID = '3f1c2a9e-7d4b-4c1e-9a2f-0b5d6e7f8a90';
const CREATED_AT = Date.UTC(2026, 10, 26, 12, 0, 0);
const SEEN_AT = Date.UTC(2026, 10, 26, 11, 40, 0);
const SALUTE: SaluteReport = {
  kind: 'salute',
  size: '8 personnel, 2 vehicles',
  activity: 'Digging in <east> & west of the bridge',
  lat: 40.123_456_7,
  lon: 9.765_432_1,
  unit: 'unknown',
  time: SEEN_AT,
  equipment: 'Small arms, 1 mortar',
};
const SITREP: Sitrep = {
  kind: 'sitrep',
  unit: '2nd Platoon',
  location: { lat: 40.5, lon: 9.25 },
  situation: 'Holding the crossing.',
  actions: 'Cleared the village.',
  plans: null,
  logistics: 'Water for 24 hours.',
};
const FORWARDED: ForwardedAlert = {
  kind: 'alert',
  alertId: '9b2f6c1e-3a4d-4e5f-8a7b-1c2d3e4f5a6b',
  rule: 'Impossible movement',
  severity: 'critical',
  subject: 'demo-jump-1',
  callsign: 'RAPTOR 3',
  time: SEEN_AT,
  location: { lat: 40.5, lon: 9.25 },
  message: 'RAPTOR 3 moved 50.0 km in 1 s.',
  comment: 'Likely spoofed; check the air picture.',
};
const text = (bytes: Uint8Array): string => new TextDecoder().decode(bytes);
const remarksOf = (bytes: Uint8Array): unknown =>
  (new XMLParser({ ignoreAttributes: false, parseTagValue: false }).parse(text(bytes)) as { event: { detail: { remarks?: unknown } } }).event.detail.remarks;

describe('Given a draft to be written as CoT', () => {
  it.each(MARKER_KINDS)('When it is a %s marker, Then the project’s own CoT decoder reads back its id, type, place and label', (marker) => {
    const bytes = encodeWireMessage(anOutboxDraft({ format: 'cot', content: aMarker({ marker }) }), ID, CREATED_AT);
    const decoded = decodeCot(bytes);
    expect(decoded).toEqual({
      ok: true,
      entities: [
        expect.objectContaining({ uid: ID, cotType: MARKER_COT_TYPES[marker], callsign: 'OBJ <RED> & co', lat: 40.123_456_7, lon: 9.765_432_1, time: CREATED_AT }),
      ],
    });
  });

  it('When it is a marker, Then the marking opens the remarks, ahead of the analyst’s words', () => {
    const bytes = encodeWireMessage(anOutboxDraft({ format: 'cot', classification: 'NATO RESTRICTED', content: aMarker() }), ID, CREATED_AT);
    expect(remarksOf(bytes)).toBe('NATO RESTRICTED // Two vehicles, moving north.');
  });

  it('When it is free text, Then it decodes as a b-t-f event whose remarks carry the marking and the text', () => {
    const bytes = encodeWireMessage(anOutboxDraft({ format: 'cot', content: { kind: 'text', text: 'Bridge <out> & road closed' } }), ID, CREATED_AT);
    const decoded = decodeCot(bytes);
    expect(decoded.ok && decoded.entities[0]).toMatchObject({ uid: ID, cotType: TEXT_COT_TYPE, time: CREATED_AT });
    expect(text(bytes)).toContain('<remarks>UNCLASSIFIED // Bridge &lt;out&gt; &amp; road closed</remarks>');
  });

  it('When it has no classification and no remarks, Then the event has no remarks at all', () => {
    const bytes = encodeWireMessage(anOutboxDraft({ format: 'cot', classification: null, content: aMarker({ remarks: null }) }), ID, CREATED_AT);
    expect(decodeCot(bytes).ok).toBe(true);
    expect(text(bytes)).not.toContain('<remarks');
  });
});

describe('Given a report to be written as CoT', () => {
  it('When it is a SALUTE, Then the project’s own CoT decoder reads it back as a spot at the place and time it was seen', () => {
    const bytes = encodeWireMessage(anOutboxDraft({ format: 'cot', content: SALUTE }), ID, CREATED_AT);
    expect(decodeCot(bytes)).toEqual({
      ok: true,
      entities: [expect.objectContaining({ uid: ID, cotType: SALUTE_COT_TYPE, callsign: 'SALUTE 11:40Z', lat: 40.123_456_7, lon: 9.765_432_1, time: SEEN_AT })],
    });
  });

  it('When it is a SALUTE, Then the marking opens the remarks and the six lines follow in order', () => {
    const bytes = encodeWireMessage(anOutboxDraft({ format: 'cot', classification: 'NATO RESTRICTED', content: SALUTE }), ID, CREATED_AT);
    expect(remarksOf(bytes)).toBe(
      [
        'NATO RESTRICTED // SALUTE',
        'Size: 8 personnel, 2 vehicles',
        'Activity: Digging in <east> & west of the bridge',
        'Location: 40.12346, 9.76543',
        'Unit: unknown',
        'Time: 2026-11-26 11:40Z',
        'Equipment: Small arms, 1 mortar',
      ].join('\n'),
    );
  });

  it('When a SALUTE was seen a day before it is queued, Then it stays current for a day after it is queued', () => {
    const longAgo = CREATED_AT - 26 * 60 * 60 * 1000;
    const decoded = decodeCot(encodeWireMessage(anOutboxDraft({ format: 'cot', content: { ...SALUTE, time: longAgo } }), ID, CREATED_AT));
    expect(decoded.ok && decoded.entities[0]).toMatchObject({ time: longAgo, stale: CREATED_AT + 24 * 60 * 60 * 1000 });
  });

  it('When it is a SITREP with a location, Then it decodes as a b-t-f event there from the reporting unit, with its written lines in the remarks', () => {
    const bytes = encodeWireMessage(anOutboxDraft({ format: 'cot', classification: null, content: SITREP }), ID, CREATED_AT);
    expect(decodeCot(bytes)).toEqual({
      ok: true,
      entities: [expect.objectContaining({ uid: ID, cotType: SITREP_COT_TYPE, callsign: '2nd Platoon', lat: 40.5, lon: 9.25, time: CREATED_AT })],
    });
    expect(SITREP_COT_TYPE).toBe('b-t-f');
    expect(remarksOf(bytes)).toBe(
      ['SITREP', 'Unit: 2nd Platoon', 'Location: 40.50000, 9.25000', 'Situation: Holding the crossing.', 'Actions: Cleared the village.', 'Logistics: Water for 24 hours.'].join('\n'),
    );
  });

  it('When a SITREP has no location, Then it sits at 0,0 as free text does and says no location', () => {
    const bytes = encodeWireMessage(anOutboxDraft({ format: 'cot', content: { ...SITREP, location: null, plans: 'Move at first light.' } }), ID, CREATED_AT);
    const decoded = decodeCot(bytes);
    expect(decoded.ok && decoded.entities[0]).toMatchObject({ lat: 0, lon: 0 });
    expect(remarksOf(bytes)).toBe(
      ['UNCLASSIFIED // SITREP', 'Unit: 2nd Platoon', 'Situation: Holding the crossing.', 'Actions: Cleared the village.', 'Plans: Move at first light.', 'Logistics: Water for 24 hours.'].join('\n'),
    );
  });
});

describe('Given an alert forwarded through the outbox', () => {
  it('When it goes as CoT, Then it decodes as a spot where and when it happened, with the rule, the message and the comment in the remarks', () => {
    const bytes = encodeWireMessage(anOutboxDraft({ format: 'cot', classification: 'SECRET', content: FORWARDED }), ID, CREATED_AT);
    expect(decodeCot(bytes)).toMatchObject({ ok: true, entities: [{ uid: ID, cotType: FORWARDED_ALERT_COT_TYPE, callsign: 'ALERT RAPTOR 3', lat: 40.5, lon: 9.25, time: SEEN_AT }] });
    expect(remarksOf(bytes)).toBe(
      'SECRET // ALERT CRITICAL: Impossible movement\nRAPTOR 3 moved 50.0 km in 1 s.\nTime: 2026-11-26 11:40Z\nLocation: 40.50000, 9.25000\nComment: Likely spoofed; check the air picture.',
    );
  });

  it('When it has no place (a feed rate), Then it goes as free text at 0,0', () => {
    const bytes = encodeWireMessage(anOutboxDraft({ format: 'cot', content: { ...FORWARDED, location: null, comment: null } }), ID, CREATED_AT);
    expect(decodeCot(bytes)).toMatchObject({ ok: true, entities: [{ cotType: TEXT_COT_TYPE, lat: 0, lon: 0 }] });
  });

  it('When it goes as JSON, Then the object carries the alert’s fields beside the envelope', () => {
    const bytes = encodeWireMessage(anOutboxDraft({ format: 'json', content: FORWARDED }), ID, CREATED_AT);
    expect(JSON.parse(text(bytes))).toEqual({ id: ID, precedence: 'routine', classification: 'UNCLASSIFIED', createdAt: CREATED_AT, ...FORWARDED });
  });
});

describe('Given a draft to be written as JSON', () => {
  it('When it is free text, Then the object holds the id, precedence, marking, time and the text', () => {
    const bytes = encodeWireMessage(anOutboxDraft({ precedence: 'flash' }), ID, CREATED_AT);
    expect(JSON.parse(text(bytes))).toEqual({
      id: ID,
      precedence: 'flash',
      classification: 'UNCLASSIFIED',
      createdAt: CREATED_AT,
      kind: 'text',
      text: 'Convoy delayed at checkpoint 4.',
    });
  });

  it('When it is a marker, Then the object carries the marker’s fields beside the envelope', () => {
    const bytes = encodeWireMessage(anOutboxDraft({ classification: null, content: aMarker({ marker: 'spot' }) }), ID, CREATED_AT);
    expect(JSON.parse(text(bytes))).toEqual({
      id: ID,
      precedence: 'routine',
      classification: null,
      createdAt: CREATED_AT,
      kind: 'marker',
      marker: 'spot',
      lat: 40.123_456_7,
      lon: 9.765_432_1,
      label: 'OBJ <RED> & co',
      remarks: 'Two vehicles, moving north.',
    });
  });
});

describe('Given a report to be written as JSON', () => {
  it('When it is a SALUTE, Then the object carries the six lines by name, the place and the time seen', () => {
    const bytes = encodeWireMessage(anOutboxDraft({ content: SALUTE }), ID, CREATED_AT);
    expect(JSON.parse(text(bytes))).toEqual({
      id: ID,
      precedence: 'routine',
      classification: 'UNCLASSIFIED',
      createdAt: CREATED_AT,
      kind: 'salute',
      size: '8 personnel, 2 vehicles',
      activity: 'Digging in <east> & west of the bridge',
      lat: 40.123_456_7,
      lon: 9.765_432_1,
      unit: 'unknown',
      time: SEEN_AT,
      equipment: 'Small arms, 1 mortar',
    });
  });

  it('When it is a SITREP, Then the object carries its fields, with null for what was left out', () => {
    const bytes = encodeWireMessage(anOutboxDraft({ classification: null, content: { ...SITREP, location: null } }), ID, CREATED_AT);
    expect(JSON.parse(text(bytes))).toEqual({
      id: ID,
      precedence: 'routine',
      classification: null,
      createdAt: CREATED_AT,
      kind: 'sitrep',
      unit: '2nd Platoon',
      location: null,
      situation: 'Holding the crossing.',
      actions: 'Cleared the village.',
      plans: null,
      logistics: 'Water for 24 hours.',
    });
  });
});

describe('Given a site that works at SECRET//NOFORN', () => {
  const SITE_MARKING = 'SECRET//NOFORN';

  it('When the analyst leaves a JSON message unmarked, Then it goes with the site’s marking', () => {
    const bytes = encodeWireMessage(anOutboxDraft({ classification: null }), ID, CREATED_AT, SITE_MARKING);
    expect(JSON.parse(text(bytes))).toMatchObject({ classification: SITE_MARKING });
  });

  it('When the analyst leaves a CoT marker unmarked, Then the site’s marking opens its remarks', () => {
    const bytes = encodeWireMessage(anOutboxDraft({ format: 'cot', classification: null, content: aMarker() }), ID, CREATED_AT, SITE_MARKING);
    expect(remarksOf(bytes)).toBe('SECRET//NOFORN // Two vehicles, moving north.');
  });

  it('When the analyst marks a message, Then it goes with the analyst’s marking, not the site’s', () => {
    const bytes = encodeWireMessage(anOutboxDraft({ classification: 'SECRET//REL TO USA, FVEY' }), ID, CREATED_AT, SITE_MARKING);
    expect(JSON.parse(text(bytes))).toMatchObject({ classification: 'SECRET//REL TO USA, FVEY' });
  });
});

describe('Given a queued message', () => {
  it('When it goes on the wire, Then its id is the key and a header, and the precedence is a header', () => {
    expect(wireKeyAndHeaders({ id: ID, precedence: 'immediate' })).toEqual({
      key: ID,
      headers: { 'outpost-msg-id': ID, 'outpost-precedence': 'immediate' },
    });
  });
});
