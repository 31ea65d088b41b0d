import { COT_UNKNOWN } from '../../cot/cot-event';
import type { DecodeResult, DecodedEntity } from '../decoded-entity';
import { isLatitude, isLongitude, validEpochMillis } from './field-values';
import { ProtobufReader, WireType } from './protobuf-reader';
import { failure, success } from './results';

/*
 * TAK Protocol Version 1, as described in protocol.txt and the .proto files that ship with the
 * ATAK-CIV commoncommo sources (takmessage.proto, cotevent.proto, detail.proto, contact.proto,
 * track.proto). Every payload is one TakMessage, serialised with proto3, behind a header:
 *
 *   streaming (TAK server TCP):  0xBF, varint payload length, payload   (frames follow each other)
 *   mesh (UDP multicast SA):     0xBF, varint protocol version (1), 0xBF, payload
 */
const TAK_MAGIC = 0xbf;
const MESH_PROTOCOL_VERSION = 1;

interface KnownField {
  readonly name: string;
  readonly wireType: number;
}

function fieldTable(fields: Readonly<Record<string, readonly [fieldNumber: number, wireType: number]>>): ReadonlyMap<number, KnownField> {
  return new Map(Object.entries(fields).map(([name, [fieldNumber, wireType]]) => [fieldNumber, { name, wireType }]));
}

const { varint, fixed64, lengthDelimited } = WireType;
// group.proto, status.proto, takv.proto, precisionlocation.proto and xmlDetail carry nothing an
// entity shows, so their fields are skipped like any unknown field.
const takMessageFields = fieldTable({ cotEvent: [2, lengthDelimited] });
const cotEventFields = fieldTable({
  type: [1, lengthDelimited],
  uid: [5, lengthDelimited],
  sendTime: [6, varint],
  startTime: [7, varint],
  staleTime: [8, varint],
  lat: [10, fixed64],
  lon: [11, fixed64],
  hae: [12, fixed64],
  ce: [13, fixed64],
  le: [14, fixed64],
  detail: [15, lengthDelimited],
});
const detailFields = fieldTable({ contact: [2, lengthDelimited], track: [7, lengthDelimited] });
const contactFields = fieldTable({ callsign: [2, lengthDelimited] });
const trackFields = fieldTable({ speed: [1, fixed64], course: [2, fixed64] });

// The .proto comments ask for 999999 as "unknown", while TAK clients send CoT's 9999999; neither
// is a height or an error anyone could mean.
const UNKNOWN_METRES = new Set([COT_UNKNOWN, 999_999]);

/** The CotEvent as read so far. proto3 scalars have no presence: an absent number is 0. */
interface CotEventDraft {
  type: string | null;
  uid: string | null;
  sendTime: number;
  startTime: number;
  staleTime: number;
  lat: number;
  lon: number;
  hae: number;
  ce: number;
  le: number;
  callsign: string | null;
  course: number | null;
  speed: number | null;
}

/** Decodes TAK Protocol Version 1 protobuf, in streaming or mesh framing. */
export function decodeTakProtobuf(value: Uint8Array): DecodeResult {
  if (value[0] !== TAK_MAGIC) return failure('the record does not start with 0xBF, the TAK protocol magic byte');
  const header = new ProtobufReader(value, 1, value.length);
  const headerValue = header.readVarint();
  if (headerValue === null) return failure(`the TAK header ${header.problem}`);
  // A streamed payload cannot begin with 0xBF: as a protobuf tag it would carry wire type 7,
  // which does not exist. So a second 0xBF right after the varint can only be mesh framing.
  if (value[header.offset] === TAK_MAGIC) return decodeMesh(value, headerValue, header.offset + 1);
  return decodeStream(value);
}

function decodeMesh(value: Uint8Array, version: number, payloadStart: number): DecodeResult {
  if (version !== MESH_PROTOCOL_VERSION) {
    return failure(`the record uses TAK mesh framing with protocol version ${version}, and Outpost reads version ${MESH_PROTOCOL_VERSION}`);
  }
  return decodeTakMessage(value, payloadStart, value.length);
}

function decodeStream(value: Uint8Array): DecodeResult {
  const entities: DecodedEntity[] = [];
  // Each pass consumes at least the two header bytes, so the loop ends within the record.
  let frameStart = 0;
  while (frameStart < value.length) {
    if (value[frameStart] !== TAK_MAGIC) return failure(`the TAK stream has no 0xBF frame marker at byte ${frameStart}`);
    const header = new ProtobufReader(value, frameStart + 1, value.length);
    const length = header.readVarint();
    if (length === null) return failure(`the TAK header ${header.problem}`);
    const payloadStart = header.offset;
    if (length > value.length - payloadStart) {
      return failure(`the TAK message is truncated at byte ${value.length}: its header announces ${length} bytes from byte ${payloadStart}`);
    }
    const decoded = decodeTakMessage(value, payloadStart, payloadStart + length);
    if (!decoded.ok) return decoded;
    entities.push(...decoded.entities);
    frameStart = payloadStart + length;
  }
  return success(entities);
}

