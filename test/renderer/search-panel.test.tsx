// @vitest-environment jsdom
import { describe, expect, it } from 'vitest';
import { ok } from '../../shared/result';
import type { SavedSearch, SearchQuery, SearchRow } from '../../shared/search';
import { useAreaDrawing } from '../../renderer/rules/use-area-drawing';
import { SearchPanel } from '../../renderer/search/SearchPanel';
import { SEARCH_PAGE_ROWS } from '../../renderer/search/use-search';
import type { Client } from '../../renderer/client';
import { createReplay } from '../../renderer/review/replay';
import { createSwitchableTrackView } from '../../renderer/review/switchable-track-view';
import { useShowInReview } from '../../renderer/review/use-show-in-review';
import { createTrackStore } from '../../renderer/tracks/track-store';
import { manualClock } from '../support/manual-clock';
import { reviewAnswers } from './support/review-host';
import { allByTestId, aRootPerTest, byTestId, enter, has, settle } from './support/dom';
import { fakeClient } from './support/fake-client';
import { aJob } from './support/job-builder';
import { aSearchRow, searchRows } from './support/search-row-builder';

const SAVED_ID = '0b5a3c1e-8f4d-4e2a-9b7c-6d5e4f3a2b1c';
const CREATED = Date.UTC(2026, 10, 26, 5, 0, 0);

interface SearchHost {
  readonly pages: SearchRow[][];
  saved: SavedSearch[];
}

function searchHost(state: SearchHost) {
  return fakeClient((method, args) => {
    switch (method) {
      case 'search.query': {
        const { after } = args as { after?: string };
        const page = after === undefined ? 0 : Number(after);
        return ok({ rows: state.pages[page] ?? [], next: page + 1 < state.pages.length ? String(page + 1) : null });
      }
      case 'search.saved.list':
        return ok(state.saved);
      case 'search.saved.save': {
        const { name, query } = args as { name: string; query: SearchQuery };
        state.saved = [...state.saved, { id: SAVED_ID, name, query, problem: null, createdAt: CREATED, updatedAt: CREATED }];
        return ok(state.saved.at(-1));
      }
      case 'search.saved.remove':
        state.saved = state.saved.filter((saved) => saved.id !== (args as { id: string }).id);
        return ok({ removed: true });
      default:
        return undefined;
    }
  });
}

function Search({ client, onShowRow = () => undefined }: { readonly client: Client; readonly onShowRow?: (row: SearchRow) => void }) {
  const areaDrawing = useAreaDrawing();
  return <SearchPanel client={client} areaDrawing={areaDrawing} policy={{ enabled: true, marking: 'UNCLASSIFIED' }} jobs={[]} downloadUrl={() => null} onShowRow={onShowRow} />;
}

const shownCallsigns = (): string[] => allByTestId('search-row').map((row) => row.children[1]?.textContent ?? '');

