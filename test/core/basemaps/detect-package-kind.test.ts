import { mkdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { TileType } from 'pmtiles';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { detectPackageKind } from '../../../electron/core/basemaps/detect-package-kind';
import { aRasterMbtiles } from '../../builders/mbtiles-builder';
import { buildPmtiles } from '../../builders/pmtiles-builder';
import { solidPng } from '../../builders/png-builder';
import { makeTempDir } from '../../support/temp-dir';

describe('Given files offered as tile packages', () => {
  let dir: ReturnType<typeof makeTempDir>;
  beforeEach(() => {
    dir = makeTempDir();
  });
  afterEach(() => dir.remove());

  const pmtilesOfVersion = (specVersion: number): string =>
    buildPmtiles(dir.path, { specVersion, tileType: TileType.Png, tiles: [{ z: 0, x: 0, y: 0, data: solidPng([0, 0, 0], 1) }] });

  it('When a file is an SQLite database, Then it is taken for MBTiles whatever its name', async () => {
    expect(await detectPackageKind(aRasterMbtiles(dir.path, { fileName: 'map.bin' }))).toBe('mbtiles');
  });

  it('When a file starts with the PMTiles v3 magic, Then it is taken for PMTiles', async () => {
    expect(await detectPackageKind(pmtilesOfVersion(3))).toBe('pmtiles');
  });

  it.each([
    ['does not exist', (path: string) => path, 'the file does not exist. Check the path and add it again.'],
    ['is a folder', (path: string) => (mkdirSync(path), path), 'it is a folder, not a file. Choose the .mbtiles or .pmtiles file itself.'],
    [
      'holds something else',
      (path: string) => (writeFileSync(path, 'id,lat,lon\n1,39.2,9.1\n'), path),
      'it is neither an MBTiles nor a PMTiles tile package. Choose a .mbtiles or .pmtiles file.',
    ],
    ['is empty', (path: string) => (writeFileSync(path, ''), path), 'it is neither an MBTiles nor a PMTiles tile package.'],
    [
      'is PMTiles version 2',
      (path: string) => (writeFileSync(path, Uint8Array.of(0x50, 0x4d, 2, 0, 0, 0, 0, 0)), path),
      'it is a PMTiles archive of spec version 2, and Outpost reads version 3. Convert it with `pmtiles convert` and add the converted file.',
    ],
  ])('When the file %s, Then it is refused with a sentence naming it, the reason and what to do', async (_case, make, sentence) => {
    const path = make(join(dir.path, 'offered.mbtiles'));
    await expect(detectPackageKind(path)).rejects.toThrow(`Outpost cannot use ${path} as a basemap: ${sentence}`);
  });

  it('When a PMTiles archive is of a newer spec version, Then it is refused naming the version', async () => {
    await expect(detectPackageKind(pmtilesOfVersion(4))).rejects.toThrow('it is a PMTiles archive of spec version 4, and Outpost reads version 3.');
  });
});