/** One TakMessage; a message with no CotEvent (a bare TakControl) has nothing to plot. */
function decodeTakMessage(value: Uint8Array, start: number, end: number): DecodeResult {
  const reader = new ProtobufReader(value, start, end);
  let event: CotEventDraft | null = null;
  while (reader.next()) {
    const field = takMessageFields.get(reader.fieldNumber);
    if (field === undefined) continue;
    if (reader.wireType !== field.wireType) return failure(wrongWireType('message', field, reader));
    event ??= emptyCotEvent();
    const problem = readCotEvent(reader.message(), event);
    if (problem !== null) return failure(problem);
  }
  if (reader.problem !== null) return failure(`the TAK message ${reader.problem}`);
  if (event === null) return success([]);
  const entity = entityFrom(event);
  return typeof entity === 'string' ? failure(entity) : success([entity]);
}

function emptyCotEvent(): CotEventDraft {
  return {
    type: '',
    uid: '',
    sendTime: 0,
    startTime: 0,
    staleTime: 0,
    lat: 0,
    lon: 0,
    hae: 0,
    ce: 0,
    le: 0,
    callsign: '',
    course: null,
    speed: null,
  };
}

// A repeated embedded message merges into the one before it (proto3 rules), which is what
// applying each occurrence's fields to the same draft does.
function readCotEvent(reader: ProtobufReader, event: CotEventDraft): string | null {
  while (reader.next()) {
    const field = cotEventFields.get(reader.fieldNumber);
    if (field === undefined) continue;
    if (reader.wireType !== field.wireType) return wrongWireType('event', field, reader);
    switch (field.name) {
      case 'type':
        event.type = reader.string();
        break;
      case 'uid':
        event.uid = reader.string();
        break;
      case 'sendTime':
        event.sendTime = reader.varint;
        break;
      case 'startTime':
        event.startTime = reader.varint;
        break;
      case 'staleTime':
        event.staleTime = reader.varint;
        break;
      case 'lat':
        event.lat = reader.double();
        break;
      case 'lon':
        event.lon = reader.double();
        break;
      case 'hae':
        event.hae = reader.double();
        break;
      case 'ce':
        event.ce = reader.double();
        break;
      case 'le':
        event.le = reader.double();
        break;
      case 'detail': {
        const problem = readDetail(reader.message(), event);
        if (problem !== null) return problem;
        break;
      }
    }
  }
  return reader.problem === null ? null : `the TAK message ${reader.problem}`;
}

function readDetail(reader: ProtobufReader, event: CotEventDraft): string | null {
  while (reader.next()) {
    const field = detailFields.get(reader.fieldNumber);
    if (field === undefined) continue;
    if (reader.wireType !== field.wireType) return wrongWireType('detail', field, reader);
    const problem = field.name === 'contact' ? readContact(reader.message(), event) : readTrack(reader.message(), event);
    if (problem !== null) return problem;
  }
  return reader.problem === null ? null : `the TAK message ${reader.problem}`;
}

function readContact(reader: ProtobufReader, event: CotEventDraft): string | null {
  while (reader.next()) {
    const field = contactFields.get(reader.fieldNumber);
    if (field === undefined) continue;
    if (reader.wireType !== field.wireType) return wrongWireType('contact', field, reader);
    event.callsign = reader.string();
  }
  return reader.problem === null ? null : `the TAK message ${reader.problem}`;
}

function readTrack(reader: ProtobufReader, event: CotEventDraft): string | null {
  event.speed ??= 0;
  event.course ??= 0;
  while (reader.next()) {
    const field = trackFields.get(reader.fieldNumber);
    if (field === undefined) continue;
    if (reader.wireType !== field.wireType) return wrongWireType('track', field, reader);
    if (field.name === 'speed') event.speed = reader.double();
    else event.course = reader.double();
  }
  return reader.problem === null ? null : `the TAK message ${reader.problem}`;
}

function wrongWireType(message: string, field: KnownField, reader: ProtobufReader): string {
  return `the TAK ${message} field ${field.name} (${reader.fieldNumber}) has wire type ${reader.wireType} instead of ${field.wireType}`;
}

function entityFrom(event: CotEventDraft): DecodedEntity | string {
  if (event.uid === null || event.type === null || event.callsign === null) return 'the TAK event holds text that is not valid UTF-8';
  const uid = event.uid;
  if (uid === '') return 'the TAK event has no uid';
  if (event.type === '') return `the TAK event ${uid} has no type`;
  if (!isLatitude(event.lat)) return `the TAK event ${uid} has latitude ${event.lat}, outside -90 to 90`;
  if (!isLongitude(event.lon)) return `the TAK event ${uid} has longitude ${event.lon}, outside -180 to 180`;
  // sendTime is the event's time attribute; a sender that left it out may still have set start.
  const eventTime = event.sendTime > 0 ? event.sendTime : event.startTime;
  const time = eventTime > 0 ? validEpochMillis(eventTime) : null;
  if (eventTime > 0 && time === null) return `the TAK event ${uid} has no valid time`;
  const stale = event.staleTime > 0 ? validEpochMillis(event.staleTime) : null;
  if (event.staleTime > 0 && stale === null) return `the TAK event ${uid} has no valid stale time`;
  return {
    uid,
    cotType: event.type,
    callsign: event.callsign === '' ? null : event.callsign,
    lat: event.lat,
    lon: event.lon,
    hae: knownMetres(event.hae),
    course: finiteOrNull(event.course),
    speed: finiteOrNull(event.speed),
    time,
    stale,
    ce: knownMetres(event.ce),
    le: knownMetres(event.le),
  };
}

function knownMetres(value: number): number | null {
  return Number.isFinite(value) && !UNKNOWN_METRES.has(value) ? value : null;
}

function finiteOrNull(value: number | null): number | null {
  return value !== null && Number.isFinite(value) ? value : null;
}
