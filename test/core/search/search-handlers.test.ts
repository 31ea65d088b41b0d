import type { Database } from 'better-sqlite3-multiple-ciphers';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { methods, type MethodName } from '../../../shared/contract';
import { searchHandlers } from '../../../electron/core/search/search-handlers';
import { createStore } from '../../../electron/core/store/store';
import { T0 } from '../../builders/cached-records';
import { aSearchScenario } from '../../builders/search-scenario';
import { manualClock } from '../../support/manual-clock';

describe('Given the search handlers over a cache', () => {
  let db: Database;
  let handlers: ReturnType<typeof searchHandlers>;
  /** Calls a handler the way the dispatcher does: arguments and answer both parsed by the contract. */
  const call = async <M extends MethodName & keyof typeof handlers>(method: M, args: unknown): Promise<unknown> => {
    const handler = handlers[method] as (parsed: unknown) => unknown;
    return methods[method].result.parse(await handler(methods[method].args.parse(args)));
  };

  beforeEach(() => {
    db = aSearchScenario();
    handlers = searchHandlers({ store: createStore(db), clock: manualClock(T0) });
  });
  afterEach(() => db.close());

  it('When a query is run page by page, Then each answer fits the contract and the last says there is no more', async () => {
    const first = (await call('search.query', { query: { callsign: 'raptor 3' }, limit: 40 })) as { rows: unknown[]; next: string | null };
    expect(first.rows).toHaveLength(40);
    const second = (await call('search.query', { query: { callsign: 'raptor 3' }, limit: 40, after: first.next })) as { rows: unknown[]; next: string | null };
    expect(second.rows).toHaveLength(20);
    expect(second.next).toBeNull();
  });

  it('When a search is saved, listed and removed, Then each answer fits the contract', async () => {
    const saved = (await call('search.saved.save', { name: '  Raptors  ', query: { callsign: 'RAPTOR*' } })) as { id: string; name: string };
    expect(saved.name).toBe('Raptors');
    expect(await call('search.saved.list', {})).toEqual([saved]);
    expect(await call('search.saved.remove', { id: saved.id })).toEqual({ removed: true });
    expect(await call('search.saved.list', {})).toEqual([]);
  });
});
