import { describe, expect, it } from 'vitest';
import { decodeTakProtobuf } from '../../../../electron/core/ingest/decoders/tak-protobuf';
import { concat, doubleField, messageField, stringField, varint, varintField } from '../../../builders/protobuf-writer';
import { aTakEvent, cotEventBytes, meshFramed, streamFramed, takMessageBytes } from '../../../builders/tak-message-builder';
import { fuzzFailures, fuzzInputs } from './fuzz';

const sendTime = Date.UTC(2026, 10, 26, 12, 0, 0);

/** A TakMessage holding only the given CotEvent fields, for messages a TAK client would never send. */
const eventWith = (...fields: readonly Uint8Array[]): Uint8Array => messageField(2, ...fields);

function errorOf(bytes: Uint8Array): string {
  const result = decodeTakProtobuf(bytes);
  expect(result.ok).toBe(false);
  return result.ok ? '' : result.error;
}

describe('Given the TAK Protocol Version 1 decoder', () => {
  it('When a streamed message is decoded, Then every CotEvent field a track needs comes back', () => {
    const result = decodeTakProtobuf(streamFramed(takMessageBytes(aTakEvent())));

    expect(result).toEqual({
      ok: true,
      entities: [
        {
          uid: 'ANDROID-0123456789abcdef',
          cotType: 'a-f-G-U-C',
          callsign: 'VIPER 2',
          lat: 39.2238,
          lon: 9.1217,
          hae: 42.5,
          course: 271.5,
          speed: 3.25,
          time: sendTime,
          stale: Date.UTC(2026, 10, 26, 12, 6, 0),
          ce: 4.9,
          le: null,
        },
      ],
    });
  });

  it('When the same message comes in mesh framing, Then it decodes to the same entity', () => {
    const payload = takMessageBytes(aTakEvent());

    expect(decodeTakProtobuf(meshFramed(payload))).toEqual(decodeTakProtobuf(streamFramed(payload)));
  });

  it('When one record holds several streamed frames, Then each becomes an entity, in order', () => {
    const record = concat(
      streamFramed(takMessageBytes(aTakEvent({ uid: 'first' }))),
      streamFramed(takMessageBytes(aTakEvent({ uid: 'second', lat: -12.5, lon: -45.25 }))),
    );

    const result = decodeTakProtobuf(record);

    expect(result.ok && result.entities.map(({ uid, lat, lon }) => ({ uid, lat, lon }))).toEqual([
      { uid: 'first', lat: 39.2238, lon: 9.1217 },
      { uid: 'second', lat: -12.5, lon: -45.25 },
    ]);
  });

  it('When the event has no contact or track, Then callsign, course and speed are null', () => {
    const result = decodeTakProtobuf(streamFramed(takMessageBytes(aTakEvent({ callsign: null, course: null, speed: null }))));

    expect(result.ok && result.entities[0]).toMatchObject({ callsign: null, course: null, speed: null });
  });

  it('When the track says zero course and speed, Then they are zero, not unknown', () => {
    const result = decodeTakProtobuf(streamFramed(takMessageBytes(aTakEvent({ course: 0, speed: 0 }))));

    expect(result.ok && result.entities[0]).toMatchObject({ course: 0, speed: 0 });
  });

  it('When sendTime is missing, Then startTime stands in; when both are, time is left to the ingest path', () => {
    const startOnly = decodeTakProtobuf(streamFramed(takMessageBytes(aTakEvent({ sendTime: 0, startTime: sendTime - 500 }))));
    const neither = decodeTakProtobuf(streamFramed(takMessageBytes(aTakEvent({ sendTime: 0, startTime: 0, staleTime: 0 }))));

    expect(startOnly.ok && startOnly.entities[0]?.time).toBe(sendTime - 500);
    expect(neither.ok && neither.entities[0]).toMatchObject({ time: null, stale: null });
  });

  it('When height and errors carry the "unknown" values, Then they decode as null', () => {
    const result = decodeTakProtobuf(streamFramed(takMessageBytes(aTakEvent({ hae: 9_999_999, ce: 999_999, le: 9_999_999 }))));

    expect(result.ok && result.entities[0]).toMatchObject({ hae: null, ce: null, le: null });
  });

  it('When the position is 0, 0, Then it is a real position (proto3 leaves zeros off the wire)', () => {
    const result = decodeTakProtobuf(streamFramed(takMessageBytes(aTakEvent({ lat: 0, lon: 0 }))));

    expect(result.ok && result.entities[0]).toMatchObject({ lat: 0, lon: 0 });
  });

  it('When a message holds only a TakControl, Then it decodes with nothing to plot', () => {
    const controlOnly = messageField(1, varintField(1, 1), varintField(2, 1));

    expect(decodeTakProtobuf(streamFramed(controlOnly))).toEqual({ ok: true, entities: [] });
  });

  it('When fields unknown to Outpost are present, Then they are skipped', () => {
    const withUnknown = concat(
      varintField(99, 7),
      messageField(2, cotEventBytes(aTakEvent()), doubleField(40, 1.5), stringField(41, 'future')),
    );

    expect(decodeTakProtobuf(streamFramed(withUnknown)).ok).toBe(true);
  });

  describe('When the bytes are hostile', () => {
    it('Then a streamed message cut short at any byte is refused', () => {
      const whole = streamFramed(takMessageBytes(aTakEvent()));
      for (let length = 0; length < whole.length; length++) {
        expect(decodeTakProtobuf(whole.subarray(0, length)).ok, `cut at ${length}`).toBe(false);
      }
    });

    // Protobuf has no end marker, so a mesh datagram cut right after its TakControl is a valid
    // message without an event; what matters is that no cut yields a half-read entity.
    it('Then a mesh message cut short at any byte never yields an entity', () => {
      const whole = meshFramed(takMessageBytes(aTakEvent()));
      for (let length = 0; length < whole.length; length++) {
        const result = decodeTakProtobuf(whole.subarray(0, length));
        expect(result.ok ? result.entities : [], `cut at ${length}`).toEqual([]);
      }
    });

    it('Then a truncated mesh message names the byte where it ends', () => {
      expect(errorOf(meshFramed(takMessageBytes(aTakEvent())).subarray(0, 37))).toBe('the TAK message is truncated at byte 37');
    });

    it('Then a stream frame announcing more than the record holds says so', () => {
      const frame = streamFramed(takMessageBytes(aTakEvent()));
      const payloadLength = frame.length - 3;

      expect(errorOf(frame.subarray(0, 37))).toBe(
        `the TAK message is truncated at byte 37: its header announces ${payloadLength} bytes from byte 3`,
      );
    });

    it('Then a length claiming a terabyte is refused without allocating it', () => {
      const claim = concat(Uint8Array.of(0xbf), varint(2 ** 40), Uint8Array.of(0x12, 0x00));

      expect(errorOf(claim)).toMatch(/^the TAK message is truncated at byte 9/);
    });

    it.each([
      ['no magic byte', Uint8Array.of(0x12, 0x00), 'the record does not start with 0xBF, the TAK protocol magic byte'],
      ['an unknown mesh version', meshFramed(takMessageBytes(aTakEvent()), 2), /protocol version 2, and Outpost reads version 1/],
      ['a varint that never ends', concat(Uint8Array.of(0xbf), new Uint8Array(11).fill(0xff)), 'the TAK header has a varint longer than 10 bytes at byte 1'],
      ['wire type 7', streamFramed(Uint8Array.of(0x0f, 0x00)), 'the TAK message has an unsupported wire type 7 at byte 2'],
      ['a group (wire type 3)', streamFramed(Uint8Array.of(0x0b, 0x0c)), 'the TAK message has an unsupported wire type 3 at byte 2'],
      ['field number 0', streamFramed(Uint8Array.of(0x00, 0x00)), 'the TAK message has an invalid field number 0 at byte 2'],
      ['junk between frames', concat(streamFramed(new Uint8Array()), Uint8Array.of(0x41)), 'the TAK stream has no 0xBF frame marker at byte 2'],
      ['latitude sent as a varint', streamFramed(eventWith(stringField(1, 'a-f-G'), stringField(5, 'u1'), varintField(10, 45))), 'the TAK event field lat (10) has wire type 0 instead of 1'],
      ['no uid', streamFramed(eventWith(stringField(1, 'a-f-G'), doubleField(10, 1))), 'the TAK event has no uid'],
      ['no type', streamFramed(eventWith(stringField(5, 'u1'), doubleField(10, 1))), 'the TAK event u1 has no type'],
      ['latitude out of range', streamFramed(eventWith(stringField(1, 'a-f-G'), stringField(5, 'u1'), doubleField(10, 91))), 'the TAK event u1 has latitude 91, outside -90 to 90'],
      ['longitude that is not a number', streamFramed(eventWith(stringField(1, 'a-f-G'), stringField(5, 'u1'), doubleField(11, Number.NaN))), 'the TAK event u1 has longitude NaN, outside -180 to 180'],
      ['a time past the end of Date', streamFramed(eventWith(stringField(1, 'a-f-G'), stringField(5, 'u1'), varintField(6, 2 ** 60))), 'the TAK event u1 has no valid time'],
      ['a uid that is not UTF-8', streamFramed(eventWith(stringField(1, 'a-f-G'), messageField(5, Uint8Array.of(0xc3, 0x28)))), 'the TAK event holds text that is not valid UTF-8'],
      ['a detail whose contact overruns it', streamFramed(eventWith(messageField(15, Uint8Array.of(0x12, 0x05, 0x12)))), 'the TAK message is truncated at byte 9'],
    ])('Then a record with %s is refused with a reason', (_case, bytes, reason) => {
      expect(errorOf(bytes)).toMatch(reason);
    });

    it('Then 2,000 random and mutated records never make it throw or report nonsense', () => {
      const samples = [streamFramed(takMessageBytes(aTakEvent())), meshFramed(takMessageBytes(aTakEvent({ callsign: null })))];

      expect(fuzzFailures(decodeTakProtobuf, fuzzInputs(0x7a4b, samples))).toEqual([]);
    });
  });
});
