import BetterSqlite3 from 'better-sqlite3-multiple-ciphers';
import { describe, expect, it } from 'vitest';
import { MIN_KEYFRAME_INTERVAL, KEYFRAME_LATENESS_MS } from '../../../electron/core/review/keyframe-builder';
import { createReviewService } from '../../../electron/core/review/review-service';
import { migrate } from '../../../electron/core/store/migrate';
import { migrations } from '../../../electron/core/store/migrations';
import { REVIEW_SQL } from '../../../electron/core/store/review-queries';
import { createStore } from '../../../electron/core/store/store';
import { boundQueryPlanOf } from '../review/bound-query-plan';
import { insertFixes } from '../../support/review-cache';
import { seeded } from '../../support/seeded';

const T0 = Date.UTC(2026, 10, 26, 0, 0, 0);
const ENTITIES = 1_000;
const EVERY_MS = 100;
const SEEKS = 50;

/** The most rows one seek reads at a cache size, over random moments in its range, and how SQLite plans a seek's two reads. */
function measureSeeks(fixes: number): { mostRows: number; plans: string[] } {
  const db = new BetterSqlite3(':memory:');
  migrate(db, migrations);
  insertFixes(db, { entities: ENTITIES, fixes, from: T0, everyMs: EVERY_MS });
  const review = createReviewService(createStore(db));
  const random = seeded(7);
  const span = (fixes - 1) * EVERY_MS;
  let most = 0;
  for (let n = 0; n < SEEKS; n += 1) {
    const frame = review.frame(T0 + Math.floor(random() * span));
    expect(frame.tracks).toHaveLength(ENTITIES);
    most = Math.max(most, frame.rowsRead);
  }
  const at = T0 + span / 2;
  const plans = [boundQueryPlanOf(db, REVIEW_SQL.keyframe, [at]), boundQueryPlanOf(db, REVIEW_SQL.fixesBetween, [at - 60_000, at, 1_000])];
  db.close();
  return { mostRows: most, plans };
}

describe('Given caches of 100,000 and 1,000,000 fixes from the same 1,000 entities', () => {
  it('When review seeks to 50 random moments in each, Then a seek reads no more rows in the larger cache, and SQLite plans it the same way', () => {
    // A keyframe holds each entity once; after it come at most an interval of fixes, plus those too recent to fold.
    const bound = ENTITIES + MIN_KEYFRAME_INTERVAL + KEYFRAME_LATENESS_MS / EVERY_MS;
    const small = measureSeeks(100_000);
    const large = measureSeeks(1_000_000);
    expect(small.mostRows).toBeLessThanOrEqual(bound);
    expect(large.mostRows).toBeLessThanOrEqual(bound);
    // Both come near the bound, so this is not two empty seeks agreeing.
    expect(Math.min(small.mostRows, large.mostRows)).toBeGreaterThan(bound / 2);
    expect(large.plans).toEqual(small.plans);
    expect(large.plans).toEqual(['SEARCH review_keyframes USING INTEGER PRIMARY KEY (rowid<?)', 'SEARCH positions USING PRIMARY KEY (time>? AND time<?)']);
  }, 60_000);
});
