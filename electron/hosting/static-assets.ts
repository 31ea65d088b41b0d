import { realpathSync, statSync } from 'node:fs';
import { extname, join, resolve, sep } from 'node:path';

const contentTypes: Readonly<Record<string, string>> = {
  '.html': 'text/html; charset=utf-8',
  '.js': 'text/javascript; charset=utf-8',
  '.mjs': 'text/javascript; charset=utf-8',
  '.css': 'text/css; charset=utf-8',
  '.json': 'application/json',
  '.png': 'image/png',
  '.svg': 'image/svg+xml',
  '.ico': 'image/x-icon',
  '.woff2': 'font/woff2',
  '.pbf': 'application/x-protobuf',
  '.wasm': 'application/wasm',
};

export interface StaticAsset {
  readonly file: string;
  readonly contentType: string;
}

/**
 * Maps a URL path to a file inside the renderer's build folder, or null.
 * Anything that would resolve outside that folder, by `..` or by a link, is refused.
 */
export function resolveStaticAsset(rootDir: string, urlPath: string): StaticAsset | null {
  let decoded: string;
  try {
    decoded = decodeURIComponent(urlPath.split('?')[0] ?? '/');
  } catch {
    return null;
  }
  if (decoded.includes('\0')) return null;
  const relative = decoded === '/' || decoded === '' ? 'index.html' : decoded.replace(/^\/+/, '');
  const root = realpathSync(resolve(rootDir));
  let file: string;
  try {
    file = realpathSync(join(root, relative));
  } catch {
    return null;
  }
  if (!file.startsWith(root + sep) || !statSync(file).isFile()) return null;
  return { file, contentType: contentTypes[extname(file).toLowerCase()] ?? 'application/octet-stream' };
}
