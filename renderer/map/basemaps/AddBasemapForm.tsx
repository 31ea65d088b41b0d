import { useState, type FormEvent } from 'react';

interface AddBasemapFormProps {
  /** Answers the core's sentence when it refuses the file, else null. */
  readonly onAdd: (path: string) => Promise<string | null>;
}

/**
 * Adds a tile package by its absolute path, typed in: the web host's browser has no file dialog
 * that gives a path. The core's own sentence is shown when it refuses the file.
 */
export function AddBasemapForm({ onAdd }: AddBasemapFormProps) {
  const [path, setPath] = useState('');
  const [adding, setAdding] = useState(false);
  const [problem, setProblem] = useState<string | null>(null);

  const submit = async (event: FormEvent): Promise<void> => {
    event.preventDefault();
    setAdding(true);
    const refused = await onAdd(path.trim());
    setAdding(false);
    setProblem(refused);
    if (refused === null) setPath('');
  };

  return (
    <form className="basemap-add" onSubmit={(event) => void submit(event)}>
      <label htmlFor="basemap-path">Add an MBTiles or PMTiles file by its full path</label>
      <div className="basemap-add-row">
        <input
          id="basemap-path"
          type="text"
          data-testid="basemap-path"
          placeholder="/home/analyst/maps/area.mbtiles"
          spellCheck={false}
          autoComplete="off"
          value={path}
          onChange={(event) => setPath(event.target.value)}
        />
        <button type="submit" data-testid="basemap-add" disabled={adding || path.trim() === ''}>
          {adding ? 'Adding…' : 'Add'}
        </button>
      </div>
      {problem === null ? null : (
        <p className="basemap-problem" role="alert" data-testid="basemap-add-problem">
          {problem}
        </p>
      )}
    </form>
  );
}
