import { BASEMAP_ID, isTileAddress, TILES_ROUTE } from '../../shared/basemaps';

export interface TileAddress {
  readonly basemapId: string;
  readonly z: number;
  readonly x: number;
  readonly y: number;
}

const PREFIX = `/${TILES_ROUTE}/`;
/** Plain decimal, no sign or leading zeros, so that one tile has one URL. */
const COORDINATE = /^(0|[1-9][0-9]{0,7})$/;
/** An extension MapLibre styles often add (`.png`, `.pbf`); the package's own format decides the content type. */
const LAST_SEGMENT = /^([^.]+)(?:\.[a-z0-9]{1,8})?$/;

/** True for paths in the tile route, which either host answers itself rather than as a static file. */
export function isTilePath(pathname: string): boolean {
  return pathname.startsWith(PREFIX);
}

/** `/tiles/<id>/<z>/<x>/<y>[.ext]` to its parts, or null for anything else, including a tile outside the pyramid. */
export function parseTilePath(pathname: string): TileAddress | null {
  if (!isTilePath(pathname)) return null;
  const segments = pathname.slice(PREFIX.length).split('/');
  if (segments.length !== 4) return null;
  const [basemapId = '', zText = '', xText = '', last = ''] = segments;
  const yText = LAST_SEGMENT.exec(last)?.[1] ?? '';
  if (!BASEMAP_ID.test(basemapId) || ![zText, xText, yText].every((text) => COORDINATE.test(text))) return null;
  const [z, x, y] = [zText, xText, yText].map(Number) as [number, number, number];
  return isTileAddress(z, x, y) ? { basemapId, z, x, y } : null;
}
