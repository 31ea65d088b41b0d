import BetterSqlite3, { type Database } from 'better-sqlite3-multiple-ciphers';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { TrackSchema } from '../../../shared/domain';
import { createIngest } from '../../../electron/core/ingest/ingest';
import { createReviewService, type ReviewService } from '../../../electron/core/review/review-service';
import { createIngestWriter } from '../../../electron/core/store/ingest-writer';
import { migrate } from '../../../electron/core/store/migrate';
import { migrations } from '../../../electron/core/store/migrations';
import { createStore } from '../../../electron/core/store/store';
import { UserFacingError } from '../../../electron/core/user-facing-error';
import { aCotRecord } from '../../builders/raw-record-builder';
import { noRules } from '../../support/no-rules';
import { cacheReviewScript, type ScriptedEntity } from '../../support/review-cache';

const T0 = Date.UTC(2026, 10, 26, 6, 0, 0);
const MINUTE = 60_000;
const EVERY_MS = 5_000;
const KEYFRAME_INTERVAL = 30;

const alpha: ScriptedEntity = { uid: 'alpha', callsign: 'ALPHA', type: 'a-f-G-U-C', positionAt: (t) => ({ lat: 40 + (t - T0) * 1e-7, lon: 9 + (t - T0) * 2e-7 }) };
const bravo: ScriptedEntity = { uid: 'bravo', callsign: 'BRAVO', type: 'a-h-A-M-F', positionAt: (t) => ({ lat: 41 - (t - T0) * 1e-7, lon: 10 }) };
/** Reports for the first five minutes only, then falls silent. */
const silent: ScriptedEntity = { uid: 'silent', callsign: 'SILENT', type: 'a-n-G', positionAt: () => ({ lat: 42, lon: 11 }), reportsAt: (t) => t <= T0 + 5 * MINUTE };

/** The time of an entity's last report at or before `at`. */
const lastReport = (at: number): number => T0 + Math.floor((at - T0) / EVERY_MS) * EVERY_MS;

