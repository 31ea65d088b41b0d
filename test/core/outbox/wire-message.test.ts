import { XMLParser } from 'fast-xml-parser';
import { describe, expect, it } from 'vitest';
import { MARKER_KINDS } from '../../../shared/outbox';
import { decodeCot } from '../../../electron/core/ingest/decoders/cot';
import { MARKER_COT_TYPES, TEXT_COT_TYPE, encodeWireMessage, wireKeyAndHeaders } from '../../../electron/core/outbox/wire-message';
import { aMarker, anOutboxDraft } from '../../builders/outbox-draft-builder';

const ID = '3f1c2a9e-7d4b-4c1e-9a2f-0b5d6e7f8a90';
const CREATED_AT = Date.UTC(2026, 10, 26, 12, 0, 0);
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

describe('Given a queued message', () => {
  it('When it goes on the wire, Then its id is the key and a header, and the precedence is a header', () => {
    expect(wireKeyAndHeaders({ id: ID, precedence: 'immediate' })).toEqual({
      key: ID,
      headers: { 'outpost-msg-id': ID, 'outpost-precedence': 'immediate' },
    });
  });
});
