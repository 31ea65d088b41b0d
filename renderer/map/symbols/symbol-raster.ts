import type { SymbolOptions } from 'milsymbol';
import type { Milsymbol } from './milsymbol';
import type { Raster } from './raster';
import type { DrawnStaleness } from './symbol-image-id';

/** milsymbol's size: a friendly ground unit comes out about 35 × 24 px, a hostile one 33 × 33. */
const SYMBOL_SIZE = 22;

const styleByStaleness: Readonly<Record<DrawnStaleness, SymbolOptions>> = {
  // Civilian purple is off: the map keeps to the four affiliation colours the rest of Outpost uses.
  fresh: { size: SYMBOL_SIZE, civilianColor: false },
  // A stale track keeps its frame and colour but loses its fill, so it reads as a last-known ghost.
  stale: { size: SYMBOL_SIZE, civilianColor: false, fill: false },
};

/**
 * Draws a symbol into pixels the map can take with addImage. The canvas is grown so that
 * milsymbol's anchor (the frame's centre, or the foot of a headquarters staff) is its exact centre:
 * the map layer anchors every icon at its centre, so each symbol sits where its anchor says.
 * Pixels are read back with getImageData, so no data: URL or blob is ever made, and the canvases
 * are offscreen ones, never part of the page.
 */
export function rasteriseSymbol(ms: Milsymbol, sidc: string, staleness: DrawnStaleness, pixelRatio: number): Raster {
  const symbol = new ms.Symbol(sidc, styleByStaleness[staleness]);
  const { width, height } = symbol.getSize();
  const anchor = symbol.getAnchor();
  const halfWidth = Math.max(anchor.x, width - anchor.x);
  const halfHeight = Math.max(anchor.y, height - anchor.y);
  const canvas = new OffscreenCanvas(Math.ceil(2 * halfWidth * pixelRatio), Math.ceil(2 * halfHeight * pixelRatio));
  const context = canvas.getContext('2d', { willReadFrequently: true });
  if (context === null) throw new Error('The browser gave no 2D canvas to draw map symbols on.');
  context.drawImage(symbol.asOffscreenCanvas(pixelRatio), (halfWidth - anchor.x) * pixelRatio, (halfHeight - anchor.y) * pixelRatio);
  return { image: context.getImageData(0, 0, canvas.width, canvas.height), pixelRatio };
}
