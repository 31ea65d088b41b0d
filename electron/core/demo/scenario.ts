import { destination, type LatLon } from '../../../shared/geo';
import type { CotEvent } from '../cot/cot-event';
import { airRegion, landRegion, restrictedArea, seaRegions } from './exercise-area';
import { seededRandom, type Random } from './random';
import { loopRoute, type Route } from './route';

export type DemoDomain = 'ground' | 'air' | 'sea';
export type DemoAffiliation = 'f' | 'h' | 'n' | 'u';

export interface DemoUnit {
  readonly uid: string;
  readonly callsign: string;
  readonly cotType: string;
  readonly domain: DemoDomain;
  /** Metres per second along the route. */
  readonly speed: number;
  readonly altitude: number | null;
  readonly route: Route;
  /** Where on its loop the unit is at scenario start, metres. */
  readonly startDistance: number;
}

/** Behaviour the anomaly rules of later work must catch, at fixed scenario times. */
export const SCRIPTED = {
  silentUid: 'demo-silent-1',
  /** Seconds after scenario start when the silent unit stops reporting. */
  silentAfterSeconds: 120,
  jumpUid: 'demo-jump-1',
  /** The one report, this many seconds in, that lands 50 km away. */
  jumpAtSecond: 90,
  jumpMetres: 50_000,
  intruderUid: 'demo-intruder-1',
  /** The intruder crosses into the restricted area this many seconds in. */
  intruderEntersAfterSeconds: 150,
} as const;

export interface Scenario {
  readonly units: readonly DemoUnit[];
  /**
   * The reports due at `now`: one per unit still reporting, or, given a `slot`, only from the
   * units in that share of the roster.
   */
  reportsAt(startedAt: number, now: number, slot?: ReportSlot): CotEvent[];
}

const typesByDomain: Readonly<Record<DemoDomain, readonly string[]>> = {
  ground: ['G-U-C-I', 'G-U-C-A', 'G-U-C-R', 'G-E-V-A', 'G-U-C-F', 'G-U-S'],
  air: ['A-M-F', 'A-M-F-Q', 'A-M-H', 'A-C-F'],
  sea: ['S-X', 'S-C-L', 'S-C-S', 'S-X-F'],
};

const speedByDomain: Readonly<Record<DemoDomain, readonly [number, number]>> = {
  ground: [3, 15],
  air: [110, 240],
  sea: [4, 12],
};

const callsignWords = ['ALPHA', 'BRAVO', 'CHARLIE', 'DELTA', 'ECHO', 'FOXTROT', 'GOLF', 'HOTEL', 'KILO', 'LIMA', 'MIKE', 'OSCAR', 'SIERRA', 'TANGO', 'VICTOR', 'ZULU'];

/** Unit `i` of the roster reports in slot `i % of`; slot `index` takes its turn now. */
export interface ReportSlot {
  readonly index: number;
  readonly of: number;
}

export function createScenario(options: { readonly units: number; readonly seed: number }): Scenario {
  const random = seededRandom(options.seed);
  const scripted = scriptedUnits();
  const ordinaryCount = Math.max(0, options.units - scripted.length);
  const units = [...scripted.slice(0, options.units), ...Array.from({ length: ordinaryCount }, (_, index) => ordinaryUnit(random, index))];

  return {
    units,
    reportsAt(startedAt, now, slot) {
      const elapsedSeconds = (now - startedAt) / 1000;
      const reports: CotEvent[] = [];
      const first = slot?.index ?? 0;
      const step = slot?.of ?? 1;
      for (let position = first; position < units.length; position += step) {
        const unit = units[position];
        if (unit === undefined) break;
        if (unit.uid === SCRIPTED.silentUid && elapsedSeconds >= SCRIPTED.silentAfterSeconds) continue;
        reports.push(report(unit, elapsedSeconds, now));
      }
      return reports;
    },
  };
}

