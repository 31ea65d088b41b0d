import type { Database } from 'better-sqlite3-multiple-ciphers';
import type { Store, StoredBasemap } from './store';

interface BasemapRow {
  id: string;
  name: string;
  kind: string;
  path: string;
  added_at: number;
}

type BasemapTables = Pick<Store, 'listBasemaps' | 'addBasemap' | 'removeBasemap'>;

export function createBasemapTables(db: Database): BasemapTables {
  const selectBasemaps = db.prepare<[], BasemapRow>('SELECT * FROM basemaps ORDER BY added_at, id');
  const insertBasemap = db.prepare('INSERT INTO basemaps (id, name, kind, path, added_at) VALUES (@id, @name, @kind, @path, @addedAt)');
  const deleteBasemap = db.prepare('DELETE FROM basemaps WHERE id = ?');

  return {
    listBasemaps: () => selectBasemaps.all().map(basemapFromRow),
    addBasemap(basemap) {
      insertBasemap.run(basemap);
    },
    removeBasemap: (id) => deleteBasemap.run(id).changes > 0,
  };
}

function basemapFromRow(row: BasemapRow): StoredBasemap {
  return {
    id: row.id,
    name: row.name,
    // The table's CHECK constraint admits only these two kinds.
    kind: row.kind === 'pmtiles' ? 'pmtiles' : 'mbtiles',
    path: row.path,
    addedAt: row.added_at,
  };
}
