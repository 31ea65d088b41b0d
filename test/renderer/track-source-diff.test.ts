import { describe, expect, it } from 'vitest';
import type { Track } from '../../shared/domain';
import { sidcFromCotType } from '../../shared/sidc';
import { TrackSourceDiff, type TrackSourceUpdate } from '../../renderer/map/track-source-diff';
import { aTrack } from '../builders/track-builder';

const NOW = Date.UTC(2026, 10, 26, 12, 0, 0);
const SECOND = 1000;

/** Tracks that stay fresh for an hour, so only the ones a test ages change state. */
function fleet(count: number): Track[] {
  return Array.from({ length: count }, (_, index) => aTrack({ uid: `t${index}`, time: NOW, stale: NOW + 3_600 * SECOND, lon: 9 + index / 100 }));
}

/** A new snapshot with one track's state replaced, as the store makes one. */
function replacing(tracks: readonly Track[], index: number, track: Track): Track[] {
  return tracks.map((known, at) => (at === index ? track : known));
}

function diffOf(update: TrackSourceUpdate | null) {
  if (update?.kind !== 'diff') throw new Error(`expected a diff, got ${JSON.stringify(update)}`);
  return update.diff;
}

describe('Given the track source diff', () => {
  it('When tracks first arrive, Then the source is given all of them at once', () => {
    const update = new TrackSourceDiff(sidcFromCotType).next(fleet(10), NOW);
    expect(update?.kind).toBe('replace');
    expect(update?.kind === 'replace' ? update.data.features.map((feature) => feature.properties.uid) : []).toHaveLength(10);
  });

  it('When nothing changed, Then there is nothing to send', () => {
    const tracks = fleet(10);
    const diff = new TrackSourceDiff(sidcFromCotType);
    diff.next(tracks, NOW);
    expect(diff.next(tracks, NOW + SECOND)).toBeNull();
  });

  it('When one track of ten moves, Then only its new position is sent', () => {
    const tracks = fleet(10);
    const diff = new TrackSourceDiff(sidcFromCotType);
    diff.next(tracks, NOW);
    const moved = { ...tracks[3]!, lat: 41, time: NOW + SECOND };
    expect(diffOf(diff.next(replacing(tracks, 3, moved), NOW + SECOND))).toEqual({
      add: [],
      update: [{ id: 't3', newGeometry: { type: 'Point', coordinates: [moved.lon, 41] } }],
      remove: [],
    });
  });

  it('When one track of ten turns, Then only its changed heading is sent, without its geometry', () => {
    const tracks = fleet(10);
    const diff = new TrackSourceDiff(sidcFromCotType);
    diff.next(tracks, NOW);
    const turned = { ...tracks[0]!, course: 180 };
    expect(diffOf(diff.next(replacing(tracks, 0, turned), NOW)).update).toEqual([{ id: 't0', addOrUpdateProperties: [{ key: 'heading', value: 180 }] }]);
  });

  it('When a new track joins and one leaves the store, Then one is added and one removed', () => {
    const tracks = fleet(10);
    const diff = new TrackSourceDiff(sidcFromCotType);
    diff.next(tracks, NOW);
    const joined = aTrack({ uid: 'new', time: NOW, stale: NOW + 60 * SECOND });
    const next = diffOf(diff.next([...tracks.slice(1), joined], NOW));
    expect(next.add?.map((feature) => feature.id)).toEqual(['new']);
    expect(next.remove).toEqual(['t0']);
  });

  it('When one track reaches its stale time with no new report, Then its symbol changes to the stale one', () => {
    const tracks = [...fleet(9), aTrack({ uid: 'quiet', time: NOW, stale: NOW + 5 * SECOND })];
    const diff = new TrackSourceDiff(sidcFromCotType);
    diff.next(tracks, NOW);
    expect(diffOf(diff.next(tracks, NOW + 5 * SECOND)).update).toEqual([
      {
        id: 'quiet',
        addOrUpdateProperties: [
          { key: 'stale', value: 'stale' },
          { key: 'symbol', value: 'milsymbol:stale:SFGPUCI--------' },
        ],
      },
    ]);
  });

  it('When a stale track passes its hide age, Then it leaves the map, and comes back with its next report', () => {
    const quiet = aTrack({ uid: 'quiet', time: NOW, stale: NOW + 5 * SECOND });
    const tracks = [...fleet(9), quiet];
    const diff = new TrackSourceDiff(sidcFromCotType);
    diff.next(tracks, NOW);
    const later = NOW + 5 * SECOND + 5 * 60 * SECOND;
    expect(diffOf(diff.next(tracks, later)).remove).toEqual(['quiet']);
    expect(diff.next(tracks, later + SECOND)).toBeNull();
    const heardAgain = { ...quiet, time: later, stale: later + 60 * SECOND };
    expect(diffOf(diff.next(replacing(tracks, 9, heardAgain), later)).add?.map((feature) => feature.id)).toEqual(['quiet']);
  });

  it('When tracks arrive already hidden, Then they are never drawn', () => {
    const old = aTrack({ uid: 'old', time: NOW - 3_600 * SECOND, stale: null });
    expect(new TrackSourceDiff(sidcFromCotType).next([old], NOW)).toBeNull();
  });

  it('When the filter turns a track away, Then it leaves the source, and returns when the filter lets it through again', () => {
    const tracks = fleet(10);
    const diff = new TrackSourceDiff(sidcFromCotType);
    diff.next(tracks, NOW);
    expect(diffOf(diff.next(tracks, NOW, (track) => track.uid !== 't3'))).toEqual({ add: [], update: [], remove: ['t3'] });
    const back = diffOf(diff.next(tracks, NOW));
    expect(back.add?.map((feature) => feature.id)).toEqual(['t3']);
    expect(back.remove).toEqual([]);
  });

  it('When most tracks change at once, Then the source is given everything again rather than a diff', () => {
    const tracks = fleet(10);
    const diff = new TrackSourceDiff(sidcFromCotType);
    diff.next(tracks, NOW);
    const moved = tracks.map((track, index) => (index < 6 ? { ...track, lat: 41 } : track));
    const update = diff.next(moved, NOW);
    expect(update?.kind).toBe('replace');
    expect(update?.kind === 'replace' ? update.data.features.filter((feature) => feature.geometry.coordinates[1] === 41) : []).toHaveLength(6);
  });
});
