import { describe, expect, it } from 'vitest';
import { affiliationOf, dimensionOf } from '../../../shared/cot-type';
import { distanceMetres, pointInPolygon } from '../../../shared/geo';
import { restrictedArea } from '../../../electron/core/demo/exercise-area';
import { createScenario, SCRIPTED } from '../../../electron/core/demo/scenario';

const START = Date.UTC(2026, 10, 26, 12, 0, 0);
const at = (seconds: number): number => START + seconds * 1000;

describe('Given the default demo scenario', () => {
  const scenario = createScenario({ units: 200, seed: 1 });

  it('Then it has 200 units across every affiliation and the ground, air and sea dimensions', () => {
    const reports = scenario.reportsAt(START, at(0));
    expect(reports).toHaveLength(200);
    expect(new Set(reports.map((r) => r.uid)).size).toBe(200);
    expect(new Set(reports.map((r) => affiliationOf(r.type)))).toEqual(new Set(['friend', 'hostile', 'neutral', 'unknown']));
    expect(new Set(reports.map((r) => dimensionOf(r.type)))).toEqual(new Set(['ground', 'air', 'sea-surface']));
  });

  it('When the roster reports in four slots, Then each unit reports in exactly one of them, as it would all at once', () => {
    const slots = [0, 1, 2, 3].map((index) => scenario.reportsAt(START, at(7), { index, of: 4 }));
    expect(slots.map((reports) => reports.length)).toEqual([50, 50, 50, 50]);
    const bySlots = slots.flat().sort((a, b) => a.uid.localeCompare(b.uid));
    const allAtOnce = scenario.reportsAt(START, at(7)).sort((a, b) => a.uid.localeCompare(b.uid));
    expect(bySlots).toEqual(allAtOnce);
  });

  it('Then the same seed always plays the same scenario', () => {
    const again = createScenario({ units: 200, seed: 1 });
    expect(again.reportsAt(START, at(42))).toEqual(scenario.reportsAt(START, at(42)));
    expect(createScenario({ units: 200, seed: 2 }).reportsAt(START, at(42))).not.toEqual(scenario.reportsAt(START, at(42)));
  });

  it('Then each unit moves at its platform speed between one-second reports', () => {
    const before = new Map(scenario.reportsAt(START, at(30)).map((r) => [r.uid, r]));
    for (const after of scenario.reportsAt(START, at(31))) {
      if (after.uid === SCRIPTED.jumpUid) continue;
      const previous = before.get(after.uid);
      if (previous === undefined) continue;
      const metres = distanceMetres(previous, after);
      const limit = dimensionOf(after.type) === 'air' ? 260 : 20;
      expect(metres, `${after.uid} moved ${metres} m in 1 s`).toBeLessThanOrEqual(limit);
      expect(metres, `${after.uid} should move`).toBeGreaterThan(0);
    }
  });

  it('Then every report carries a stale time after its own time and a callsign', () => {
    for (const report of scenario.reportsAt(START, at(5))) {
      expect(report.stale).toBeGreaterThan(report.time);
      expect(report.callsign).toBeTruthy();
    }
  });

  it('When the silent unit passes its scripted time, Then it stops reporting and every other unit goes on', () => {
    const uids = (seconds: number) => scenario.reportsAt(START, at(seconds)).map((r) => r.uid);
    expect(uids(SCRIPTED.silentAfterSeconds - 1)).toContain(SCRIPTED.silentUid);
    expect(uids(SCRIPTED.silentAfterSeconds)).not.toContain(SCRIPTED.silentUid);
    expect(uids(SCRIPTED.silentAfterSeconds)).toHaveLength(199);
  });

  it('When the jump second comes, Then one report lands 50 km away and the next is back on course', () => {
    const position = (seconds: number) => {
      const report = scenario.reportsAt(START, at(seconds)).find((r) => r.uid === SCRIPTED.jumpUid);
      if (report === undefined) throw new Error('jump unit missing');
      return report;
    };
    const jump = distanceMetres(position(SCRIPTED.jumpAtSecond - 1), position(SCRIPTED.jumpAtSecond));
    expect(jump).toBeGreaterThan(49_000);
    expect(jump).toBeLessThan(51_000);
    expect(distanceMetres(position(SCRIPTED.jumpAtSecond - 1), position(SCRIPTED.jumpAtSecond + 1))).toBeLessThan(400);
  });

  it('When the intruder reaches its scripted time, Then it crosses into the restricted area', () => {
    const inside = (seconds: number) => {
      const report = scenario.reportsAt(START, at(seconds)).find((r) => r.uid === SCRIPTED.intruderUid);
      if (report === undefined) throw new Error('intruder missing');
      return pointInPolygon(report, restrictedArea.ring);
    };
    expect(inside(0)).toBe(false);
    expect(inside(SCRIPTED.intruderEntersAfterSeconds - 2)).toBe(false);
    expect(inside(SCRIPTED.intruderEntersAfterSeconds + 2)).toBe(true);
  });
});
