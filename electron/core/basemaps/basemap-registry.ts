import { basename, extname, isAbsolute, normalize } from 'node:path';
import { BUNDLED_BASEMAP_ID, isTileAddress, tilesPathFor, type Basemap } from '../../../shared/basemaps';
import type { Clock, Log } from '../ports';
import type { Store, StoredBasemap } from '../store/store';
import { UserFacingError } from '../user-facing-error';
import { basemapIdFor } from './basemap-id';
import { BUNDLED_BASEMAP } from './bundled-basemap';
import type { OpenedTilePackage, OpenTilePackage } from './open-tile-package';
import type { Tile, TilesetDescription } from './tile-archive';
import { tilePackageError } from './tile-package-error';
import { UnknownBasemapError } from './unknown-basemap-error';

export interface BasemapRegistry {
  /** The bundled basemap first, then the added packages, oldest first. */
  list(): Promise<Basemap[]>;
  add(path: string): Promise<Basemap>;
  remove(id: string): Promise<boolean>;
  /** Null when the package has no tile there; throws UnknownBasemapError for an id it does not hold. */
  readTile(basemapId: string, z: number, x: number, y: number): Promise<Tile | null>;
  close(): Promise<void>;
}

export interface BasemapRegistryOptions {
  readonly store: Pick<Store, 'listBasemaps' | 'addBasemap' | 'removeBasemap'>;
  readonly openTilePackage: OpenTilePackage;
  readonly clock: Clock;
  readonly log: Log;
}

/**
 * The tile packages the analyst added, kept in the cache database by path.
 * Each file is opened the first time it is needed and stays open until it is
 * removed or the core closes; a file that cannot be opened is tried again next
 * time, so a disk plugged back in works without restarting.
 */
export function createBasemapRegistry(options: BasemapRegistryOptions): BasemapRegistry {
  const { store, openTilePackage, clock, log } = options;
  const entries = new Map(store.listBasemaps().map((entry) => [entry.id, entry]));
  const opening = new Map<string, Promise<OpenedTilePackage>>();
  // A removed id is not handed out again in this run: a browser may still cache tiles under its URLs.
  const retiredIds = new Set<string>();
  let additions: Promise<unknown> = Promise.resolve();

  function opened(entry: StoredBasemap): Promise<OpenedTilePackage> {
    const known = opening.get(entry.id);
    if (known !== undefined) return known;
    const pending = openTilePackage(entry.path);
    opening.set(entry.id, pending);
    pending.catch(() => {
      if (opening.get(entry.id) === pending) opening.delete(entry.id);
    });
    return pending;
  }

  async function describe(entry: StoredBasemap): Promise<Basemap> {
    try {
      const { kind, archive } = await opened(entry);
      return available(entry, kind, archive.describe());
    } catch (error) {
      if (!(error instanceof UserFacingError)) log.warn('A basemap could not be opened.', { id: entry.id, error: String(error) });
      const reason = error instanceof UserFacingError ? error.message : `Outpost cannot read ${entry.path}. The details are in the log.`;
      return unavailable(entry, reason);
    }
  }

  async function add(path: string): Promise<Basemap> {
    if (!isAbsolute(path)) {
      throw tilePackageError(path, 'the path is not absolute', 'Give the file’s full path, starting from the root of the disk.');
    }
    const file = normalize(path);
    const existing = [...entries.values()].find((entry) => entry.path === file);
    if (existing !== undefined) return describe(existing);

    const { kind, archive } = await openTilePackage(file);
    const description = archive.describe();
    const id = basemapIdFor(file, (candidate) => candidate === BUNDLED_BASEMAP_ID || entries.has(candidate) || retiredIds.has(candidate));
    const entry: StoredBasemap = { id, name: description.name ?? fileStem(file), kind, path: file, addedAt: clock.now() };
    try {
      store.addBasemap(entry);
    } catch (error) {
      await archive.close();
      throw error;
    }
    entries.set(id, entry);
    opening.set(id, Promise.resolve({ kind, archive }));
    log.info('Added a basemap.', { id, kind, path: file });
    return available(entry, kind, description);
  }

  return {
    async list() {
      return [BUNDLED_BASEMAP, ...(await Promise.all([...entries.values()].map(describe)))];
    },
    add(path) {
      // One at a time, so that two adds of one file, or of two files with one name, cannot race for it.
      const result = additions.then(() => add(path));
      additions = result.catch(() => undefined);
      return result;
    },
    async remove(id) {
      if (id === BUNDLED_BASEMAP_ID) throw new UserFacingError('The Natural Earth basemap is part of Outpost and cannot be removed.');
      if (!entries.has(id) || !store.removeBasemap(id)) return false;
      entries.delete(id);
      retiredIds.add(id);
      const pending = opening.get(id);
      opening.delete(id);
      await pending?.then(({ archive }) => archive.close()).catch(() => undefined);
      return true;
    },
    async readTile(basemapId, z, x, y) {
      const entry = entries.get(basemapId);
      if (entry === undefined) throw new UnknownBasemapError(basemapId);
      if (!isTileAddress(z, x, y)) return null;
      const { archive } = await opened(entry);
      const { minZoom, maxZoom } = archive.describe();
      return z < minZoom || z > maxZoom ? null : archive.readTile(z, x, y);
    },
    async close() {
      const pending = [...opening.values()];
      opening.clear();
      await Promise.all(pending.map((open) => open.then(({ archive }) => archive.close()).catch(() => undefined)));
    },
  };
}

function available(entry: StoredBasemap, kind: OpenedTilePackage['kind'], description: TilesetDescription): Basemap {
  return {
    id: entry.id,
    name: entry.name,
    kind,
    tileType: description.tileType,
    format: description.format,
    minZoom: description.minZoom,
    maxZoom: description.maxZoom,
    bounds: description.bounds,
    center: description.center,
    attribution: description.attribution,
    vectorLayers: description.vectorLayers,
    tilesPath: tilesPathFor(entry.id),
    unavailableReason: null,
  };
}

function unavailable(entry: StoredBasemap, reason: string): Basemap {
  return {
    id: entry.id,
    name: entry.name,
    kind: entry.kind,
    tileType: null,
    format: null,
    minZoom: 0,
    maxZoom: 0,
    bounds: null,
    center: null,
    attribution: null,
    vectorLayers: [],
    tilesPath: null,
    unavailableReason: reason,
  };
}

function fileStem(path: string): string {
  return basename(path, extname(path));
}
