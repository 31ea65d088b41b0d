/** Pixels drawn for the map, and how many of them make one CSS pixel, as addImage takes them. */
export interface Raster {
  readonly image: ImageData;
  readonly pixelRatio: number;
}
