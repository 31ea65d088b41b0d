import type { Track } from '../../shared/domain';
import { destination } from '../../shared/geo';
import type { Rule } from '../../shared/rules';
import { createRulesEngine } from '../../electron/core/rules/rules-engine';
import type { NewAlert } from '../../electron/core/store/store';
import { aTrack } from '../builders/track-builder';
import { recordingLog } from './recording-log';

export const SCENARIO_START = Date.UTC(2026, 10, 26, 6, 0, 0);

/** A unit that reports once a second while `reports(second)` says so, moving in a straight line. */
export interface ScriptedUnit {
  readonly track: Partial<Track> & { readonly uid: string };
  /** Degrees clockwise from north, and metres a second. */
  readonly heading: number;
  readonly speed: number;
  /** Seconds in which it reports; every second when absent. */
  readonly reports?: (second: number) => boolean;
  /** A change to the fix it reports at a given second: a jump, a new type. */
  readonly alter?: (second: number, fix: Track) => Track;
}

export interface Scenario {
  readonly seconds: number;
  readonly units: readonly ScriptedUnit[];
  /** Records a second on a subscription, per second; the demo topic at 20 a second when absent. */
  readonly recordsPerSecond?: (second: number) => number;
  readonly knownUids?: readonly string[];
}

/**
 * Plays a scenario through the rules engine, second by second, as the ingest path and the core's
 * clock would: each second's fixes, then its records counted, then a tick. Returns every alert raised.
 */
export function playScenario(rules: readonly Rule[], scenario: Scenario): NewAlert[] {
  let now = SCENARIO_START;
  const engine = createRulesEngine({ rules, knownUids: () => scenario.knownUids ?? [], log: recordingLog(), now: () => now });
  const raised: NewAlert[] = [];
  for (let second = 0; second < scenario.seconds; second += 1) {
    now = SCENARIO_START + second * 1000;
    for (const unit of scenario.units) {
      if (unit.reports !== undefined && !unit.reports(second)) continue;
      const start = aTrack({ ...unit.track, time: SCENARIO_START });
      const moved = destination(start, unit.heading, unit.speed * second);
      const fix = aTrack({ ...unit.track, lat: moved.lat, lon: moved.lon, time: now, speed: unit.speed, course: unit.heading });
      engine.observe(unit.alter?.(second, fix) ?? fix, now);
    }
    const records = scenario.recordsPerSecond?.(second) ?? 20;
    for (let record = 0; record < records; record += 1) engine.count('kafka', 'positions', now);
    engine.tick(now);
    raised.push(...engine.takeRaised());
  }
  return raised;
}
