import { describe, expect, it } from 'vitest';
import type { Track } from '../../../shared/domain';
import { destination, distanceMetres } from '../../../shared/geo';
import { proximityWatcher } from '../../../electron/core/rules/watchers/proximity-watcher';
import type { FindingSink } from '../../../electron/core/rules/watcher';
import { aTrack } from '../../builders/track-builder';
import { seeded } from '../../support/seeded';

const DISTANCE = 2_000;
/** Pairs this close to the distance may fall either way, since the watcher measures on a flat plane. */
const BORDER = 0.01;

describe('Given a proximity rule over entities that wander, change sides and leave', () => {
  it('When every fix has been judged, Then exactly the watched entities with one of the other side within the distance hold', () => {
    const random = seeded(7);
    const numbers = new Map<string, number>();
    const numberOf = (uid: string): number => numbers.get(uid) ?? numbers.set(uid, numbers.size).size - 1;
    const holdingNumbers = new Set<number>();
    const sink: FindingSink = {
      holds: (subject) => void holdingNumbers.add(subject),
      clears: (subject) => void holdingNumbers.delete(subject),
    };
    const watcher = proximityWatcher((track) => track.affiliation === 'hostile', DISTANCE, (track) => track.affiliation === 'friend');
    const latest = new Map<string, Track>();

    for (let step = 0; step < 4_000; step += 1) {
      const uid = `unit-${Math.floor(random() * 200)}`;
      const before = latest.get(uid);
      const start = before ?? { lat: 40 + random() * 0.2, lon: 9 + random() * 0.2 };
      const moved = destination(start, random() * 360, random() * 1_500);
      const side = random();
      const affiliation = side < 0.45 ? 'friend' : side < 0.9 ? 'hostile' : 'neutral';
      const fix = aTrack({ uid, lat: moved.lat, lon: moved.lon, affiliation, time: step * 1000 });
      latest.set(uid, fix);
      watcher.observe?.(fix, numberOf(uid), fix.time, sink);
    }

    const holding = new Set([...numbers].filter(([, number]) => holdingNumbers.has(number)).map(([uid]) => uid));
    const friends = [...latest.values()].filter((track) => track.affiliation === 'friend');
    const hostiles = [...latest.values()].filter((track) => track.affiliation === 'hostile');
    const nearest = (friend: Track): number => Math.min(...hostiles.filter((hostile) => hostile.uid !== friend.uid).map((hostile) => distanceMetres(friend, hostile)));
    const clearlyNear = friends.filter((friend) => nearest(friend) < DISTANCE * (1 - BORDER)).map((friend) => friend.uid);
    const clearlyFar = friends.filter((friend) => nearest(friend) > DISTANCE * (1 + BORDER)).map((friend) => friend.uid);

    expect(clearlyNear.length).toBeGreaterThan(20);
    expect(clearlyFar.length).toBeGreaterThan(5);
    expect(clearlyNear.filter((uid) => !holding.has(uid))).toEqual([]);
    expect(clearlyFar.filter((uid) => holding.has(uid))).toEqual([]);
    expect([...holding].filter((uid) => latest.get(uid)?.affiliation !== 'friend')).toEqual([]);
  });
});