describe('Given the Search tab', () => {
  const root = aRootPerTest();

  it('When a callsign and a time range are searched, Then the query carries both, and the results table draws only the rows in view', async () => {
    const host = searchHost({ pages: [searchRows(SEARCH_PAGE_ROWS)], saved: [] });
    await settle(() => root.current.render(<Search client={host.client} />));

    await settle(() => enter('search-callsign', ' RAVEN 1 '));
    await settle(() => enter('search-types', 'a-h-A, a-f'));
    await settle(() => byTestId('search-affiliation-hostile').click());
    await settle(() => enter('search-from', '2026-11-26 06:00:00Z'));
    await settle(() => enter('search-to', '2026-11-26 07:00:00Z'));
    await settle(() => byTestId('search-run').click());

    expect(host.calls('search.query')).toEqual([
      {
        query: { callsign: 'RAVEN 1', types: ['a-h-A', 'a-f'], affiliations: ['hostile'], from: Date.UTC(2026, 10, 26, 6), to: Date.UTC(2026, 10, 26, 7) },
        limit: SEARCH_PAGE_ROWS,
      },
    ]);
    expect(byTestId('search-count').textContent).toBe('200 found. Sorting orders the rows fetched so far.');
    expect(allByTestId('search-row').length).toBeLessThan(30);
  });

  it('When the times are the wrong way round, Then it says so and does not search', async () => {
    const host = searchHost({ pages: [], saved: [] });
    await settle(() => root.current.render(<Search client={host.client} />));
    await settle(() => enter('search-from', '2026-11-26 07:00:00Z'));
    await settle(() => enter('search-to', '2026-11-26 06:00:00Z'));
    await settle(() => byTestId('search-run').click());

    expect(byTestId('search-problem').textContent).toBe('This search cannot run: the search starts after it ends; swap the two times.');
    expect(host.calls('search.query')).toEqual([]);
  });

  it('When there is more to find, Then Load more fetches the next page through the cursor and adds it', async () => {
    const host = searchHost({ pages: [searchRows(3, 1), searchRows(2, 4)], saved: [] });
    await settle(() => root.current.render(<Search client={host.client} />));
    await settle(() => enter('search-text', 'convoy'));
    await settle(() => byTestId('search-run').click());
    expect(byTestId('search-count').textContent).toContain('3 found so far');

    await settle(() => byTestId('search-more').click());

    expect(host.calls('search.query')[1]).toEqual({ query: { text: 'convoy' }, limit: SEARCH_PAGE_ROWS, after: '1' });
    expect(shownCallsigns()).toEqual(['UNIT 001', 'UNIT 002', 'UNIT 003', 'UNIT 004', 'UNIT 005']);
    expect(has('search-more')).toBe(false);
  });

  it('When a column header is clicked, Then the fetched rows sort by it, and a second click turns the order round', async () => {
    const host = searchHost({ pages: [searchRows(3)], saved: [] });
    await settle(() => root.current.render(<Search client={host.client} />));
    await settle(() => byTestId('search-run').click());
    expect(shownCallsigns()).toEqual(['UNIT 001', 'UNIT 002', 'UNIT 003']);

    await settle(() => byTestId('search-sort-time').click());
    expect(shownCallsigns()).toEqual(['UNIT 003', 'UNIT 002', 'UNIT 001']);
    await settle(() => byTestId('search-sort-callsign').click());
    await settle(() => byTestId('search-sort-callsign').click());
    expect(shownCallsigns()).toEqual(['UNIT 003', 'UNIT 002', 'UNIT 001']);
  });

  it('When Export these is pressed, Then the export covers the search that found the rows', async () => {
    const host = fakeClient((method) => {
      if (method === 'search.query') return ok({ rows: searchRows(2), next: null });
      if (method === 'search.saved.list') return ok([]);
      if (method === 'export.start') return ok(aJob());
      return undefined;
    });
    await settle(() => root.current.render(<Search client={host.client} />));
    await settle(() => enter('search-callsign', 'RAVEN 1'));
    await settle(() => byTestId('search-run').click());
    await settle(() => enter('search-callsign', 'changed after the search'));

    await settle(() => byTestId('export-start').click());

    expect(byTestId('export-start').textContent).toBe('Export these');
    expect(host.calls('export.start')).toEqual([{ scope: { kind: 'search', query: { callsign: 'RAVEN 1' } }, format: 'geojson' }]);
  });

  it('When a result is clicked, Then it is shown with its time and uid', async () => {
    const [row] = searchRows(1);
    const host = searchHost({ pages: [[row!]], saved: [] });
    const shown: SearchRow[] = [];
    await settle(() => root.current.render(<Search client={host.client} onShowRow={(clicked) => shown.push(clicked)} />));
    await settle(() => byTestId('search-run').click());

    await settle(() => byTestId('search-row').click());

    expect(shown).toEqual([row]);
  });

  it('When a result is clicked in the app while review plays, Then review stops at the result’s time and the entity is selected there', async () => {
    const row = aSearchRow();
    const answerReview = reviewAnswers();
    const host = fakeClient((method, args) => (method === 'search.query' ? ok({ rows: [row], next: null }) : answerReview(method, args)));
    const review = createTrackStore((run) => run());
    const view = createSwitchableTrackView(createTrackStore((run) => run()), review);
    const replay = createReplay({ client: host.client, store: review, view, clock: manualClock(0) });
    const selected: string[] = [];
    function SearchInApp() {
      const showInReview = useShowInReview(replay, (uid) => selected.push(uid));
      return <Search client={host.client} onShowRow={(clicked) => showInReview(clicked.time, clicked.uid)} />;
    }
    await settle(() => root.current.render(<SearchInApp />));
    await replay.enter(row.time - 600_000);
    replay.play();
    await settle(() => byTestId('search-run').click());

    await settle(() => byTestId('search-row').click());

    expect(replay.state()).toMatchObject({ mode: 'review', time: row.time, playing: false });
    expect(view.get(row.uid)?.time).toBe(row.time);
    expect(selected).toEqual([row.uid]);
  });

  it('When a search is saved, run again and deleted, Then the list follows each step and running it fills the form', async () => {
    const host = searchHost({ pages: [searchRows(1)], saved: [] });
    await settle(() => root.current.render(<Search client={host.client} />));
    await settle(() => enter('search-uid', 'raven-1'));
    await settle(() => enter('saved-search-name', 'Raven track'));
    await settle(() => byTestId('saved-search-save').click());
    expect(host.calls('search.saved.save')).toEqual([{ name: 'Raven track', query: { uid: 'raven-1' } }]);
    expect(allByTestId('saved-search').map((item) => byTestId('saved-search-run', item).textContent)).toEqual(['Raven track']);

    await settle(() => enter('search-uid', ''));
    await settle(() => byTestId('saved-search-run').click());
    expect((byTestId('search-uid') as HTMLInputElement).value).toBe('raven-1');
    expect(host.calls('search.query').at(-1)).toEqual({ query: { uid: 'raven-1' }, limit: SEARCH_PAGE_ROWS });

    await settle(() => byTestId('saved-search-remove').click());
    expect(host.calls('search.saved.remove')).toEqual([{ id: SAVED_ID }]);
    expect(allByTestId('saved-search')).toEqual([]);
  });
});
