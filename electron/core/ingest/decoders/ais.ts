import type { DecodeResult, DecodedEntity } from '../decoded-entity';
import { epochMillisFrom, isLatitude, isLongitude } from './field-values';
import { NOTHING_TO_PLOT, failure, success } from './results';

/*
 * AIS messages (ITU-R M.1371) in NMEA 0183 AIVDM/AIVDO sentences:
 *
 *   [\tag block*hh\]!AIVDM,<fragment count>,<fragment number>,<sequential id>,<channel>,<payload>,<fill bits>*hh
 *
 * Bit layouts, the six-bit armouring and the "not available" values follow ITU-R M.1371-5
 * Annex 8, as laid out in "AIVDM/AIVDO protocol decoding" (E. S. Raymond, gpsd project). The
 * checksum is the XOR of every character between "!" (or "\") and "*" (NMEA 0183). Tag blocks
 * follow NMEA 0183 4.10: `c:` is the UNIX time of the sentence, in seconds or milliseconds.
 */

const AIS_VESSEL_COT_TYPE = 'a-u-S-X';
const KNOTS_TO_METRES_PER_SECOND = 1852 / 3600;
const LONGITUDE_NOT_AVAILABLE = 181 * 600_000;
const LATITUDE_NOT_AVAILABLE = 91 * 600_000;
const SPEED_NOT_AVAILABLE = 1023;
const COURSE_NOT_AVAILABLE = 3600;
const HIGHEST_MESSAGE_TYPE = 27;
const SHIP_NAME_CHARACTERS = 20;

/** Where each position report keeps what an entity needs: bit offsets from the message start. */
interface PositionLayout {
  readonly minimumBits: number;
  readonly speed: number;
  readonly longitude: number;
  readonly latitude: number;
  readonly course: number;
  readonly shipName: number | null;
}

const classA: PositionLayout = { minimumBits: 168, speed: 50, longitude: 61, latitude: 89, course: 116, shipName: null };
const classB: PositionLayout = { minimumBits: 168, speed: 46, longitude: 57, latitude: 85, course: 112, shipName: null };
const classBExtended: PositionLayout = { ...classB, minimumBits: 312, shipName: 143 };
const positionLayouts: ReadonlyMap<number, PositionLayout> = new Map([
  [1, classA],
  [2, classA],
  [3, classA],
  [18, classB],
  [19, classBExtended],
]);

const formatter = /^[A-Z]{2}VD[MO]$/;
const fragmentDigit = /^[1-9]$/;
const sequentialId = /^[0-9]?$/;
const channel = /^[AB12]?$/;
const fillBits = /^[0-5]$/;
const hexByte = /^[0-9A-Fa-f]{2}$/;
const tagTime = /^\d+$/;

interface Sentence {
  readonly line: number;
  readonly fragmentCount: number;
  readonly fragmentNumber: number;
  readonly sequentialId: string;
  readonly payload: string;
  readonly fillBits: number;
  readonly time: number | null;
}

interface PendingMessage {
  readonly fragmentCount: number;
  readonly sentences: Sentence[];
}

const latin1 = new TextDecoder('latin1');

/**
 * Decodes one record of AIVDM/AIVDO lines. Position reports (types 1, 2, 3, 18, 19) become
 * entities named `ais-<MMSI>`; other messages, static data (5, 24) included, are valid but have
 * nothing to plot. A multi-sentence message must be whole within the record.
 */
