import { basename } from 'node:path';
import type { SearchQuery } from '../../../shared/search';
import type { ExportFormat, ExportScope } from '../../../shared/transfer';
import { searchCache } from '../search/search-cache';
import type { HandlerGroup, ServiceDeps } from '../service-deps';
import { UserFacingError } from '../user-facing-error';
import { OUTPOST_VERSION } from '../version';
import { spanOf } from './export-file-name';
import { rowsOfScope, type SearchPager } from './export-rows';
import { checkImportFile, contentId, detectImportFormat, importFile } from './import-file';
import { writeExport } from './write-export';

const FORMAT_NAMES: Readonly<Record<ExportFormat, string>> = { geojson: 'GeoJSON', csv: 'CSV', kml: 'KML', cot: 'CoT XML' };

/** Export, import and the job list they report progress to. */
export function transferHandlers(deps: ServiceDeps): HandlerGroup<'export' | 'import' | 'jobs'> {
  const { store, config, jobs } = deps;
  const search: SearchPager = (query, after, limit) => searchCache(store, { query, after, limit });
  const importing = new Set<string>();

  return {
    'export.policy': () => ({ enabled: config.export.enabled, marking: config.classification.marking }),
    'export.start': ({ scope, format }) => {
      if (!config.export.enabled) {
        throw new UserFacingError('Exporting is switched off on this installation; ask your administrator if you need a file from the cache.');
      }
      const exportedAt = deps.clock.now();
      const heading = { marking: config.classification.marking, exportedAt, scope: describeScope(scope), version: OUTPOST_VERSION };
      const span = spanOf(scope.kind === 'window' ? scope : scope.query, exportedAt);
      return jobs.start('export', `Export ${FORMAT_NAMES[format]}, ${heading.scope}`, (control) =>
        writeExport({ dataDir: deps.dataDir, format, heading, span, rows: rowsOfScope(scope, store, search), control }),
      );
    },
    'import.start': async ({ path, format, name }) => {
      const size = await checkImportFile(path);
      const fileFormat = format === 'auto' ? await detectImportFormat(path) : format;
      const startedAt = deps.clock.now();
      const sourceName = name ?? basename(path);
      return jobs.start('import', `Import ${sourceName}`, async (control) => {
        const id = await contentId(path, control, size);
        if (importing.has(id)) throw new UserFacingError('This file is already being imported; wait for that import to finish.');
        importing.add(id);
        try {
          return await importFile({
            id,
            path,
            size,
            format: fileFormat,
            name: sourceName,
            startedAt,
            maxRecordBytes: config.ingest.maxRecordBytes,
            writer: deps.writer,
            tables: store,
            control,
          });
        } finally {
          importing.delete(id);
        }
      });
    },
    'import.sources': () => store.listImportSources(),
    'jobs.list': () => jobs.list(),
    'jobs.cancel': ({ id }) => jobs.cancel(id),
  };
}

/** The scope in the analyst's words, for the job's label and the file's heading. */
function describeScope(scope: ExportScope): string {
  if (scope.kind === 'window') return `${utcMinute(scope.from)} – ${utcMinute(scope.to)}`;
  return `search ${describeQuery(scope.query)}`;
}

function describeQuery(query: SearchQuery): string {
  const parts = Object.entries(query).map(([field, value]) => `${field}=${typeof value === 'number' ? utcMinute(value) : JSON.stringify(value)}`);
  return parts.length === 0 ? 'of everything' : parts.join(' ');
}

function utcMinute(epochMillis: number): string {
  return new Date(epochMillis).toISOString().slice(0, 16).replace('T', ' ') + 'Z';
}
