/** Enough of a binary payload to recognise its framing without flooding the panel. */
export const HEX_PREVIEW_BYTES = 256;
const BYTES_PER_LINE = 16;

export function bytesFromBase64(base64: string): Uint8Array {
  return Uint8Array.from(atob(base64), (character) => character.charCodeAt(0));
}

/**
 * Lines of `offset  hex bytes  |printable|`, as a hex dump tool prints them,
 * for at most the first `maxBytes` bytes.
 */
export function hexPreview(bytes: Uint8Array, maxBytes = HEX_PREVIEW_BYTES): string {
  const shown = bytes.subarray(0, maxBytes);
  const lines: string[] = [];
  for (let start = 0; start < shown.length; start += BYTES_PER_LINE) {
    const line = [...shown.subarray(start, start + BYTES_PER_LINE)];
    const hex = line.map((byte) => byte.toString(16).padStart(2, '0')).join(' ');
    const printable = line.map((byte) => (byte >= 0x20 && byte < 0x7f ? String.fromCharCode(byte) : '.')).join('');
    lines.push(`${start.toString(16).padStart(4, '0')}  ${hex.padEnd(BYTES_PER_LINE * 3 - 1)}  |${printable}|`);
  }
  return lines.join('\n');
}
