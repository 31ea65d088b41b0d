import { describe, expect, it } from 'vitest';
import { AFFILIATIONS, DIMENSIONS } from '../../../shared/cot-type';
import { EXPRESSION_FIELDS } from '../../../shared/expression';
import { aSubject, NOW } from './subject-builder';

const field = (name: string) => EXPRESSION_FIELDS.find((candidate) => candidate.name === name);

describe('Given the field catalogue', () => {
  it('Then it names every field the language promises, once, in lower case', () => {
    const names = EXPRESSION_FIELDS.map((candidate) => candidate.name);
    expect(names).toEqual(['uid', 'callsign', 'type', 'affiliation', 'dimension', 'lat', 'lon', 'alt', 'alt_ft', 'speed', 'speed_kn', 'speed_kmh', 'course', 'age', 'stale', 'topic', 'source']);
    expect(new Set(names).size).toBe(names.length);
    for (const name of names) expect(name).toMatch(/^[a-z][a-z0-9_]*$/);
  });

  it('Then every field has a one-line description, and no other-name clashes with a field or another other-name', () => {
    const spellings = EXPRESSION_FIELDS.flatMap((candidate) => [candidate.name, ...candidate.alsoKnownAs]);
    expect(new Set(spellings).size).toBe(spellings.length);
    for (const candidate of EXPRESSION_FIELDS) expect(candidate.description).toMatch(/^[A-Z][^\n]+\.$/);
  });

  it('Then enum fields offer exactly the values the domain uses', () => {
    expect(field('affiliation')).toMatchObject({ type: 'enum', values: AFFILIATIONS });
    expect(field('dimension')).toMatchObject({ type: 'enum', values: DIMENSIONS });
  });

  it('Then numbers carry their units, and only fields that can be unknown are nullable', () => {
    const units = Object.fromEntries(EXPRESSION_FIELDS.flatMap((candidate) => (candidate.type === 'number' ? [[candidate.name, candidate.unit]] : [])));
    expect(units).toEqual({ lat: 'degrees', lon: 'degrees', alt: 'm', alt_ft: 'ft', speed: 'm/s', speed_kn: 'kn', speed_kmh: 'km/h', course: 'degrees', age: 's' });
    const nullable = EXPRESSION_FIELDS.filter((candidate) => candidate.nullable).map((candidate) => candidate.name);
    expect(nullable).toEqual(['callsign', 'alt', 'alt_ft', 'speed', 'speed_kn', 'speed_kmh', 'course']);
  });

  it('When a subject is read, Then derived fields convert from SI and age counts seconds to now', () => {
    const subject = aSubject({ speed: 10, hae: 1_000, time: NOW - 90_000 });
    const read = (name: string) => field(name)?.read(subject, NOW);
    expect(read('speed_kn')).toBeCloseTo(19.4384, 4);
    expect(read('speed_kmh')).toBeCloseTo(36, 10);
    expect(read('alt_ft')).toBeCloseTo(3280.8399, 4);
    expect(read('age')).toBe(90);
    expect(read('type')).toBe('a-h-A-M-F');
  });
});
