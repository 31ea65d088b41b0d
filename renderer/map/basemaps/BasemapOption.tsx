import { useState } from 'react';
import { BUNDLED_BASEMAP_ID, type Basemap } from '../../../shared/basemaps';
import { useMayCall } from '../../security/role-context';
import { isSelectable } from './basemap-choice';

interface BasemapOptionProps {
  readonly basemap: Basemap;
  readonly shown: boolean;
  readonly onChoose: (id: string) => void;
  /** Answers the core's sentence when the package could not be removed, else null. */
  readonly onRemove: (id: string) => Promise<string | null>;
}

/** One basemap in the list: a radio button to show it and, for an added package, a remove button that asks first. */
export function BasemapOption({ basemap, shown, onChoose, onRemove }: BasemapOptionProps) {
  const [confirming, setConfirming] = useState(false);
  const [problem, setProblem] = useState<string | null>(null);
  const selectable = isSelectable(basemap);
  const mayRemove = useMayCall('basemaps.remove');
  const removable = mayRemove && basemap.id !== BUNDLED_BASEMAP_ID;

  const remove = async (): Promise<void> => {
    const refused = await onRemove(basemap.id);
    setProblem(refused);
    if (refused !== null) setConfirming(false);
  };

  return (
    <li className="basemap-option" data-testid="basemap-option" data-basemap-id={basemap.id}>
      <label className={selectable ? undefined : 'unavailable'}>
        <input type="radio" name="basemap" checked={shown} disabled={!selectable} onChange={() => onChoose(basemap.id)} />
        <span className="basemap-name">{basemap.name}</span>
        {basemap.tileType === null ? null : <span className="basemap-kind">{basemap.tileType}</span>}
      </label>
      {basemap.unavailableReason === null ? null : <p className="basemap-reason">{basemap.unavailableReason}</p>}
      {removable && !confirming ? (
        <button type="button" className="basemap-remove" data-testid="basemap-remove" title={`Remove ${basemap.name} from Outpost`} onClick={() => setConfirming(true)}>
          Remove
        </button>
      ) : null}
      {confirming ? (
        <div className="basemap-confirm" role="group" aria-label={`Remove ${basemap.name}?`}>
          <span>Remove {basemap.name}? The file itself stays on disk.</span>
          <button type="button" data-testid="basemap-remove-confirm" onClick={() => void remove()}>
            Remove
          </button>
          <button type="button" onClick={() => setConfirming(false)}>
            Keep
          </button>
        </div>
      ) : null}
      {problem === null ? null : <p className="basemap-problem" role="alert">{problem}</p>}
    </li>
  );
}