describe('Given a cache of three entities reporting every 5 s for 20 minutes', () => {
  let db: Database;
  let review: ReviewService;
  beforeEach(() => {
    db = new BetterSqlite3(':memory:');
    migrate(db, migrations);
    cacheReviewScript(db, { entities: [alpha, bravo, silent], from: T0, to: T0 + 20 * MINUTE, everyMs: EVERY_MS }, { keyframeInterval: KEYFRAME_INTERVAL });
    review = createReviewService(createStore(db));
  });
  afterEach(() => db.close());

  it('When the range is asked for, Then it spans the first and last fix and counts them', () => {
    expect(review.range()).toEqual({ from: T0, to: T0 + 20 * MINUTE, fixes: 241 * 2 + 61, entities: 3 });
  });

  it('When review seeks between two reports, Then each entity is where its last report put it, as a whole track', () => {
    const at = T0 + 7 * MINUTE + 2_500;
    const frame = review.frame(at);
    const byUid = new Map(frame.tracks.map((track) => [track.uid, track]));
    expect([...byUid.keys()].sort()).toEqual(['alpha', 'bravo', 'silent']);
    const time = lastReport(at);
    expect(byUid.get('alpha')).toEqual({
      uid: 'alpha',
      callsign: 'ALPHA',
      cotType: 'a-f-G-U-C',
      affiliation: 'friend',
      dimension: 'ground',
      ...alpha.positionAt(time),
      hae: 120,
      course: 90,
      speed: 5,
      time,
      stale: time + MINUTE,
      source: 'kafka',
      topic: 'cot',
    });
    expect(byUid.get('bravo')).toMatchObject({ affiliation: 'hostile', dimension: 'air', ...bravo.positionAt(time), time });
    expect(byUid.get('silent')).toMatchObject({ time: T0 + 5 * MINUTE });
    for (const track of frame.tracks) expect(TrackSchema.parse(track)).toEqual(track);
  });

  it('When review seeks anywhere, Then the seek reads one keyframe and a bounded run of fixes', () => {
    const rows = [2, 9, 13, 19.9].map((minutes) => review.frame(T0 + minutes * MINUTE).rowsRead);
    // Three entities in a keyframe, an interval of fixes, and the last 10 s the builder leaves unfolded.
    for (const read of rows) expect(read).toBeLessThanOrEqual(3 + KEYFRAME_INTERVAL + 3 * (10_000 / EVERY_MS + 1));
  });

  it('When review seeks past the hide age of an entity that fell silent, Then the frame leaves it out', () => {
    // Stale a minute after its last report, hidden five minutes after that.
    expect(review.frame(T0 + 11 * MINUTE - 1).tracks.map((t) => t.uid)).toContain('silent');
    expect(review.frame(T0 + 11 * MINUTE).tracks.map((t) => t.uid).sort()).toEqual(['alpha', 'bravo']);
  });

  it('When review seeks before the first fix, Then the frame is empty', () => {
    expect(review.frame(T0 - 1).tracks).toEqual([]);
  });

  it('When a window is played, Then its fixes come oldest first, from just after its start through its end', () => {
    const window = review.window(T0 + MINUTE, T0 + MINUTE + 10_000);
    expect(window.truncated).toBe(false);
    expect(window.fixes.map((fix) => [fix.time - T0, fix.uid])).toEqual([
      [65_000, 'alpha'],
      [65_000, 'bravo'],
      [65_000, 'silent'],
      [70_000, 'alpha'],
      [70_000, 'bravo'],
      [70_000, 'silent'],
    ]);
    expect(window.fixes[3]).toMatchObject(alpha.positionAt(T0 + 70_000));
  });

  it('When a window holds more fixes than asked for, Then it stops at the limit and says it was cut short', () => {
    const window = review.window(T0, T0 + MINUTE, 4);
    expect(window.fixes).toHaveLength(4);
    expect(window.truncated).toBe(true);
  });

  it('When a window ends before it starts, Then it is refused with a sentence', () => {
    expect(() => review.window(T0 + MINUTE, T0)).toThrow(UserFacingError);
  });

  it('When trails are asked for in a view around one entity, Then only its trail comes, oldest point first, capped', () => {
    const at = T0 + 10 * MINUTE;
    const bounds = { west: 9.05, south: 40.0, east: 9.25, north: 40.1 };
    const trails = review.trails(at, 1, bounds);
    expect(trails.map((trail) => trail.uid)).toEqual(['alpha']);
    const expectedTimes = Array.from({ length: 12 }, (_, n) => at - MINUTE + (n + 1) * EVERY_MS);
    expect(trails[0]?.points).toEqual(expectedTimes.map((time) => [alpha.positionAt(time).lon, alpha.positionAt(time).lat, time]));
    expect(review.trails(at, 1, bounds, 5)[0]?.points.map((point) => point[2])).toEqual(expectedTimes.slice(-5));
  });

  it('When the view crosses the antimeridian, Then entities on either side of it are in view', () => {
    expect(review.trails(T0 + 10 * MINUTE, 1, { west: 170, south: -90, east: 9.5, north: 90 }).map((trail) => trail.uid)).toEqual(['alpha']);
  });

  it('When alert marks are asked for, Then the alerts in the span come oldest first with their subject and rule', () => {
    const insert = db.prepare(`
      INSERT INTO alerts (id, rule_id, rule_name, rule_kind, severity, subject, callsign, time, lat, lon, message, state, raised_at)
      VALUES (?, 'r1', 'Hostile near', 'proximity', ?, ?, ?, ?, 40.5, 9.5, 'close', 'new', ?)`);
    insert.run('late', 'warning', 'bravo', 'BRAVO', T0 + 8 * MINUTE, T0 + 8 * MINUTE);
    insert.run('early', 'critical', 'alpha', null, T0 + 2 * MINUTE, T0 + 2 * MINUTE);
    insert.run('outside', 'info', 'silent', null, T0 + 30 * MINUTE, T0 + 30 * MINUTE);
    expect(review.alertMarks(T0, T0 + 20 * MINUTE)).toEqual([
      { id: 'early', time: T0 + 2 * MINUTE, severity: 'critical', subject: 'alpha', callsign: null, ruleName: 'Hostile near', lat: 40.5, lon: 9.5 },
      { id: 'late', time: T0 + 8 * MINUTE, severity: 'warning', subject: 'bravo', callsign: 'BRAVO', ruleName: 'Hostile near', lat: 40.5, lon: 9.5 },
    ]);
    expect(review.alertMarks(T0, T0 + 20 * MINUTE, 1).map((mark) => mark.id)).toEqual(['early']);
  });

  it('When keyframes lag far behind the fixes, Then a seek asks each entity for its latest fix instead, and the frame is the same', () => {
    const at = T0 + 9 * MINUTE;
    const withKeyframes = review.frame(at);
    db.prepare('DELETE FROM review_keyframes').run();
    const lagging = createReviewService(createStore(db), { seekFixLimit: 10 }).frame(at);
    expect(lagging.tracks).toEqual(expect.arrayContaining(withKeyframes.tracks));
    expect(lagging.tracks).toHaveLength(withKeyframes.tracks.length);
    // Eleven fixes to see there were too many, then one per entity.
    expect(lagging.rowsRead).toBe(11 + 3);
  });

  describe('and a fix that arrives late, for a time keyframes already cover', () => {
    const lateTime = T0 + 3 * MINUTE + 1_000;
    const keyframeTimes = (): number[] => db.prepare<[], number>('SELECT time FROM review_keyframes ORDER BY time').pluck().all();

    beforeEach(() => {
      expect(keyframeTimes().some((time) => time > T0 + 5 * MINUTE)).toBe(true);
      const writer = createIngestWriter(db, () => T0 + 21 * MINUTE, { keyframeInterval: KEYFRAME_INTERVAL });
      const ingest = createIngest({ writer, maxRecordBytes: 1 << 20, now: () => T0 + 21 * MINUTE, rules: noRules() });
      const event = { uid: 'latecomer', callsign: 'LATE', type: 'a-u-G', time: lateTime, start: lateTime, stale: lateTime + MINUTE, lat: 43, lon: 12 };
      ingest([{ source: 'kafka', subscriptionId: null, format: 'cot', mapping: null, records: [aCotRecord(event, { offset: 10_000 })] }]);
    });

    it('When review seeks to moments whose keyframes were written before it came, Then the late fix is in the frame', () => {
      expect(review.frame(lateTime - 1).tracks.map((t) => t.uid)).not.toContain('latecomer');
      const at = T0 + 8 * MINUTE;
      // The frame starts from a keyframe after the late fix, so that keyframe must have been rewritten with it.
      expect(keyframeTimes().some((time) => time > lateTime && time <= at)).toBe(true);
      expect(review.frame(at).tracks.find((t) => t.uid === 'latecomer')).toMatchObject({ lat: 43, lon: 12, time: lateTime });
      expect(review.frame(lateTime + 6 * MINUTE).tracks.map((t) => t.uid)).not.toContain('latecomer');
    });

    it('When the keyframes were rebuilt, Then seeks after the late fix are still bounded', () => {
      expect(review.frame(T0 + 15 * MINUTE).rowsRead).toBeLessThanOrEqual(4 + KEYFRAME_INTERVAL + 3 * (10_000 / EVERY_MS + 1));
    });
  });
});
