import { detectPackageKind, type TilePackageKind } from './detect-package-kind';
import { openMbtilesArchive } from './mbtiles-archive';
import { openPmtilesArchive } from './pmtiles-archive';
import type { TileArchive } from './tile-archive';

export interface OpenedTilePackage {
  readonly kind: TilePackageKind;
  readonly archive: TileArchive;
}

export type OpenTilePackage = (path: string) => Promise<OpenedTilePackage>;

/** Opens an MBTiles or PMTiles file, whichever it turns out to be, or refuses it with a sentence. */
export function tilePackageOpener(options: { readonly nativeBinding?: string | undefined }): OpenTilePackage {
  return async (path) => {
    const kind = await detectPackageKind(path);
    const archive = kind === 'mbtiles' ? openMbtilesArchive(path, options) : await openPmtilesArchive(path);
    return { kind, archive };
  };
}
