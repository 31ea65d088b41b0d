import { useState, type FormEvent } from 'react';
import type { Result } from '../../../shared/result';

interface AddBasemapFormProps {
  /** Answers the core's sentence when it refuses the file, else null. */
  readonly onAdd: (path: string) => Promise<string | null>;
  /** Opens the host's file dialog and answers the chosen path, or null if cancelled; null where the host has no dialog. */
  readonly onChoose: (() => Promise<Result<string | null>>) | null;
}

/**
 * Adds a tile package by its absolute path. The path is typed in, or, where the host has a file
 * dialog (the desktop app), chosen with Browse… and then added with Add like a typed one, so the
 * analyst sees which file it is first. The web host's browser has no dialog that gives a path.
 * The core's own sentence is shown when it refuses the file.
 */
export function AddBasemapForm({ onAdd, onChoose }: AddBasemapFormProps) {
  const [path, setPath] = useState('');
  const [adding, setAdding] = useState(false);
  const [choosing, setChoosing] = useState(false);
  const [problem, setProblem] = useState<string | null>(null);

  const submit = async (event: FormEvent): Promise<void> => {
    event.preventDefault();
    setAdding(true);
    const refused = await onAdd(path.trim());
    setAdding(false);
    setProblem(refused);
    if (refused === null) setPath('');
  };

  const choose = async (chooseInDialog: () => Promise<Result<string | null>>): Promise<void> => {
    setChoosing(true);
    const chosen = await chooseInDialog();
    setChoosing(false);
    if (!chosen.ok) {
      setProblem(chosen.error.message);
    } else if (chosen.value !== null) {
      setPath(chosen.value);
      setProblem(null);
    }
  };

  return (
    <form className="basemap-add" onSubmit={(event) => void submit(event)}>
      <label htmlFor="basemap-path">
        {onChoose === null ? 'Add an MBTiles or PMTiles file by its full path' : 'Add an MBTiles or PMTiles file: browse for it or type its full path'}
      </label>
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
        {onChoose === null ? null : (
          <button type="button" data-testid="basemap-browse" disabled={adding || choosing} onClick={() => void choose(onChoose)}>
            Browse…
          </button>
        )}
        <button type="submit" data-testid="basemap-add" disabled={adding || choosing || path.trim() === ''}>
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
