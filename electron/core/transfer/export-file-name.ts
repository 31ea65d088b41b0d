import { EXPORT_EXTENSIONS, type ExportFormat } from '../../../shared/transfer';

/** `SECRET//NOFORN` → `SECRET-NOFORN`: upper case, each run of anything else one dash. */
export function markingSlug(marking: string): string {
  const slug = marking
    .toUpperCase()
    .replaceAll(/[^A-Z0-9]+/g, '-')
    .replaceAll(/^-+|-+$/g, '');
  return slug === '' ? 'UNMARKED' : slug;
}

/** `20261126T0600Z`: sorts as text, and holds no character a file system refuses. */
export function compactUtc(epochMillis: number): string {
  return new Date(epochMillis).toISOString().slice(0, 16).replaceAll(/[-:]/g, '') + 'Z';
}

/** What a file covers, for its name: the window, or a search by when it ran. */
export function spanOf(scope: { readonly from?: number | undefined; readonly to?: number | undefined }, exportedAt: number): string {
  if (scope.from !== undefined && scope.to !== undefined) return `${compactUtc(scope.from)}-${compactUtc(scope.to)}`;
  return `search-${compactUtc(exportedAt)}`;
}

/**
 * The marking first, so the file keeps it wherever it is copied, then what it covers:
 * `UNCLASSIFIED_outpost_20261126T0600Z-20261126T0700Z.geojson`. `attempt` tells apart files
 * that would otherwise share a name.
 */
export function exportFileName(marking: string, span: string, format: ExportFormat, attempt = 1): string {
  const suffix = attempt > 1 ? `-${attempt}` : '';
  return `${markingSlug(marking)}_outpost_${span}${suffix}.${EXPORT_EXTENSIONS[format]}`;
}
