import { concat, doubleField, messageField, stringField, varint, varintField } from './protobuf-writer';

/** The CotEvent fields a test may set; numbers follow cotevent.proto, contact.proto and track.proto. */
export interface TakEvent {
  readonly type: string;
  readonly uid: string;
  readonly how: string;
  readonly sendTime: number;
  readonly startTime: number;
  readonly staleTime: number;
  readonly lat: number;
  readonly lon: number;
  readonly hae: number;
  readonly ce: number;
  readonly le: number;
  readonly callsign: string | null;
  readonly course: number | null;
  readonly speed: number | null;
}

const defaults: TakEvent = {
  type: 'a-f-G-U-C',
  uid: 'ANDROID-0123456789abcdef',
  how: 'm-g',
  sendTime: Date.UTC(2026, 10, 26, 12, 0, 0),
  startTime: Date.UTC(2026, 10, 26, 12, 0, 0),
  staleTime: Date.UTC(2026, 10, 26, 12, 6, 0),
  lat: 39.2238,
  lon: 9.1217,
  hae: 42.5,
  ce: 4.9,
  le: 9_999_999,
  callsign: 'VIPER 2',
  course: 271.5,
  speed: 3.25,
};

export function aTakEvent(overrides: Partial<TakEvent> = {}): TakEvent {
  return { ...defaults, ...overrides };
}

// Like a real proto3 encoder, zero numbers and empty strings are left off the wire.
const text = (fieldNumber: number, value: string): Uint8Array => (value === '' ? new Uint8Array() : stringField(fieldNumber, value));
const number = (fieldNumber: number, value: number): Uint8Array => (value === 0 ? new Uint8Array() : varintField(fieldNumber, value));
const double = (fieldNumber: number, value: number): Uint8Array => (value === 0 ? new Uint8Array() : doubleField(fieldNumber, value));

/** A CotEvent message body, including the detail sub-messages a TAK client sends. */
export function cotEventBytes(event: TakEvent): Uint8Array {
  const detail = concat(
    event.callsign === null ? new Uint8Array() : messageField(2, stringField(1, '10.0.0.7:4242:tcp'), stringField(2, event.callsign)),
    messageField(3, stringField(1, 'Cyan'), stringField(2, 'Team Member')),
    messageField(5, varintField(1, 87)),
    messageField(6, stringField(1, 'Pixel 7'), stringField(2, 'ATAK-CIV'), stringField(3, '34'), stringField(4, '5.2.0')),
    event.course === null || event.speed === null ? new Uint8Array() : messageField(7, doubleField(1, event.speed), doubleField(2, event.course)),
  );
  return concat(
    text(1, event.type),
    text(5, event.uid),
    number(6, event.sendTime),
    number(7, event.startTime),
    number(8, event.staleTime),
    text(9, event.how),
    double(10, event.lat),
    double(11, event.lon),
    double(12, event.hae),
    double(13, event.ce),
    double(14, event.le),
    messageField(15, detail),
  );
}

/** A TakMessage holding the event, with the TakControl a client sends alongside. */
export function takMessageBytes(event: TakEvent): Uint8Array {
  return concat(messageField(1, varintField(1, 1), varintField(2, 1)), messageField(2, cotEventBytes(event)));
}

/** Streaming framing: 0xBF, the payload length as a varint, the payload. */
export function streamFramed(payload: Uint8Array): Uint8Array {
  return concat(Uint8Array.of(0xbf), varint(payload.length), payload);
}

/** Mesh framing: 0xBF, the protocol version as a varint, 0xBF, the payload. */
export function meshFramed(payload: Uint8Array, version = 1): Uint8Array {
  return concat(Uint8Array.of(0xbf), varint(version), Uint8Array.of(0xbf), payload);
}
