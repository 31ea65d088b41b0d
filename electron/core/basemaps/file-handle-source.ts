import type { FileHandle } from 'node:fs/promises';
import type { Source } from 'pmtiles';

/** Lets the pmtiles reader take byte ranges from a local file instead of over HTTP. */
export function fileHandleSource(path: string, handle: FileHandle): Source {
  return {
    getKey: () => path,
    async getBytes(offset, length) {
      const bytes = new Uint8Array(length);
      const { bytesRead } = await handle.read(bytes, 0, length, offset);
      // The reader asks for more than a short file holds (16 KiB for the header); give what there is.
      return { data: bytes.buffer.slice(0, bytesRead) };
    },
  };
}
