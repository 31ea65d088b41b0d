import { describe, expect, it } from 'vitest';
import type { Rule } from '../../../shared/rules';
import { aRule, aSquareArea, kinematicRule, rateRule, silenceRule } from '../../builders/rule-builder';
import { playScenario, SCENARIO_START, type ScriptedUnit } from '../../support/rule-scenario';

const BASE = { lat: 40.1, lon: 9.0 };
/** A friendly patrol driving east at 10 m/s, reporting every second. */
const patrol: ScriptedUnit = { track: { uid: 'patrol-1', callsign: 'PATROL 1', ...BASE }, heading: 90, speed: 10 };
/** A hostile vehicle 3 km north of the patrol, driving east alongside it. */
const hostileAlongside: ScriptedUnit = {
  track: { uid: 'hostile-1', callsign: 'BANDIT 1', cotType: 'a-h-G-U-C-A', affiliation: 'hostile', lat: BASE.lat + 0.027, lon: BASE.lon },
  heading: 90,
  speed: 10,
};

/** A 500 m square 5 km south of the patrol's start, out of everyone's way but the one scripted to enter it. */
const FENCE = { lat: BASE.lat - 5_000 / 111_320, lon: BASE.lon };

/** Every kind at once, set for the scenarios below. */
function everyKind(): Rule[] {
  return [
    aRule({ ...aSquareArea(FENCE.lat, FENCE.lon, 500), trigger: 'enter' }, { id: 'fence-enter', name: 'OBJ GOLD' }),
    kinematicRule(),
    silenceRule(30),
    aRule({ kind: 'proximity', near: 'affiliation = "hostile"', distanceMetres: 1_000 }, { id: 'hostile-near-friend', filter: 'affiliation = "friend"' }),
    rateRule(),
    aRule({ kind: 'expression', expression: 'speed > 250' }, { id: 'too-fast' }),
  ];
}

const summary = (alerts: ReturnType<typeof playScenario>) => alerts.map((alert) => ({ rule: alert.ruleId, subject: alert.subject, second: (alert.time - SCENARIO_START) / 1000 }));

describe('Given every kind of rule and a scripted stream', () => {
  it('When nothing odd happens (units move steadily apart, the feed keeps its rate), Then no alert is raised', () => {
    const alerts = playScenario(everyKind(), { seconds: 300, units: [patrol, { ...hostileAlongside, heading: 0 }] });
    expect(summary(alerts)).toEqual([]);
  });

  it('When a unit crosses into the area, Then one enter alert is raised for it, at the first fix inside', () => {
    const southbound: ScriptedUnit = { track: { uid: 'patrol-1', callsign: 'PATROL 1', lat: FENCE.lat + 1_000 / 111_320, lon: FENCE.lon }, heading: 180, speed: 12 };
    const alerts = playScenario(everyKind(), { seconds: 300, units: [southbound] });
    // The square's north edge is 1,000 − 250 = 750 m south of the start: passed in the 63rd second at 12 m/s.
    expect(summary(alerts)).toEqual([{ rule: 'fence-enter', subject: 'patrol-1', second: 63 }]);
    expect(alerts[0]?.message).toBe('PATROL 1 entered OBJ GOLD.');
  });

  it('When a track jumps 50 km in 10 s, Then one kinematic alert is raised, not another for the jump back', () => {
    const jumper: ScriptedUnit = {
      ...patrol,
      reports: (second) => second % 10 === 0,
      alter: (second, fix) => (second === 100 ? { ...fix, lat: fix.lat + 50_000 / 111_320 } : fix),
    };
    const alerts = playScenario(everyKind(), { seconds: 200, units: [jumper] });
    expect(summary(alerts)).toEqual([{ rule: 'rule-kinematic', subject: 'patrol-1', second: 100 }]);
    expect(alerts[0]?.severity).toBe('critical');
    expect(alerts[0]?.message).toMatch(/^PATROL 1 moved 49\.9 km in 10 s \(4,99\d m\/s\), beyond the 70 m\/s a ground platform reaches/);
  });

  it('When a track falls silent, Then one lost-track alert is raised 30 s after its last report', () => {
    const alerts = playScenario(everyKind(), { seconds: 200, units: [patrol, { ...hostileAlongside, heading: 0, reports: (second) => second < 60 }] });
    expect(summary(alerts)).toEqual([{ rule: 'rule-stale', subject: 'hostile-1', second: 59 }]);
    expect(alerts[0]?.raisedAt).toBe(SCENARIO_START + 89_000);
    expect(alerts[0]?.message).toBe('Lost track: nothing heard from BANDIT 1 for 30 s; last seen here.');
  });

  it('When a hostile closes on the patrol, Then one proximity alert is raised for the patrol when it comes within 1 km', () => {
    // Southward at 20 m/s from 3 km north of the parked patrol: within 1 km in the 101st second.
    const alerts = playScenario(everyKind(), { seconds: 200, units: [{ ...patrol, speed: 0 }, { ...hostileAlongside, heading: 180, speed: 20 }] });
    expect(summary(alerts)).toEqual([{ rule: 'hostile-near-friend', subject: 'patrol-1', second: 101 }]);
    expect(alerts[0]?.message).toMatch(/^BANDIT 1 is 98\d m from PATROL 1, within 1,000 m\.$/);
  });

  it('When the topic goes quiet, Then one rate alert says so for the subscription', () => {
    const alerts = playScenario(everyKind(), { seconds: 300, units: [], recordsPerSecond: (second) => (second < 200 ? 20 : 0) });
    expect(summary(alerts)).toEqual([{ rule: 'rule-rate', subject: 'kafka/positions', second: 210 }]);
    expect(alerts[0]?.message).toMatch(/^Topic positions from kafka went quiet: 0 records in 10 s, where 200\.0 ± 14\.1 is usual\.$/);
  });

  it('When the topic bursts, Then one rate alert says so, and the steady rate after it raises nothing more', () => {
    const alerts = playScenario(everyKind(), { seconds: 300, units: [], recordsPerSecond: (second) => (second >= 200 && second < 205 ? 200 : 20) });
    expect(summary(alerts)).toEqual([{ rule: 'rule-rate', subject: 'kafka/positions', second: 210 }]);
    expect(alerts[0]?.message).toMatch(/^Topic positions from kafka burst: 1100 records in 10 s/);
  });
});

