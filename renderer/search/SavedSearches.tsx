import { useCallback, useEffect, useState } from 'react';
import type { SavedSearch, SearchQuery } from '../../shared/search';
import type { Client } from '../client';
import { useMayCall } from '../security/role-context';

interface SavedSearchesProps {
  readonly client: Client;
  /** The query the form holds now, or null while it does not make one. */
  readonly query: SearchQuery | null;
  readonly onRun: (query: SearchQuery) => void;
}

/** Searches kept by name: saved from the form, run again with a click. */
export function SavedSearches({ client, query, onRun }: SavedSearchesProps) {
  const [saved, setSaved] = useState<readonly SavedSearch[]>([]);
  const [name, setName] = useState('');
  const [problem, setProblem] = useState<string | null>(null);
  const maySave = useMayCall('search.saved.save');
  const mayRemove = useMayCall('search.saved.remove');

  const read = useCallback(() => {
    void client.call('search.saved.list', {}).then((answer) => {
      if (answer.ok) setSaved(answer.value);
      else setProblem(answer.error.message);
    });
  }, [client]);
  useEffect(read, [read]);

  const save = (): void => {
    if (query === null) return;
    void client.call('search.saved.save', { name, query }).then((answer) => {
      if (!answer.ok) return setProblem(answer.error.message);
      setName('');
      setProblem(null);
      read();
    });
  };
  const remove = (id: string): void => {
    void client.call('search.saved.remove', { id }).then((answer) => (answer.ok ? read() : setProblem(answer.error.message)));
  };

  return (
    <section className="saved-searches" aria-label="Saved searches">
      {maySave ? (
        <div className="saved-search-save">
          <input type="text" data-testid="saved-search-name" aria-label="Name for this search" placeholder="Name this search" value={name} onChange={(event) => setName(event.target.value)} />
          <button type="button" data-testid="saved-search-save" disabled={query === null || name.trim() === ''} onClick={save}>
            Save search
          </button>
        </div>
      ) : null}
      {problem === null ? null : (
        <p className="form-problem" role="alert">
          {problem}
        </p>
      )}
      <ul>
        {saved.map((search) => (
          <li key={search.id} data-testid="saved-search">
            <button
              type="button"
              className="link-button"
              data-testid="saved-search-run"
              disabled={search.query === null}
              title={search.problem ?? undefined}
              onClick={() => {
                if (search.query !== null) onRun(search.query);
              }}
            >
              {search.name}
            </button>
            {search.problem === null ? null : <span className="form-problem">{search.problem}</span>}
            {mayRemove ? (
              <button type="button" data-testid="saved-search-remove" aria-label={`Delete ${search.name}`} onClick={() => remove(search.id)}>
                Delete
              </button>
            ) : null}
          </li>
        ))}
      </ul>
    </section>
  );
}