function report(unit: DemoUnit, elapsedSeconds: number, now: number): CotEvent {
  const position = unit.route.positionAt(unit.startDistance + unit.speed * elapsedSeconds);
  const jumped =
    unit.uid === SCRIPTED.jumpUid && Math.floor(elapsedSeconds) === SCRIPTED.jumpAtSecond
      ? destination(position, 0, SCRIPTED.jumpMetres)
      : position;
  return {
    uid: unit.uid,
    type: unit.cotType,
    how: 'm-g',
    time: now,
    start: now,
    stale: now + 60_000,
    lat: jumped.lat,
    lon: jumped.lon,
    hae: unit.altitude,
    ce: unit.domain === 'air' ? 50 : 10,
    le: unit.domain === 'air' ? 50 : 10,
    callsign: unit.callsign,
    course: position.course,
    speed: unit.speed,
    remarks: null,
  };
}

function ordinaryUnit(random: Random, index: number): DemoUnit {
  const domainRoll = random.next();
  const domain: DemoDomain = domainRoll < 0.55 ? 'ground' : domainRoll < 0.75 ? 'air' : 'sea';
  const affiliationRoll = random.next();
  const affiliation: DemoAffiliation =
    affiliationRoll < 0.45 ? 'f' : affiliationRoll < 0.75 ? 'h' : affiliationRoll < 0.9 ? 'n' : 'u';
  const [slowest, fastest] = speedByDomain[domain];
  const waypoints = Array.from({ length: 3 + Math.floor(random.next() * 4) }, () => pointIn(domain, random));
  const route = loopRoute(waypoints);
  const serial = String(index + 1).padStart(3, '0');
  return {
    uid: `demo-${domain}-${serial}`,
    callsign: `${random.pick(callsignWords)} ${index + 1}`,
    cotType: `a-${affiliation}-${random.pick(typesByDomain[domain])}`,
    domain,
    speed: random.between(slowest, fastest),
    altitude: domain === 'air' ? Math.round(random.between(1500, 9000)) : null,
    route,
    startDistance: random.between(0, route.length),
  };
}

function pointIn(domain: DemoDomain, random: Random): LatLon {
  if (domain === 'ground') {
    const angle = random.between(0, 2 * Math.PI);
    const radius = Math.sqrt(random.next());
    return {
      lat: landRegion.centre.lat + Math.sin(angle) * radius * landRegion.latRadius,
      lon: landRegion.centre.lon + Math.cos(angle) * radius * landRegion.lonRadius,
    };
  }
  const box = domain === 'sea' ? random.pick(seaRegions) : airRegion;
  return { lat: random.between(box.south, box.north), lon: random.between(box.west, box.east) };
}

function scriptedUnits(): DemoUnit[] {
  const areaNorthEdge = Math.max(...restrictedArea.ring.map((corner) => corner.lat));
  const areaCentreLon = 8.98;
  const intruderSpeed = 12;
  const approach = intruderSpeed * SCRIPTED.intruderEntersAfterSeconds;
  const intruderStart = destination({ lat: areaNorthEdge, lon: areaCentreLon }, 0, approach);
  const intruderRoute = loopRoute([intruderStart, { lat: 39.95, lon: areaCentreLon }, { lat: 39.88, lon: 9.06 }]);
  const silentRoute = loopRoute([
    { lat: 40.3, lon: 8.9 },
    { lat: 40.4, lon: 9.05 },
    { lat: 40.25, lon: 9.12 },
  ]);
  const jumpRoute = loopRoute([
    { lat: 39.6, lon: 8.2 },
    { lat: 40.6, lon: 8.3 },
    { lat: 40.6, lon: 9.9 },
    { lat: 39.6, lon: 9.8 },
  ]);
  return [
    { uid: SCRIPTED.silentUid, callsign: 'WHISKEY 7', cotType: 'a-f-G-U-C-I', domain: 'ground', speed: 6, altitude: null, route: silentRoute, startDistance: 0 },
    { uid: SCRIPTED.jumpUid, callsign: 'RAPTOR 3', cotType: 'a-h-A-M-F', domain: 'air', speed: 180, altitude: 7000, route: jumpRoute, startDistance: 0 },
    { uid: SCRIPTED.intruderUid, callsign: 'VIPER 9', cotType: 'a-h-G-U-C-A', domain: 'ground', speed: intruderSpeed, altitude: null, route: intruderRoute, startDistance: 0 },
  ];
}