export function decodeAis(value: Uint8Array): DecodeResult {
  const nonAscii = value.findIndex((byte) => byte !== 0x09 && byte !== 0x0a && byte !== 0x0d && (byte < 0x20 || byte > 0x7e));
  if (nonAscii !== -1) return failure(`the AIS record holds a byte that is not printable ASCII at byte ${nonAscii}`);

  const entities: DecodedEntity[] = [];
  let firstUnusable: string | null = null;
  let sentenceCount = 0;
  const pending = new Map<string, PendingMessage>();
  const lines = latin1.decode(value).split('\n');
  for (let index = 0; index < lines.length; index++) {
    const line = (lines[index] ?? '').trim();
    if (line === '') continue;
    const sentence = parseLine(line, index + 1);
    if (typeof sentence === 'string') return failure(sentence);
    sentenceCount++;
    const fragments = collectFragments(pending, sentence);
    if (typeof fragments === 'string') return failure(fragments);
    if (fragments === null) continue;
    const outcome = decodeMessage(fragments);
    if (outcome.kind === 'error') return failure(outcome.reason);
    if (outcome.kind === 'entity') entities.push(outcome.entity);
    if (outcome.kind === 'unusable') firstUnusable ??= outcome.reason;
  }
  if (sentenceCount === 0) return failure('the record holds no AIS sentence');
  const [unfinished] = pending;
  if (unfinished !== undefined) {
    const [id, message] = unfinished;
    return failure(incompleteMessage(id, `fragment ${message.sentences.length + 1} of ${message.fragmentCount} is missing`));
  }
  if (entities.length > 0) return success(entities);
  return firstUnusable === null ? NOTHING_TO_PLOT : failure(firstUnusable);
}

function parseLine(line: string, lineNumber: number): Sentence | string {
  let sentence = line;
  let time: number | null = null;
  if (line.startsWith('\\')) {
    const end = line.indexOf('\\', 1);
    if (end === -1) return `the tag block on line ${lineNumber} has no closing backslash`;
    const tagTimeOrProblem = readTagBlock(line.slice(1, end), lineNumber);
    if (typeof tagTimeOrProblem === 'string') return tagTimeOrProblem;
    time = tagTimeOrProblem;
    sentence = line.slice(end + 1);
  }
  if (!sentence.startsWith('!')) return `line ${lineNumber} is not an AIVDM or AIVDO sentence`;
  const star = sentence.indexOf('*');
  if (star === -1) return `the AIS sentence on line ${lineNumber} has no checksum`;
  const body = sentence.slice(1, star);
  const checksumProblem = checkChecksum(body, sentence.slice(star + 1, star + 3), `the AIS sentence on line ${lineNumber}`);
  if (checksumProblem !== null) return checksumProblem;
  // The US Coast Guard's receivers append ",s…,d…,T…" after the checksum; it describes the
  // reception, not the vessel, and is left alone.
  const trailer = sentence.slice(star + 3);
  if (trailer !== '' && !trailer.startsWith(',')) return `the AIS sentence on line ${lineNumber} has text after its checksum`;

  const fields = body.split(',');
  if (fields.length !== 7) return `the AIS sentence on line ${lineNumber} has ${fields.length} fields instead of 7`;
  const [talkerAndType = '', count = '', number = '', id = '', radioChannel = '', payload = '', fill = ''] = fields;
  if (!formatter.test(talkerAndType)) return `line ${lineNumber} is ${talkerAndType.slice(0, 10)}, not an AIVDM or AIVDO sentence`;
  if (!fragmentDigit.test(count) || !fragmentDigit.test(number) || Number(number) > Number(count)) {
    return `the AIS sentence on line ${lineNumber} has fragment ${number.slice(0, 10)} of ${count.slice(0, 10)}, which cannot be`;
  }
  if (!sequentialId.test(id)) return `the AIS sentence on line ${lineNumber} has a sequential message id that is not one digit`;
  if (!channel.test(radioChannel)) return `the AIS sentence on line ${lineNumber} names radio channel ${radioChannel.slice(0, 10)}, not A, B, 1 or 2`;
  if (!fillBits.test(fill)) return `the AIS sentence on line ${lineNumber} has fill bits ${fill.slice(0, 10)}, not 0 to 5`;
  return {
    line: lineNumber,
    fragmentCount: Number(count),
    fragmentNumber: Number(number),
    sequentialId: id,
    payload,
    fillBits: Number(fill),
    time,
  };
}