describe('Given one rule at a time', () => {
  it('When an entity dwells in an area, Then one alert comes once it has stayed the dwell time, even with no fix at that moment', () => {
    const dwell = aRule({ ...aSquareArea(BASE.lat, BASE.lon, 2_000), trigger: 'dwell', dwellSeconds: 60 });
    const parked: ScriptedUnit = { ...patrol, speed: 0, reports: (second) => second < 30 };
    expect(summary(playScenario([dwell], { seconds: 120, units: [parked] }))).toEqual([{ rule: 'rule-geofence', subject: 'patrol-1', second: 29 }]);
  });

  it('When an entity leaves an area it was seen in, Then one exit alert; one first seen outside raises none', () => {
    const exit = aRule({ ...aSquareArea(BASE.lat, BASE.lon, 1_000), trigger: 'exit' });
    const outsider: ScriptedUnit = { track: { uid: 'outsider', lat: BASE.lat + 0.1, lon: BASE.lon }, heading: 0, speed: 5 };
    expect(summary(playScenario([exit], { seconds: 100, units: [patrol, outsider] }))).toEqual([{ rule: 'rule-geofence', subject: 'patrol-1', second: 50 }]);
  });

  it('When an entity is seen for the first time, Then one alert; known entities and later fixes raise none', () => {
    const firstSighting = aRule({ kind: 'first-sighting' }, { filter: 'affiliation = "hostile"' });
    const newcomer: ScriptedUnit = { ...hostileAlongside, track: { ...hostileAlongside.track, uid: 'hostile-2' }, reports: (second) => second >= 20 };
    const alerts = playScenario([firstSighting], { seconds: 60, units: [patrol, hostileAlongside, newcomer], knownUids: ['hostile-1'] });
    expect(summary(alerts)).toEqual([{ rule: 'rule-first-sighting', subject: 'hostile-2', second: 20 }]);
  });

  it('When an expression holds, clears and holds again, Then each episode raises one alert', () => {
    const fast = aRule({ kind: 'expression', expression: 'speed > 250' });
    const plane: ScriptedUnit = { ...patrol, alter: (second, fix) => ({ ...fix, speed: second % 40 < 20 ? 300 : 100 }) };
    expect(summary(playScenario([fast], { seconds: 80, units: [plane] }))).toEqual([
      { rule: 'rule-expression', subject: 'patrol-1', second: 0 },
      { rule: 'rule-expression', subject: 'patrol-1', second: 40 },
    ]);
  });

  it('When a track outlives the stale time its reports gave, Then one lost-track alert says so at that time', () => {
    const pastStale = aRule({ kind: 'stale', silentSeconds: null, pastStaleTime: true });
    const shortLived: ScriptedUnit = { ...patrol, reports: (second) => second < 30, alter: (_second, fix) => ({ ...fix, stale: fix.time + 20_000 }) };
    const alerts = playScenario([pastStale], { seconds: 120, units: [shortLived, { ...hostileAlongside, alter: (_second, fix) => ({ ...fix, stale: fix.time + 20_000 }) }] });
    expect(summary(alerts)).toEqual([{ rule: 'rule-stale', subject: 'patrol-1', second: 29 }]);
    expect(alerts[0]?.raisedAt).toBe(SCENARIO_START + 49_000);
    expect(alerts[0]?.message).toBe('Lost track: PATROL 1 is past the stale time its last report gave; last seen here.');
  });

  it('When ground units report every 10 s just under and just over 70 m/s, Then only the faster one raises a kinematic alert', () => {
    const everyTenSeconds = (second: number) => second % 10 === 0;
    const justUnder: ScriptedUnit = { ...patrol, speed: 68, reports: everyTenSeconds };
    const justOver: ScriptedUnit = { ...hostileAlongside, heading: 90, speed: 72, reports: everyTenSeconds };
    expect(summary(playScenario([kinematicRule()], { seconds: 60, units: [justUnder, justOver] }))).toEqual([{ rule: 'rule-kinematic', subject: 'hostile-1', second: 10 }]);
  });

  it('When a rule is disabled, Then it raises nothing', () => {
    expect(playScenario([{ ...silenceRule(5), enabled: false }], { seconds: 60, units: [{ ...patrol, reports: (second) => second < 10 }] })).toEqual([]);
  });

  it('When a rule filter leaves an entity out, Then the rule does not watch it', () => {
    const onlyHostiles = { ...silenceRule(5), filter: 'affiliation = "hostile"' };
    expect(playScenario([onlyHostiles], { seconds: 60, units: [{ ...patrol, reports: (second) => second < 10 }] })).toEqual([]);
  });
});
