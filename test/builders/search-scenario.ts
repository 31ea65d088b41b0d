import type { Database } from 'better-sqlite3-multiple-ciphers';
import { aCachedFix, aCachedRecord, aMigratedCache, cacheRecords, T0, type CachedFix, type CachedRecord } from './cached-records';

export const MINUTE = 60_000;
/** Fixes per entity in the scenario: one a minute for an hour from T0. */
export const SCENARIO_MINUTES = 60;

/** The scenario's entities: what each is, where it goes and what it carries. */
export const SCENARIO_ENTITIES = {
  alpha1: { uid: 'alpha-1', callsign: 'ALPHA 1', cotType: 'a-f-G-U-C', source: 'kafka-1', topic: 'cot' },
  alpha2: { uid: 'alpha-2', callsign: 'Alpha 2', cotType: 'a-f-A-M-F', source: 'kafka-1', topic: 'cot' },
  raptor: { uid: 'raptor-3', callsign: 'RAPTOR 3', cotType: 'a-h-A-M-F', source: 'kafka-2', topic: 'air' },
  boat: { uid: 'boat-7', callsign: 'SEA DOG', cotType: 'a-n-S', source: 'kafka-1', topic: 'ais' },
  dateline: { uid: 'dateline-9', callsign: null, cotType: 'a-u-G', source: 'kafka-2', topic: 'cot' },
} as const;

/** Remarks the raptor's records carry at some minutes; every other record has none. */
export const RAPTOR_REMARKS: Readonly<Record<number, string>> = {
  5: 'Engaging the bridge',
  15: 'bridge clear, NEAR(bridge tower) "quoted" callsign:ALPHA star* ^start',
  25: 'holding north of the bridge',
  45: 'Bridge again',
  55: 'RTB',
};

export const positionOf = (entity: keyof typeof SCENARIO_ENTITIES, minute: number): { lat: number; lon: number } => {
  switch (entity) {
    case 'alpha1':
      return { lat: 40 + minute * 0.001, lon: 9 };
    case 'alpha2':
      return { lat: 41, lon: 9 + minute * 0.01 };
    case 'raptor':
      return { lat: 42 - minute * 0.01, lon: 10 };
    case 'boat':
      return { lat: 39, lon: 8 + minute * 0.001 };
    case 'dateline':
      // Crosses the 180° meridian at minute 30.
      return { lat: -17, lon: minute < 30 ? 179.5 : -179.5 };
  }
};

/**
 * An hour of five entities, one fix each a minute. The two ALPHAs share one record a minute, the
 * others have a record per fix; the raptor's records carry remarks now and then.
 */
export function aSearchScenario(): Database {
  const db = aMigratedCache();
  const records: CachedRecord[] = [];
  for (let minute = 0; minute < SCENARIO_MINUTES; minute += 1) {
    const fixOf = (entity: keyof typeof SCENARIO_ENTITIES): CachedFix => {
      const { uid, callsign, cotType } = SCENARIO_ENTITIES[entity];
      return aCachedFix({ uid, callsign, cotType, time: T0 + minute * MINUTE, ...positionOf(entity, minute) });
    };
    records.push(
      aCachedRecord({ source: 'kafka-1', topic: 'cot', fixes: [fixOf('alpha1'), fixOf('alpha2')] }),
      aCachedRecord({ source: 'kafka-2', topic: 'air', fixes: [fixOf('raptor')], remarks: RAPTOR_REMARKS[minute] ?? null }),
      aCachedRecord({ source: 'kafka-1', topic: 'ais', fixes: [fixOf('boat')] }),
      aCachedRecord({ source: 'kafka-2', topic: 'cot', fixes: [fixOf('dateline')] }),
    );
  }
  cacheRecords(db, records);
  return db;
}
