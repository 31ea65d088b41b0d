import BetterSqlite3, { type Database } from 'better-sqlite3-multiple-ciphers';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { createIngest } from '../../../electron/core/ingest/ingest';
import type { RawRecord } from '../../../electron/core/ingest/raw-record';
import { stalenessOf } from '../../../shared/staleness';
import { FIX_COLUMNS, type FixRow } from '../../../electron/core/review/fix-row';
import { createKeyframeBuilder } from '../../../electron/core/review/keyframe-builder';
import { decodeKeyframe } from '../../../electron/core/review/keyframe-codec';
import { createIngestWriter } from '../../../electron/core/store/ingest-writer';
import { migrate } from '../../../electron/core/store/migrate';
import { migrations } from '../../../electron/core/store/migrations';
import { aCotRecord } from '../../builders/raw-record-builder';
import { noRules } from '../../support/no-rules';
import { seeded } from '../../support/seeded';

const T0 = Date.UTC(2026, 10, 26, 6, 0, 0);
const INTERVAL = 40;
const ENTITIES = 6;

interface StoredKeyframe {
  readonly time: number;
  readonly entities: number;
  readonly states: ReturnType<typeof decodeKeyframe>;
}

describe('Given fixes that arrive in batches, a few seconds out of order within each', () => {
  let db: Database;
  let offset: number;
  const keyframes = (): StoredKeyframe[] =>
    db
      .prepare<[], { time: number; entities: number; states: Uint8Array }>('SELECT time, entities, states FROM review_keyframes ORDER BY time')
      .all()
      .map((row) => ({ time: row.time, entities: row.entities, states: decodeKeyframe(row.states) }));
  /** Five minutes of reports every 2 s, each batch shuffled: the order a multi-partition feed delivers. */
  const feed = (writer = createIngestWriter(db, () => T0, { keyframeInterval: INTERVAL })) => {
    const ingest = createIngest({ writer, maxRecordBytes: 1 << 20, now: () => T0, rules: noRules() });
    const random = seeded(11);
    for (let second = 0; second < 300; second += 10) {
      const batch: RawRecord[] = [];
      for (let step = second; step < second + 10; step += 2) {
        for (let unit = 0; unit < ENTITIES; unit += 1) {
          const time = T0 + step * 1_000;
          batch.push(aCotRecord({ uid: `unit-${unit}`, time, start: time, stale: time + 60_000, lat: 40 + step * 1e-4, lon: 9 + unit * 0.01 }, { offset: offset++ }));
        }
      }
      batch.sort(() => random() - 0.5);
      ingest([{ source: 'kafka', subscriptionId: null, format: 'cot', mapping: null, records: batch }]);
    }
    return writer;
  };

  beforeEach(() => {
    db = new BetterSqlite3(':memory:');
    migrate(db, migrations);
    offset = 0;
  });
  afterEach(() => db.close());

  it('When they are folded as they are written, Then the keyframes equal those of folding the whole table afresh', () => {
    feed();
    const asWritten = keyframes();
    expect(asWritten.length).toBeGreaterThan(5);
    db.prepare('DELETE FROM review_keyframes').run();
    const afresh = createKeyframeBuilder(db, { minInterval: INTERVAL });
    db.transaction(() => afresh.advance(1_000_000))();
    expect(keyframes()).toEqual(asWritten);
  });

  it('When a keyframe is written, Then it holds each entity once, in its state as of the keyframe time', () => {
    feed();
    for (const keyframe of keyframes()) {
      expect(keyframe.entities).toBe(ENTITIES);
      const lastReport = keyframe.time - ((keyframe.time - T0) % 2_000);
      expect(keyframe.states.map((state) => state.time)).toEqual(Array.from({ length: ENTITIES }, () => lastReport));
    }
  });

  it('When the writer restarts mid-feed, Then it carries on from the newest keyframe to the same keyframes', () => {
    feed();
    const once = keyframes();
    db.prepare('DELETE FROM review_keyframes WHERE time > ?').run(T0 + 100_000);
    // A new writer on the same cache folds what the lost keyframes covered, from the table, as the next batch comes.
    const writer = createIngestWriter(db, () => T0, { keyframeInterval: INTERVAL });
    writer.flushTracks();
    expect(keyframes()).toEqual(once);
  });

  it('When entities fall silent for longer than the hide age, Then later keyframes leave them out', () => {
    feed();
    const time = T0 + 20 * 60_000;
    const ingest = createIngest({ writer: createIngestWriter(db, () => T0, { keyframeInterval: INTERVAL }), maxRecordBytes: 1 << 20, now: () => T0, rules: noRules() });
    const lone = Array.from({ length: 3 * INTERVAL }, (_, n) => aCotRecord({ uid: 'lone', time: time + n * 1_000, start: time + n * 1_000, stale: time + n * 1_000 + 60_000 }, { offset: offset++ }));
    ingest([{ source: 'kafka', subscriptionId: null, format: 'cot', mapping: null, records: lone }]);
    const last = keyframes().at(-1);
    expect(last?.time).toBeGreaterThan(time);
    expect(last?.entities).toBe(1);
  });
});

