import type { Raster } from './raster';

/** The map image of the heading arrow, pointing north from its foot; the layer turns it by course. */
export const HEADING_ARROW_IMAGE = 'track-heading';

// Long enough to reach well past the largest frame (about 17 px from a symbol's centre).
const LENGTH = 32;
const WIDTH = 10;
const HEAD = 7;

/**
 * A light shaft and head with a dark edge, legible on land, sea and symbol fills alike. Its foot
 * is the bottom centre of the image, where the layer anchors it, on the track's position: the part
 * inside the frame is hidden under the symbol, which is drawn above it.
 */
export function rasteriseHeadingArrow(pixelRatio: number): Raster {
  const canvas = new OffscreenCanvas(Math.ceil(WIDTH * pixelRatio), Math.ceil(LENGTH * pixelRatio));
  const context = canvas.getContext('2d', { willReadFrequently: true });
  if (context === null) throw new Error('The browser gave no 2D canvas to draw heading arrows on.');
  context.scale(pixelRatio, pixelRatio);
  const centre = WIDTH / 2;
  const arrow = new Path2D();
  arrow.moveTo(centre, LENGTH);
  arrow.lineTo(centre, HEAD);
  const head = new Path2D();
  head.moveTo(centre, 1);
  head.lineTo(centre + HEAD / 2, HEAD + 1);
  head.lineTo(centre - HEAD / 2, HEAD + 1);
  head.closePath();
  context.lineJoin = 'round';
  context.strokeStyle = '#0b1320';
  context.lineWidth = 3.5;
  context.stroke(arrow);
  context.stroke(head);
  context.strokeStyle = '#e8eef2';
  context.fillStyle = '#e8eef2';
  context.lineWidth = 1.5;
  context.stroke(arrow);
  context.fill(head);
  return { image: context.getImageData(0, 0, canvas.width, canvas.height), pixelRatio };
}
