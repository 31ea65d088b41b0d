import type { Migration } from '../migration';

export const trackHistory: Migration = {
  version: 4,
  name: 'track-history',
  up(db) {
    db.exec(`
      -- Serves a track's recent history, newest first, without walking the whole cache.
      CREATE INDEX records_by_uid_time ON records(uid, event_time);
    `);
  },
};
