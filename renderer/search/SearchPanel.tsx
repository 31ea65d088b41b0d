import { useState } from 'react';
import type { Job } from '../../shared/jobs';
import type { SearchRow } from '../../shared/search';
import type { ExportPolicy } from '../../shared/transfer';
import type { Client } from '../client';
import { formatCount } from '../connections/figures';
import type { AreaDrawing } from '../rules/use-area-drawing';
import { ExportSection } from '../transfer/ExportSection';
import { SavedSearches } from './SavedSearches';
import { SearchForm } from './SearchForm';
import { BLANK_SEARCH, searchFieldsOf, searchQueryOf, type SearchFields } from './search-form-model';
import { SearchResultsTable } from './SearchResultsTable';
import { useSearch } from './use-search';
import './search.css';

interface SearchPanelProps {
  readonly client: Client;
  readonly areaDrawing: AreaDrawing;
  readonly policy: ExportPolicy | null;
  readonly jobs: readonly Job[];
  readonly downloadUrl: (fileName: string) => string | null;
  /** Shows a result on the map at its time. */
  readonly onShowRow: (row: SearchRow) => void;
}

/** Finding fixes in the cache, saving the search, and exporting what it found. */
export function SearchPanel({ client, areaDrawing, policy, jobs, downloadUrl, onShowRow }: SearchPanelProps) {
  const [fields, setFields] = useState<SearchFields>(BLANK_SEARCH);
  const [problem, setProblem] = useState<string | null>(null);
  const [results, run, loadMore] = useSearch(client);
  const outcome = searchQueryOf(fields);

  const submit = (): void => {
    if (!outcome.ok) return setProblem(outcome.problem);
    setProblem(null);
    run(outcome.query);
  };

  return (
    <div className="search-panel">
      <SearchForm fields={fields} onChange={setFields} onSubmit={submit} areaDrawing={areaDrawing} />
      {problem === null && results.problem === null ? null : (
        <p className="form-problem" role="alert" data-testid="search-problem">
          {problem ?? results.problem}
        </p>
      )}
      <SavedSearches
        client={client}
        query={outcome.ok ? outcome.query : null}
        onRun={(query) => {
          setFields(searchFieldsOf(query));
          setProblem(null);
          run(query);
        }}
      />
      {results.query === null ? null : (
        <>
          <p className="search-count" data-testid="search-count">
            {formatCount(results.rows.length)} {results.more ? 'found so far' : 'found'}
            {results.loading ? ', searching…' : ''}. Sorting orders the rows fetched so far.
          </p>
          <SearchResultsTable rows={results.rows} onShow={onShowRow} />
          {results.more ? (
            <button type="button" data-testid="search-more" disabled={results.loading} onClick={loadMore}>
              Load more
            </button>
          ) : null}
          <ExportSection client={client} policy={policy} jobs={jobs} scope={{ kind: 'search', query: results.query }} downloadUrl={downloadUrl} action="Export these" />
        </>
      )}
    </div>
  );
}