/** The tag block's `c:` time in epoch milliseconds, null without one, or a problem. */
function readTagBlock(block: string, lineNumber: number): number | null | string {
  const star = block.lastIndexOf('*');
  if (star === -1) return `the tag block on line ${lineNumber} has no checksum`;
  const place = `the tag block on line ${lineNumber}`;
  const checksumProblem = checkChecksum(block.slice(0, star), block.slice(star + 1), place);
  if (checksumProblem !== null) return checksumProblem;
  for (const field of block.slice(0, star).split(',')) {
    if (!field.startsWith('c:')) continue;
    const text = field.slice(2);
    const millis = tagTime.test(text) ? epochMillisFrom(text) : null;
    if (millis === null) return `${place} has a time c:${text.slice(0, 20)} that is not UNIX seconds or milliseconds`;
    return millis;
  }
  return null;
}

function checkChecksum(content: string, written: string, place: string): string | null {
  if (!hexByte.test(written)) return `${place} has a malformed checksum`;
  let computed = 0;
  for (let index = 0; index < content.length; index++) computed ^= content.charCodeAt(index);
  const expected = Number.parseInt(written, 16);
  if (computed === expected) return null;
  return `${place} has checksum ${written.toUpperCase()}, but its content sums to ${hex(computed)}`;
}

function hex(byte: number): string {
  return byte.toString(16).toUpperCase().padStart(2, '0');
}

/** All fragments of a message once its last one arrives; null while it is still incomplete. */
function collectFragments(pending: Map<string, PendingMessage>, sentence: Sentence): readonly Sentence[] | null | string {
  if (sentence.fragmentCount === 1) return [sentence];
  const id = sentence.sequentialId;
  const message = pending.get(id);
  if (sentence.fragmentNumber === 1) {
    if (message !== undefined) {
      const awaited = `fragment ${message.sentences.length + 1} of ${message.fragmentCount}`;
      return incompleteMessage(id, `line ${sentence.line} starts it again before ${awaited} arrived`);
    }
    pending.set(id, { fragmentCount: sentence.fragmentCount, sentences: [sentence] });
    return null;
  }
  if (message === undefined || message.fragmentCount !== sentence.fragmentCount || message.sentences.length + 1 !== sentence.fragmentNumber) {
    const fragment = `fragment ${sentence.fragmentNumber} of ${sentence.fragmentCount}`;
    return incompleteMessage(id, `${fragment} on line ${sentence.line} does not follow the fragment before it`);
  }
  message.sentences.push(sentence);
  if (sentence.fragmentNumber < sentence.fragmentCount) return null;
  pending.delete(id);
  return message.sentences;
}

function incompleteMessage(id: string, detail: string): string {
  const which = id === '' ? 'no sequential id' : `sequential id ${id}`;
  return `the AIS record holds an incomplete multi-sentence message (${which}: ${detail})`;
}

type MessageOutcome =
  | { readonly kind: 'entity'; readonly entity: DecodedEntity }
  | { readonly kind: 'nothing-to-plot' }
  | { readonly kind: 'unusable'; readonly reason: string }
  | { readonly kind: 'error'; readonly reason: string };

const NOTHING: MessageOutcome = { kind: 'nothing-to-plot' };

function decodeMessage(fragments: readonly Sentence[]): MessageOutcome {
  const first = fragments[0];
  const last = fragments[fragments.length - 1];
  if (first === undefined || last === undefined) return NOTHING;
  const where = `the AIS message on line ${first.line}`;
  const bits = unarmour(fragments.map((fragment) => fragment.payload).join(''), last.fillBits);
  if (typeof bits === 'string') return { kind: 'error', reason: `${where} ${bits}` };
  if (bits.length < 6) return { kind: 'error', reason: `${where} is empty` };
  const type = bits.unsigned(0, 6);
  if (type === 0 || type > HIGHEST_MESSAGE_TYPE) return { kind: 'error', reason: `${where} has type ${type}, which ITU-R M.1371 does not define` };
  const layout = positionLayouts.get(type);
  if (layout === undefined) return NOTHING;
  if (bits.length < layout.minimumBits) {
    return { kind: 'error', reason: `${where} is a type ${type} position report of ${bits.length} bits; it needs ${layout.minimumBits}` };
  }
  const time = fragments.find((fragment) => fragment.time !== null)?.time ?? null;
  return positionReport(bits, layout, time);
}

