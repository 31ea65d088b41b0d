import { describe, expect, it } from 'vitest';
import {
  isTrackFilterActive,
  matchesTypePrefix,
  NO_TRACK_FILTER,
  trackFilterExpression,
  trackFilterPredicate,
  type TrackFilter,
} from '../../renderer/map/filters/track-filter';
import { aTrack } from '../builders/track-builder';

const hostileJet = aTrack({ uid: 'jet', cotType: 'a-h-A-M-F', affiliation: 'hostile', dimension: 'air', topic: 'cot.air' });
const friendlyInfantry = aTrack({ uid: 'infantry', cotType: 'a-f-G-U-C-I', affiliation: 'friend', dimension: 'ground', topic: 'cot.ground' });
const hostileBoat = aTrack({ uid: 'boat', cotType: 'a-h-S', affiliation: 'hostile', dimension: 'sea-surface', topic: 'ais' });
const tracks = [hostileJet, friendlyInfantry, hostileBoat];

const shownUids = (filter: TrackFilter): string[] => tracks.filter(trackFilterPredicate(filter)).map((track) => track.uid);

describe('Given the track filter', () => {
  it('When nothing is chosen, Then it is inactive, lets every track through the list, and puts no filter on the map', () => {
    expect(isTrackFilterActive(NO_TRACK_FILTER)).toBe(false);
    expect(shownUids(NO_TRACK_FILTER)).toEqual(['jet', 'infantry', 'boat']);
    expect(trackFilterExpression(NO_TRACK_FILTER, tracks)).toBeNull();
  });

  it('When hostile and air are chosen, Then the list keeps the hostile air track and the map filters on the features’ own properties', () => {
    const filter: TrackFilter = { ...NO_TRACK_FILTER, affiliations: ['hostile'], dimensions: ['air'] };
    expect(shownUids(filter)).toEqual(['jet']);
    expect(trackFilterExpression(filter, tracks)).toEqual([
      'all',
      ['in', ['get', 'affiliation'], ['literal', ['hostile']]],
      ['in', ['get', 'dimension'], ['literal', ['air']]],
    ]);
  });

  it('When two affiliations are chosen, Then a track of either passes', () => {
    const filter: TrackFilter = { ...NO_TRACK_FILTER, affiliations: ['hostile', 'friend'] };
    expect(shownUids(filter)).toEqual(['jet', 'infantry', 'boat']);
    expect(trackFilterExpression(filter, tracks)).toEqual(['in', ['get', 'affiliation'], ['literal', ['hostile', 'friend']]]);
  });

  it('When a topic is chosen, Then the map filters by the uids of the tracks on that topic, which features do carry', () => {
    const filter: TrackFilter = { ...NO_TRACK_FILTER, topics: ['ais'] };
    expect(isTrackFilterActive(filter)).toBe(true);
    expect(shownUids(filter)).toEqual(['boat']);
    expect(trackFilterExpression(filter, tracks)).toEqual(['in', ['get', 'uid'], ['literal', ['boat']]]);
  });

  it('When a type prefix is combined with a dimension, Then both must hold, on the list and on the map', () => {
    const filter: TrackFilter = { ...NO_TRACK_FILTER, dimensions: ['air', 'sea-surface'], typePrefix: ' a-h-A ' };
    expect(shownUids(filter)).toEqual(['jet']);
    expect(trackFilterExpression(filter, tracks)).toEqual([
      'all',
      ['in', ['get', 'dimension'], ['literal', ['air', 'sea-surface']]],
      ['in', ['get', 'uid'], ['literal', ['jet']]],
    ]);
  });

  it('When no track matches the type, Then the map filter lets nothing through rather than everything', () => {
    const filter: TrackFilter = { ...NO_TRACK_FILTER, typePrefix: 'a-n' };
    expect(shownUids(filter)).toEqual([]);
    expect(trackFilterExpression(filter, tracks)).toEqual(['in', ['get', 'uid'], ['literal', []]]);
  });
});

describe('Given a CoT type prefix', () => {
  it('When it ends on a segment boundary, Then the type itself and its more specific types match', () => {
    expect(matchesTypePrefix('a-h-A', 'a-h-A')).toBe(true);
    expect(matchesTypePrefix('a-h-A-M-F', 'a-h-A')).toBe(true);
  });

  it('When it would cut a segment, Then the type does not match', () => {
    expect(matchesTypePrefix('a-h-Ax', 'a-h-A')).toBe(false);
    expect(matchesTypePrefix('a-h-G', 'a-h-A')).toBe(false);
  });

  it('When it is blank, Then every type matches', () => {
    expect(matchesTypePrefix('b-m-p-s-p-i', '  ')).toBe(true);
  });
});
