import type { Database } from 'better-sqlite3-multiple-ciphers';
import { RetentionSettingsSchema, type RetentionSettings } from '../../../shared/config';
import type { CachePin, CacheStats } from '../../../shared/cache';

const RETENTION_KEY = 'retention';

export interface CachePages {
  readonly pageSize: number;
  readonly pageCount: number;
  readonly freePages: number;
  /** True when free pages can be handed back to the disk a few at a time. */
  readonly incremental: boolean;
}

export interface CacheTables {
  /** Retention as changed in the app, or null when the config file's settings apply. */
  retentionOverride(): RetentionSettings | null;
  saveRetentionOverride(settings: RetentionSettings, at: number): void;
  /** Oldest window first. */
  listPins(): CachePin[];
  addPin(pin: Pick<CachePin, 'from' | 'to' | 'label'>, at: number): CachePin;
  removePin(id: number): boolean;
  /** What each source and topic holds, largest first. */
  streamStats(): CacheStats['streams'];
  cachePages(): CachePages;
  /** Hands up to `pages` free pages back to the disk; returns how many it freed. */
  releaseFreePages(pages: number): number;
  /** One step of merging the free-text index; false once it has nothing left to merge. */
  mergeTextIndex(pages: number): boolean;
}

interface PinColumns {
  id: number;
  from_time: number;
  to_time: number;
  label: string;
  created_at: number;
}

export function createCacheTables(db: Database): CacheTables {
  const readSetting = db.prepare<[string], string>('SELECT value FROM cache_settings WHERE key = ?').pluck();
  const writeSetting = db.prepare(`
    INSERT INTO cache_settings (key, value, updated_at) VALUES (?, ?, ?)
    ON CONFLICT(key) DO UPDATE SET value = excluded.value, updated_at = excluded.updated_at`);
  const listPins = db.prepare<[], PinColumns>('SELECT * FROM cache_pins ORDER BY from_time, id');
  const insertPin = db.prepare<[number, number, string, number], PinColumns>(
    'INSERT INTO cache_pins (from_time, to_time, label, created_at) VALUES (?, ?, ?, ?) RETURNING *',
  );
  const deletePin = db.prepare('DELETE FROM cache_pins WHERE id = ?');
  const streams = db.prepare<[], CacheStats['streams'][number]>(
    'SELECT source, topic, records, bytes FROM streams WHERE records > 0 ORDER BY bytes DESC, source, topic',
  );
  const pageSize = db.prepare<[], number>('PRAGMA page_size').pluck();
  const pageCount = db.prepare<[], number>('PRAGMA page_count').pluck();
  const freePages = db.prepare<[], number>('PRAGMA freelist_count').pluck();
  const autoVacuum = db.prepare<[], number>('PRAGMA auto_vacuum').pluck();
  const mergeText = db.prepare("INSERT INTO records_fts (records_fts, rank) VALUES ('merge', ?)");
  const totalChanges = db.prepare<[], number>('SELECT total_changes()').pluck();

  return {
    retentionOverride() {
      const stored = readSetting.get(RETENTION_KEY);
      if (stored === undefined) return null;
      // A setting written by an older or newer Outpost that no longer parses falls back to the config file.
      const parsed = RetentionSettingsSchema.safeParse(JSON.parse(stored));
      return parsed.success ? parsed.data : null;
    },
    saveRetentionOverride(settings, at) {
      writeSetting.run(RETENTION_KEY, JSON.stringify(settings), at);
    },
    listPins: () => listPins.all().map(toPin),
    addPin: (pin, at) => toPin(insertPin.get(pin.from, pin.to, pin.label, at) as PinColumns),
    removePin: (id) => deletePin.run(id).changes > 0,
    streamStats: () => streams.all(),
    cachePages: () => ({
      pageSize: pageSize.get() ?? 4096,
      pageCount: pageCount.get() ?? 0,
      freePages: freePages.get() ?? 0,
      incremental: autoVacuum.get() === 2,
    }),
    releaseFreePages(pages) {
      const before = freePages.get() ?? 0;
      // A pragma with an argument cannot be prepared with a parameter; the count is a checked integer.
      db.pragma(`incremental_vacuum(${Math.max(1, Math.floor(pages))})`);
      return before - (freePages.get() ?? 0);
    },
    mergeTextIndex(pages) {
      // FTS5 says a merge step that changes fewer than two rows found nothing left to merge.
      const before = totalChanges.get() ?? 0;
      mergeText.run(pages);
      return (totalChanges.get() ?? 0) - before >= 2;
    },
  };
}

function toPin(row: PinColumns): CachePin {
  return { id: row.id, from: row.from_time, to: row.to_time, label: row.label, createdAt: row.created_at };
}
