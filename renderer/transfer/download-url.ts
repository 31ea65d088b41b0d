import type { TileHost } from '../map/basemaps/tile-url';
import { EXPORTS_PATH } from '../../shared/web-paths';

/**
 * Where the browser downloads a finished export from: the web host serves the exports folder
 * beside the tiles, with the same token. The Electron host has no such route; there the panel
 * offers Save as… through the native dialog instead.
 */
export function exportDownloadUrl(name: string, host: TileHost): string | null {
  if (host.kind === 'electron') return null;
  return `${host.origin}${EXPORTS_PATH}${encodeURIComponent(name)}?token=${encodeURIComponent(host.token)}`;
}
