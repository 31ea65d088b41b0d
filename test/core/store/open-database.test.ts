import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { openDatabase } from '../../../electron/core/store/open-database';
import { makeTempDir } from '../../support/temp-dir';

const KEY = 'c'.repeat(64);

describe('Given no cache file yet', () => {
  it('When Outpost opens one, Then it is made with 16 KiB pages and incremental auto-vacuum, so compaction can give space back in steps', () => {
    const dir = makeTempDir();
    try {
      const db = openDatabase({ file: join(dir.path, 'cache.db'), key: KEY });
      try {
        expect(db.pragma('page_size', { simple: true })).toBe(16_384);
        // 2 is INCREMENTAL.
        expect(db.pragma('auto_vacuum', { simple: true })).toBe(2);
      } finally {
        db.close();
      }
    } finally {
      dir.remove();
    }
  });
});
