import type { Basemap, TileFormat, TileType } from '../../../shared/basemaps';

/** One tile as the hosts serve it: the bytes MapLibre expects, already decompressed. */
export interface Tile {
  readonly bytes: Uint8Array;
  readonly contentType: string;
}

/** What a tile package says about itself, read once when it is opened. */
export interface TilesetDescription {
  /** The package's own name, or null when its metadata has none. */
  readonly name: string | null;
  readonly tileType: TileType;
  readonly format: TileFormat;
  readonly minZoom: number;
  readonly maxZoom: number;
  readonly bounds: Basemap['bounds'];
  readonly center: Basemap['center'];
  readonly attribution: string | null;
  readonly vectorLayers: Basemap['vectorLayers'];
}

/** An open tile package of any kind. */
export interface TileArchive {
  describe(): TilesetDescription;
  /** The tile at an XYZ address already checked to lie in the pyramid, or null when the package has none there. */
  readTile(z: number, x: number, y: number): Promise<Tile | null>;
  close(): Promise<void>;
}
