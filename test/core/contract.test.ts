import { describe, expect, it } from 'vitest';
import { events, isEventName, isMethodName, methods } from '../../shared/contract';
import { affiliationOf, dimensionOf } from '../../shared/cot-type';
import { aTrack } from '../builders/track-builder';

describe('Given the contract', () => {
  it('Then every method has an argument schema and a result schema', () => {
    for (const method of Object.values(methods)) {
      expect(typeof method.args.safeParse).toBe('function');
      expect(typeof method.result.safeParse).toBe('function');
    }
    expect(methods['app.status'].args.safeParse({}).success).toBe(true);
    expect(methods['profiles.save'].args.safeParse({}).success).toBe(false);
  });

  it('Then method and event names are recognised only when defined', () => {
    expect(isMethodName('app.status')).toBe(true);
    expect(isMethodName('constructor')).toBe(false);
    expect(isMethodName('__proto__')).toBe(false);
    expect(isEventName('tracks.updated')).toBe(true);
    expect(isEventName('toString')).toBe(false);
  });

  it('When a track batch is parsed, Then a track with an impossible latitude is refused', () => {
    expect(events['tracks.updated'].safeParse({ tracks: [aTrack()] }).success).toBe(true);
    expect(events['tracks.updated'].safeParse({ tracks: [aTrack({ lat: 91 })] }).success).toBe(false);
  });
});

describe('Given CoT types', () => {
  it.each([
    ['a-f-G-U-C-I', 'friend', 'ground'],
    ['a-h-A-M-F', 'hostile', 'air'],
    ['a-n-S-X', 'neutral', 'sea-surface'],
    ['a-u-U', 'unknown', 'subsurface'],
    ['a-s-P', 'hostile', 'space'],
    ['a-a-G', 'friend', 'ground'],
    ['b-m-p-s-p-i', 'unknown', 'other'],
    ['', 'unknown', 'other'],
  ])('When the type is %s, Then the affiliation is %s and the dimension %s', (type, affiliation, dimension) => {
    expect(affiliationOf(type)).toBe(affiliation);
    expect(dimensionOf(type)).toBe(dimension);
  });
});
