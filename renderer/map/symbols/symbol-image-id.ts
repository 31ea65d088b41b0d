import type { Staleness } from '../../../shared/staleness';

/** Only fresh and stale tracks are drawn, so only they need a symbol image. */
export type DrawnStaleness = Exclude<Staleness, 'hidden'>;

const PREFIX = 'milsymbol';
const IMAGE_ID = new RegExp(`^${PREFIX}:(fresh|stale):([A-Z*-]{15})$`);

/** The map image a track's feature names in its `symbol` property; one per (SIDC, staleness). */
export function symbolImageId(sidc: string, staleness: DrawnStaleness): string {
  return `${PREFIX}:${staleness}:${sidc}`;
}

/** What to draw for an image id the map asks for, or null when the id is not a track symbol's. */
export function parseSymbolImageId(id: string): { sidc: string; staleness: DrawnStaleness } | null {
  const match = IMAGE_ID.exec(id);
  if (match === null) return null;
  return { staleness: match[1] as DrawnStaleness, sidc: match[2] ?? '' };
}
