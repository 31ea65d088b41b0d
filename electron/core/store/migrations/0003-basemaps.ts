import type { Migration } from '../migration';

export const basemaps: Migration = {
  version: 3,
  name: 'basemaps',
  up(db) {
    db.exec(`
      -- Tile packages the analyst added from disk. Only where they are is kept: their metadata is
      -- read from the file itself, so a package replaced on disk is described as it now is.
      CREATE TABLE basemaps (
        id TEXT PRIMARY KEY,
        name TEXT NOT NULL,
        kind TEXT NOT NULL CHECK (kind IN ('mbtiles', 'pmtiles')),
        path TEXT NOT NULL UNIQUE,
        added_at INTEGER NOT NULL
      ) STRICT;
    `);
  },
};
