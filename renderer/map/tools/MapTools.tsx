import type { Map as MapLibreMap } from 'maplibre-gl';
import type { Client } from '../../client';
import { mapPalettes } from '../../theme/map-palettes';
import type { Theme } from '../../theme/themes';
import { useBasemapTheme } from '../../theme/use-basemap-theme';
import { BasemapSwitcher } from '../basemaps/BasemapSwitcher';
import { useMap } from '../map-context';
import { CoordinateReadout } from './CoordinateReadout';
import { MeasureTool } from './MeasureTool';
import { useMapToolTestHooks } from './tool-test-hooks';
import { useMapControls } from './use-map-controls';

interface MapToolsProps {
  readonly client: Client;
  readonly theme: Theme;
  /** Installs window.__outpostMapTools for the end-to-end tests. */
  readonly testHooks: boolean;
}

/** The analyst's tools over the map: measure, basemap switcher, cursor readout, scale bars, compass, and the theme's map colours. */
export function MapTools(props: MapToolsProps) {
  const map = useMap();
  return map === null ? null : <ToolsOnLoadedMap map={map} {...props} />;
}

function ToolsOnLoadedMap({ map, client, theme, testHooks }: MapToolsProps & { readonly map: MapLibreMap }) {
  useMapControls(map);
  useBasemapTheme(map, theme);
  useMapToolTestHooks(map, testHooks);
  return (
    <>
      <div className="map-toolbar">
        <MeasureTool map={map} colours={mapPalettes[theme].measurement} />
        <BasemapSwitcher map={map} client={client} />
      </div>
      <CoordinateReadout map={map} />
    </>
  );
}
