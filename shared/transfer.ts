import { z } from 'zod';
import { SearchQuerySchema } from './search';

const epochMillis = z.number().int().nonnegative();

export const EXPORT_FORMATS = ['geojson', 'csv', 'kml', 'cot'] as const;
export type ExportFormat = (typeof EXPORT_FORMATS)[number];
export const EXPORT_EXTENSIONS: Record<ExportFormat, string> = { geojson: 'geojson', csv: 'csv', kml: 'kml', cot: 'cot.xml' };

/** What to export: the fixes a search finds, or every fix in a time window. */
export const ExportScopeSchema = z.discriminatedUnion('kind', [
  z.object({ kind: z.literal('search'), query: SearchQuerySchema }).strict(),
  z
    .object({ kind: z.literal('window'), from: epochMillis, to: epochMillis })
    .strict()
    .refine((scope) => scope.from <= scope.to, 'the window starts after it ends; swap the two times'),
]);
export type ExportScope = z.infer<typeof ExportScopeSchema>;

/** Whether exporting is allowed here, and the marking every exported file carries. */
export const ExportPolicySchema = z.object({ enabled: z.boolean(), marking: z.string() });
export type ExportPolicy = z.infer<typeof ExportPolicySchema>;

/** An export file's name: marking first, so a file keeps its marking wherever it is copied. */
export const ExportFileNameSchema = z.string().regex(/^[A-Za-z0-9][A-Za-z0-9._-]{0,200}$/, 'an export file name has letters, digits, dots, dashes and underscores only');

export const IMPORT_FORMATS = ['auto', 'outpost-geojson', 'cot-xml', 'json-lines'] as const;
export type ImportFormat = (typeof IMPORT_FORMATS)[number];

/** A file imported for review; its records carry the source `import:<id>`. */
export const ImportSourceSchema = z.object({
  id: z.uuid(),
  name: z.string(),
  format: z.enum(IMPORT_FORMATS),
  fileName: z.string(),
  records: z.number().int().nonnegative(),
  quarantined: z.number().int().nonnegative(),
  importedAt: epochMillis,
});
export type ImportSource = z.infer<typeof ImportSourceSchema>;