describe('Given two partitions, one of them running behind the other', () => {
  let db: Database;
  beforeEach(() => {
    db = new BetterSqlite3(':memory:');
    migrate(db, migrations);
  });
  afterEach(() => db.close());

  /** Each entity's latest fix at or before `time` that is not hidden then, straight from the table. */
  const truthAt = (time: number): FixRow[] => {
    const latest = db.prepare<[number, number], FixRow>(`SELECT ${FIX_COLUMNS} FROM positions WHERE entity = ? AND time <= ? ORDER BY time DESC, record_id DESC LIMIT 1`);
    const entities = db.prepare<[], number>('SELECT id FROM entities ORDER BY id').pluck().all();
    return entities.flatMap((entity) => {
      const fix = latest.get(entity, time);
      return fix === undefined || stalenessOf(fix, time) === 'hidden' ? [] : [fix];
    });
  };

  it.each([
    ['a minute, so the few keyframes since are patched', 60_000],
    ['ten minutes, so the keyframes since are rebuilt', 600_000],
  ])('When the lagging one is %s, Then every keyframe holds each entity as of its time', (_case, lagMs) => {
    const ingest = createIngest({ writer: createIngestWriter(db, () => T0, { keyframeInterval: INTERVAL }), maxRecordBytes: 1 << 20, now: () => T0, rules: noRules() });
    let offset = 0;
    const report = (unit: number, time: number): RawRecord =>
      aCotRecord({ uid: `unit-${unit}`, time, start: time, stale: time + 30_000 + unit * 20_000, lat: 40 + (time - T0) * 1e-7, lon: 9 + unit * 0.01 }, { offset: offset++ });
    for (let second = 0; second < 1_200; second += 10) {
      const batch: RawRecord[] = [];
      for (let step = second; step < second + 10; step += 2) {
        for (let unit = 0; unit < 3; unit += 1) batch.push(report(unit, T0 + step * 1_000));
        if (step * 1_000 >= lagMs) for (let unit = 3; unit < 6; unit += 1) batch.push(report(unit, T0 + step * 1_000 - lagMs));
      }
      ingest([{ source: 'kafka', subscriptionId: null, format: 'cot', mapping: null, records: batch }]);
    }
    const stored = db.prepare<[], { time: number; states: Uint8Array }>('SELECT time, states FROM review_keyframes ORDER BY time').all();
    expect(stored.length).toBeGreaterThan(20);
    for (const keyframe of stored) {
      const states = decodeKeyframe(keyframe.states).sort((a, b) => a.entity - b.entity);
      expect(states).toEqual(truthAt(keyframe.time));
    }
  });
});
