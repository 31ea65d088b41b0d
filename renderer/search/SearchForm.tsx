import type { FormEvent } from 'react';
import { AFFILIATIONS } from '../../shared/cot-type';
import type { AreaDrawing } from '../rules/use-area-drawing';
import { areaOfBounds, boundsOfArea } from './area-bounds';
import type { SearchFields } from './search-form-model';

interface SearchFormProps {
  readonly fields: SearchFields;
  readonly onChange: (fields: SearchFields) => void;
  readonly onSubmit: () => void;
  readonly areaDrawing: AreaDrawing;
}

type TextField = 'text' | 'callsign' | 'uid' | 'types' | 'topics' | 'sources' | 'from' | 'to';

const TEXT_FIELDS: readonly { readonly id: TextField; readonly label: string; readonly placeholder: string }[] = [
  { id: 'text', label: 'Free text', placeholder: 'words in remarks or text' },
  { id: 'callsign', label: 'Callsign', placeholder: 'RAPTOR 3' },
  { id: 'uid', label: 'UID', placeholder: 'exact uid' },
  { id: 'types', label: 'Type prefixes', placeholder: 'a-h-A, a-f-G' },
  { id: 'topics', label: 'Topics', placeholder: 'comma-separated' },
  { id: 'sources', label: 'Sources', placeholder: 'comma-separated' },
  { id: 'from', label: 'From (UTC)', placeholder: 'YYYY-MM-DD HH:MM:SSZ' },
  { id: 'to', label: 'To (UTC)', placeholder: 'YYYY-MM-DD HH:MM:SSZ' },
];

/** What to look for; every field given must match. */
export function SearchForm({ fields, onChange, onSubmit, areaDrawing }: SearchFormProps) {
  const submit = (event: FormEvent): void => {
    event.preventDefault();
    onSubmit();
  };
  const drawArea = (): void => {
    if (areaDrawing.drawing !== null) return areaDrawing.cancel();
    areaDrawing.start('polygon', (area) => {
      const bounds = boundsOfArea(area);
      areaDrawing.show(areaOfBounds(bounds));
      onChange({ ...fields, area: bounds });
    });
  };
  const clearArea = (): void => {
    areaDrawing.show(null);
    onChange({ ...fields, area: null });
  };

  return (
    <form className="search-form" onSubmit={submit} aria-label="Search the cache">
      {TEXT_FIELDS.map((field) => (
        <label key={field.id}>
          {field.label}
          <input type="text" data-testid={`search-${field.id}`} placeholder={field.placeholder} value={fields[field.id]} onChange={(event) => onChange({ ...fields, [field.id]: event.target.value })} />
        </label>
      ))}
      <fieldset className="search-affiliations">
        <legend>Affiliations</legend>
        {AFFILIATIONS.map((affiliation) => (
          <label key={affiliation}>
            <input
              type="checkbox"
              data-testid={`search-affiliation-${affiliation}`}
              checked={fields.affiliations.includes(affiliation)}
              onChange={(event) =>
                onChange({ ...fields, affiliations: event.target.checked ? [...fields.affiliations, affiliation] : fields.affiliations.filter((kept) => kept !== affiliation) })
              }
            />
            {affiliation}
          </label>
        ))}
      </fieldset>
      <div className="search-area">
        <span data-testid="search-area">
          {fields.area === null
            ? 'Anywhere'
            : `${fields.area.south.toFixed(3)}…${fields.area.north.toFixed(3)}° N, ${fields.area.west.toFixed(3)}…${fields.area.east.toFixed(3)}° E`}
        </span>
        <button type="button" data-testid="search-draw-area" aria-pressed={areaDrawing.drawing !== null} onClick={drawArea}>
          {areaDrawing.drawing === null ? 'Draw an area' : 'Drawing… (Esc cancels)'}
        </button>
        {fields.area === null ? null : (
          <button type="button" data-testid="search-clear-area" onClick={clearArea}>
            Anywhere
          </button>
        )}
      </div>
      <button type="submit" data-testid="search-run">
        Search
      </button>
    </form>
  );
}
