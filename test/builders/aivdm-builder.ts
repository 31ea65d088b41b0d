/**
 * Writes AIS messages as AIVDM sentences, field by field, from the bit layouts of ITU-R M.1371
 * (as tabulated in gpsd's "AIVDM/AIVDO protocol decoding"). Tests use it for variations of the
 * hand-checked fixtures: positions not available, broken checksums, missing fragments.
 */

/** An unsigned or two's-complement field of `width` bits, most significant first. */
export function bitField(value: number, width: number): string {
  const unsigned = value < 0 ? 2 ** width + value : value;
  return unsigned.toString(2).padStart(width, '0');
}

/** Six-bit ASCII, padded with "@" to `characters`. */
export function sixBitText(text: string, characters: number): string {
  return [...text.padEnd(characters, '@')]
    .map((char) => {
      const code = char.charCodeAt(0);
      return bitField(code >= 64 ? code - 64 : code, 6);
    })
    .join('');
}

export interface AisPosition {
  readonly type: 1 | 2 | 3 | 18 | 19;
  readonly mmsi: number;
  /** Degrees, or the raw "not available" value 91 / 181. */
  readonly lat: number;
  readonly lon: number;
  readonly speedKnots: number | null;
  readonly courseDegrees: number | null;
  readonly shipName: string;
}

const defaultPosition: AisPosition = {
  type: 1,
  mmsi: 247_320_162,
  lat: 39.2105,
  lon: 9.1107,
  speedKnots: 12.3,
  courseDegrees: 87.5,
  shipName: 'NIGHT HERON',
};

export function anAisPosition(overrides: Partial<AisPosition> = {}): AisPosition {
  return { ...defaultPosition, ...overrides };
}

/** The message's bits: class A (types 1–3, 168 bits), class B (18, 168 bits) or extended class B (19, 312 bits). */
export function positionReportBits(report: AisPosition): string {
  const speed = bitField(report.speedKnots === null ? 1023 : Math.round(report.speedKnots * 10), 10);
  const lon = bitField(Math.round(report.lon * 600_000), 28);
  const lat = bitField(Math.round(report.lat * 600_000), 27);
  const course = bitField(report.courseDegrees === null ? 3600 : Math.round(report.courseDegrees * 10), 12);
  const header = bitField(report.type, 6) + bitField(0, 2) + bitField(report.mmsi, 30);
  if (report.type <= 3) {
    // status 0 (under way), rate of turn 128 (none), heading 511 (n/a), second 60 (n/a)
    const tail = bitField(511, 9) + bitField(60, 6) + bitField(0, 2 + 3 + 1 + 19);
    return header + bitField(0, 4) + bitField(-128, 8) + speed + '0' + lon + lat + course + tail;
  }
  const common = header + bitField(0, 8) + speed + '0' + lon + lat + course + bitField(511, 9) + bitField(60, 6);
  if (report.type === 18) return common + bitField(0, 2 + 1 + 1 + 1 + 1 + 1 + 1 + 1 + 20);
  return common + bitField(0, 4) + sixBitText(report.shipName, 20) + bitField(37, 8) + bitField(0, 30 + 4 + 1 + 1 + 1 + 4);
}

/** Type 5, static and voyage related data: 424 bits, two sentences when armoured. */
export function staticVoyageBits(mmsi: number, callsign: string, shipName: string): string {
  const afterName = bitField(70, 8) + bitField(0, 30 + 4 + 20 + 8) + sixBitText('CAGLIARI', 20) + bitField(0, 2);
  return bitField(5, 6) + bitField(0, 2) + bitField(mmsi, 30) + bitField(0, 2 + 30) + sixBitText(callsign, 7) + sixBitText(shipName, 20) + afterName;
}

export function nmeaChecksum(content: string): string {
  let checksum = 0;
  for (const char of content) checksum ^= char.charCodeAt(0);
  return checksum.toString(16).toUpperCase().padStart(2, '0');
}

function armour(bits: string): string {
  const padded = bits.padEnd(Math.ceil(bits.length / 6) * 6, '0');
  let payload = '';
  for (let at = 0; at < padded.length; at += 6) {
    const value = Number.parseInt(padded.slice(at, at + 6), 2);
    payload += String.fromCharCode(value < 40 ? value + 48 : value + 56);
  }
  return payload;
}

/** The message as AIVDM sentences of at most 60 payload characters each, with correct checksums. */
export function aivdmSentences(bits: string, options: { readonly sequentialId?: string; readonly channel?: string } = {}): string[] {
  const payload = armour(bits);
  const fillBits = payload.length * 6 - bits.length;
  const fragments: string[] = [];
  for (let at = 0; at < payload.length; at += 60) fragments.push(payload.slice(at, at + 60));
  const sequentialId = fragments.length > 1 ? (options.sequentialId ?? '1') : '';
  return fragments.map((fragment, index) => {
    const fill = index === fragments.length - 1 ? fillBits : 0;
    const body = `AIVDM,${fragments.length},${index + 1},${sequentialId},${options.channel ?? 'A'},${fragment},${fill}`;
    return `!${body}*${nmeaChecksum(body)}`;
  });
}

/** An NMEA 4.10 tag block to put in front of a sentence. */
export function tagBlock(fields: string): string {
  return `\\${fields}*${nmeaChecksum(fields)}\\`;
}
