import { useState } from 'react';
import type { Map as MapLibreMap } from 'maplibre-gl';
import type { Client } from '../../client';
import { useMayCall } from '../../security/role-context';
import { AddBasemapForm } from './AddBasemapForm';
import { BasemapOption } from './BasemapOption';
import { useBasemapCatalogue } from './use-basemap-catalogue';
import { useShownBasemap } from './use-shown-basemap';
import { PanelToggleButton } from '../tools/PanelToggleButton';

interface BasemapSwitcherProps {
  readonly map: MapLibreMap;
  readonly client: Client;
}

/** Picks the basemap under the tracks: bundled Natural Earth or an offline tile package added from disk. */
export function BasemapSwitcher({ map, client }: BasemapSwitcherProps) {
  const [open, setOpen] = useState(false);
  const catalogue = useBasemapCatalogue(client);
  const [shownId, choose] = useShownBasemap(map, catalogue.basemaps);
  const mayAdd = useMayCall('basemaps.add');

  return (
    <div className="basemap-switcher">
      <PanelToggleButton
        label="Basemap"
        iconPath="M12 3 2 8l10 5 10-5z M2 12l10 5 10-5 M2 16l10 5 10-5"
        open={open}
        onToggle={() => setOpen((wasOpen) => !wasOpen)}
        titles={{ closed: mayAdd ? 'Choose the basemap under the tracks, or add an offline tile package' : 'Choose the basemap under the tracks', open: 'Close the basemap list' }}
        testId="basemap-button"
      />
      {open ? (
        <div className="basemap-panel" data-testid="basemap-panel">
          {catalogue.listProblem !== null ? <p className="basemap-problem" role="alert">{catalogue.listProblem}</p> : null}
          {catalogue.basemaps === null ? (
            catalogue.listProblem === null ? <p className="basemap-hint">Reading the basemaps…</p> : null
          ) : (
            <ul className="basemap-list" aria-label="Basemaps">
              {catalogue.basemaps.map((basemap) => (
                <BasemapOption key={basemap.id} basemap={basemap} shown={basemap.id === shownId} onChoose={choose} onRemove={catalogue.remove} />
              ))}
            </ul>
          )}
          {mayAdd ? <AddBasemapForm onAdd={catalogue.add} onChoose={catalogue.choosePackage} /> : null}
        </div>
      ) : null}
    </div>
  );
}