function positionReport(bits: AisBits, layout: PositionLayout, time: number | null): MessageOutcome {
  // MMSIs are nine digits; coast stations (00…) and groups (0…) keep their leading zeros.
  const mmsi = String(bits.unsigned(8, 30)).padStart(9, '0');
  const rawLongitude = bits.signed(layout.longitude, 28);
  const rawLatitude = bits.signed(layout.latitude, 27);
  if (rawLongitude === LONGITUDE_NOT_AVAILABLE || rawLatitude === LATITUDE_NOT_AVAILABLE) {
    return { kind: 'unusable', reason: `the AIS position report from MMSI ${mmsi} says its position is not available` };
  }
  const lat = rawLatitude / 600_000;
  const lon = rawLongitude / 600_000;
  if (!isLatitude(lat) || !isLongitude(lon)) {
    return { kind: 'unusable', reason: `the AIS position report from MMSI ${mmsi} has an impossible position (${lat}, ${lon})` };
  }
  const speedOverGround = bits.unsigned(layout.speed, 10);
  const courseOverGround = bits.unsigned(layout.course, 12);
  const shipName = layout.shipName === null ? '' : bits.text(layout.shipName, SHIP_NAME_CHARACTERS);
  return {
    kind: 'entity',
    entity: {
      uid: `ais-${mmsi}`,
      cotType: AIS_VESSEL_COT_TYPE,
      callsign: shipName === '' ? null : shipName,
      lat,
      lon,
      hae: null,
      course: courseOverGround < COURSE_NOT_AVAILABLE ? courseOverGround / 10 : null,
      speed: speedOverGround === SPEED_NOT_AVAILABLE ? null : (speedOverGround / 10) * KNOTS_TO_METRES_PER_SECOND,
      time,
      stale: null,
    },
  };
}

/** The payload's bits: each character carries six, most significant first, less the fill bits at the end. */
function unarmour(payload: string, fill: number): AisBits | string {
  const sextets = new Uint8Array(payload.length);
  for (let index = 0; index < payload.length; index++) {
    const code = payload.charCodeAt(index);
    // Armour characters are "0" to "W" (values 0–39) and "`" to "w" (values 40–63).
    if (code >= 48 && code <= 87) sextets[index] = code - 48;
    else if (code >= 96 && code <= 119) sextets[index] = code - 56;
    else return `has payload character "${payload[index] ?? ''}", which six-bit armouring does not use`;
  }
  return new AisBits(sextets, Math.max(0, payload.length * 6 - fill));
}

class AisBits {
  constructor(
    private readonly sextets: Uint8Array,
    readonly length: number,
  ) {}

  /** Callers check `length` first; fields are at most 30 bits, well inside exact integers. */
  unsigned(start: number, width: number): number {
    let value = 0;
    for (let bit = start; bit < start + width; bit++) {
      const sextet = this.sextets[Math.floor(bit / 6)] ?? 0;
      value = value * 2 + ((sextet >> (5 - (bit % 6))) & 1);
    }
    return value;
  }

  signed(start: number, width: number): number {
    const value = this.unsigned(start, width);
    return value >= 2 ** (width - 1) ? value - 2 ** width : value;
  }

  /**
   * Six-bit ASCII: 0–31 are "@" to "_", 32–63 are " " to "?". "@" ends the text (what follows
   * is padding or junk), and trailing spaces are padding too.
   */
  text(start: number, characters: number): string {
    let text = '';
    for (let index = 0; index < characters; index++) {
      const code = this.unsigned(start + index * 6, 6);
      if (code === 0) break;
      text += String.fromCharCode(code < 32 ? code + 64 : code);
    }
    return text.trimEnd();
  }
}
