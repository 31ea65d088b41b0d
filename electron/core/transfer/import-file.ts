import { createHash } from 'node:crypto';
import { createReadStream } from 'node:fs';
import { open, stat } from 'node:fs/promises';
import { basename } from 'node:path';
import type { Readable } from 'node:stream';
import type { RecordFormat } from '../../../shared/formats';
import type { ImportFormat, ImportSource } from '../../../shared/transfer';
import type { BatchWriter } from '../ingest/batch-writer';
import type { RawRecord } from '../ingest/raw-record';
import { stopIfCancelled, type JobControl, type JobOutcome } from '../jobs/job-registry';
import type { TransferTables } from '../store/transfer-tables';
import { UserFacingError } from '../user-facing-error';
import { cotEventsOf, linesOf, outpostGeoJsonFeaturesOf } from './import-splitters';

export type FileFormat = Exclude<ImportFormat, 'auto'>;

/** Records per write: small enough that a cancel stops soon, large enough to commit efficiently. */
export const IMPORT_PAGE_RECORDS = 2_000;
const SNIFF_BYTES = 4_096;

/** Each entry of a file, as the ingest format that decodes it. */
const ingestFormats: Readonly<Record<FileFormat, RecordFormat>> = {
  'outpost-geojson': 'geojson',
  'cot-xml': 'cot',
  'json-lines': 'json',
};

export const importSourceName = (id: string): string => `import:${id}`;

/** Refuses, with what to do, a path that is not a readable file; returns its size. */
export async function checkImportFile(path: string): Promise<number> {
  try {
    const info = await stat(path);
    if (!info.isFile()) throw new UserFacingError(`${path} is a folder, not a file; choose the file to import.`);
    return info.size;
  } catch (error) {
    if (error instanceof UserFacingError) throw error;
    throw new UserFacingError(`Outpost cannot read ${path}; check the path and that the file is readable.`);
  }
}

/** The format a file's first bytes announce, for an import left on "auto". */
export async function detectImportFormat(path: string): Promise<FileFormat> {
  const file = await open(path, 'r');
  try {
    const { buffer, bytesRead } = await file.read(Buffer.alloc(SNIFF_BYTES), 0, SNIFF_BYTES, 0);
    const start = buffer.subarray(0, bytesRead).toString('utf8').replace(/^\uFEFF/, '').trimStart();
    if (start.startsWith('<')) return 'cot-xml';
    if (start.startsWith('{"type":"FeatureCollection"')) return 'outpost-geojson';
    if (start.startsWith('{')) return 'json-lines';
  } finally {
    await file.close();
  }
  throw new UserFacingError(`Outpost cannot tell which format ${basename(path)} is in; choose Outpost GeoJSON, CoT XML or JSON lines.`);
}

/**
 * The file's SHA-256 as a UUID (version 8, RFC 9562): the same content always gets the same
 * import id, so importing a file again, from anywhere, stores nothing twice.
 */
export async function contentId(path: string, control: JobControl, size: number): Promise<string> {
  const hash = createHash('sha256');
  let read = 0;
  for await (const chunk of createReadStream(path) as AsyncIterable<Buffer>) {
    stopIfCancelled(control.signal);
    hash.update(chunk);
    read += chunk.length;
    control.report(read, size, 'Checking the file.');
  }
  const bytes = hash.digest().subarray(0, 16);
  bytes[6] = ((bytes[6] ?? 0) & 0x0f) | 0x80;
  bytes[8] = ((bytes[8] ?? 0) & 0x3f) | 0x80;
  const hex = bytes.toString('hex');
  return `${hex.slice(0, 8)}-${hex.slice(8, 12)}-${hex.slice(12, 16)}-${hex.slice(16, 20)}-${hex.slice(20)}`;
}

/**
 * Reads a file into the cache through the same ingest path as a live feed, tagged with its
 * source. Each entry's offset is its place in the file and its topic the file's format, so a
 * second import of the same content, under any name, adds nothing. The file is read as a stream and each page waits for its commit, so memory stays flat
 * whatever the file's size. Rules are not applied: old data raises no new alerts.
 */
export async function importFile(options: {
  readonly id: string;
  readonly path: string;
  readonly size: number;
  readonly format: FileFormat;
  readonly name: string;
  readonly startedAt: number;
  readonly maxRecordBytes: number;
  readonly writer: BatchWriter;
  readonly tables: TransferTables;
  readonly control: JobControl;
}): Promise<JobOutcome> {
  const { id, path, size, format, control, tables } = options;
  const source = importSourceName(id);
  const fileName = basename(path);
  const record = (): ImportSource => ({ id, name: options.name, format, fileName, importedAt: options.startedAt, ...tables.countSource(source) });
  tables.saveImportSource(record());

  const input = createReadStream(path);
  let entries = 0;
  let page: RawRecord[] = [];
  const writePage = async (): Promise<void> => {
    if (page.length === 0) return;
    const records = page;
    page = [];
    await options.writer.write({ source, subscriptionId: null, format: ingestFormats[format], mapping: null, records, applyRules: false });
    control.report(input.bytesRead, size, `${entries.toLocaleString('en-GB')} entries read.`);
  };

  try {
    for await (const entry of entriesOf(format, input, options.maxRecordBytes)) {
      stopIfCancelled(control.signal);
      page.push({ topic: format, partition: 0, offset: entries, timestamp: options.startedAt, key: null, headers: null, value: Buffer.from(entry) });
      entries += 1;
      if (page.length >= IMPORT_PAGE_RECORDS) await writePage();
    }
    stopIfCancelled(control.signal);
    await writePage();
  } finally {
    input.destroy();
    tables.saveImportSource(record());
  }
  const { records, quarantined } = tables.countSource(source);
  const setAside = quarantined === 0 ? '' : `; ${quarantined.toLocaleString('en-GB')} could not be read and are in quarantine`;
  return { message: `Imported ${records.toLocaleString('en-GB')} records from ${fileName}${setAside}.` };
}

function entriesOf(format: FileFormat, input: Readable, maxRecordBytes: number): AsyncGenerator<string> {
  switch (format) {
    case 'outpost-geojson':
      return outpostGeoJsonFeaturesOf(input);
    case 'cot-xml':
      return cotEventsOf(input, maxRecordBytes);
    case 'json-lines':
      return linesOf(input);
  }
}
