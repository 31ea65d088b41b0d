import type { Database } from 'better-sqlite3-multiple-ciphers';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { SavedSearchSchema } from '../../../shared/search';
import { createSavedSearches, type SavedSearches } from '../../../electron/core/search/saved-searches';
import { createSearchQueries } from '../../../electron/core/store/search-queries';
import { aMigratedCache, T0 } from '../../builders/cached-records';
import { manualClock, type ManualClock } from '../../support/manual-clock';

describe('Given the saved searches of a cache', () => {
  let db: Database;
  let clock: ManualClock;
  let saved: SavedSearches;

  beforeEach(() => {
    db = aMigratedCache();
    clock = manualClock(T0);
    saved = createSavedSearches(createSearchQueries(db), clock);
  });
  afterEach(() => db.close());

  it('When a search is saved, Then it is listed with its query as saved', () => {
    const query = { callsign: 'RAPTOR*', affiliations: ['hostile' as const], from: T0 - 3_600_000, area: { west: 170, south: -20, east: -170, north: 0 } };
    const search = saved.save('Hostile raptors', query);
    expect(search).toEqual({ id: expect.any(String), name: 'Hostile raptors', query, problem: null, createdAt: T0, updatedAt: T0 });
    expect(SavedSearchSchema.parse(search)).toEqual(search);
    expect(saved.list()).toEqual([search]);
  });

  it('When a search is saved under a name in use, Then it replaces that search and keeps its id and creation time', () => {
    const first = saved.save('Bridge', { text: 'bridge' });
    clock.advance(60_000);
    const again = saved.save('Bridge', { text: 'bridge north', topics: ['air'] });
    expect(again).toEqual({ ...first, query: { text: 'bridge north', topics: ['air'] }, updatedAt: T0 + 60_000 });
    expect(saved.list()).toEqual([again]);
  });

  it('When several searches are saved, Then they are listed by name, letter case aside', () => {
    saved.save('bravo', { uid: 'b' });
    saved.save('Alpha', { uid: 'a' });
    saved.save('charlie', { uid: 'c' });
    expect(saved.list().map((search) => search.name)).toEqual(['Alpha', 'bravo', 'charlie']);
  });

  it('When a saved search is removed, Then it is gone, and removing it again says nothing was removed', () => {
    const search = saved.save('Boats', { topics: ['ais'] });
    expect(saved.remove(search.id)).toBe(true);
    expect(saved.list()).toEqual([]);
    expect(saved.remove(search.id)).toBe(false);
  });

  it('When a stored query no longer reads, Then it is listed with the reason instead of failing the list', () => {
    saved.save('Fine', { uid: 'a' });
    const insert = db.prepare('INSERT INTO saved_searches (id, name, query, created_at, updated_at) VALUES (?, ?, ?, ?, ?)');
    insert.run('6f1c1f84-6c1e-4c57-9a55-0e4a4bd1b2a1', 'Old colours', '{"colour":"red"}', T0, T0);
    insert.run('0b0d8a5e-3c7e-4a8e-8d1f-6a3b0d9e7c11', 'Old types', '{"types":"a-h"}', T0, T0);

    const listed = saved.list();
    expect(listed.map((search) => [search.name, search.query === null])).toEqual([
      ['Fine', false],
      ['Old colours', true],
      ['Old types', true],
    ]);
    expect(listed[1]?.problem).toMatch(/^This saved search cannot be run by this version of Outpost \(.*colour.*\)\. Remove it, or save the search again\.$/);
    expect(listed[2]?.problem).toContain('types');
    for (const search of listed) expect(SavedSearchSchema.parse(search)).toEqual(search);
  });
});
