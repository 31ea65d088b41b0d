import { basename, extname } from 'node:path';

const MAX_SLUG_LENGTH = 32;

/**
 * A short id from the package's file name (`Sardinia 1-50k.mbtiles` becomes
 * `sardinia-1-50k`), with `-2`, `-3`… added when that id is taken.
 */
export function basemapIdFor(path: string, taken: (id: string) => boolean): string {
  const slug = slugOf(basename(path, extname(path))) || 'basemap';
  if (!taken(slug)) return slug;
  for (let suffix = 2; ; suffix += 1) {
    const candidate = `${slug}-${suffix}`;
    if (!taken(candidate)) return candidate;
  }
}

function slugOf(stem: string): string {
  return stem
    .normalize('NFKD')
    .replace(/[\u0300-\u036f]/g, '')
    .toLowerCase()
    .replace(/[^a-z0-9]+/g, '-')
    .slice(0, MAX_SLUG_LENGTH)
    .replace(/^-+|-+$/g, '');
}
