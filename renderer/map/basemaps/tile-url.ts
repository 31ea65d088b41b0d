/** Where the page fetches a package's tiles from: the Electron app's own origin, or the web host with its token. */
export type TileHost = { readonly kind: 'electron' } | { readonly kind: 'web'; readonly origin: string; readonly token: string };

/** The Electron host serves the renderer and the tiles from this origin, and needs no token. */
export const ELECTRON_APP_ORIGIN = 'app://outpost';

/**
 * MapLibre's tile URL template for a package's `tilesPath`. Joined as a string on purpose: the URL
 * class would percent-encode the `{z}/{x}/{y}` placeholders MapLibre fills in.
 */
export function tileUrlTemplate(tilesPath: string, host: TileHost): string {
  const path = tilesPath.replace(/^\/+/, '');
  if (host.kind === 'electron') return `${ELECTRON_APP_ORIGIN}/${path}`;
  return `${host.origin}/${path}?token=${encodeURIComponent(host.token)}`;
}
