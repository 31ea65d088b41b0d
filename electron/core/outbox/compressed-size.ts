import { gzipSync } from 'node:zlib';

/**
 * The size of `parts` gzipped together at zlib's default level, which is what kafkajs's GZIP codec
 * uses for a record batch: the cost of a batch on the link, less Kafka's and TCP's framing.
 */
export function gzippedSize(parts: readonly Uint8Array[]): number {
  return gzipSync(parts.length === 1 ? (parts[0] as Uint8Array) : Buffer.concat(parts)).byteLength;
}
