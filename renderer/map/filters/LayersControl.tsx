import { useState } from 'react';
import { DEFAULT_TRAIL_MINUTES, TRAIL_MINUTE_CHOICES, type TrailMinutes } from '../trails/trail-length';
import { LAYER_TOGGLE_NAMES, LAYER_TOGGLES, type LayerToggle, type LayerVisibility } from './layer-visibility';
import { PanelToggleButton } from '../tools/PanelToggleButton';

interface LayersControlProps {
  readonly visibility: LayerVisibility;
  readonly onToggle: (toggle: LayerToggle, shown: boolean) => void;
  readonly clustered: boolean;
  readonly onClusteredChange: (clustered: boolean) => void;
  readonly trailMinutes: TrailMinutes;
  readonly onTrailMinutesChange: (minutes: TrailMinutes) => void;
}

/** Shows or hides the track symbols, callsigns, trails and selection ring, groups dense tracks, and sets how far back trails reach. */
export function LayersControl({ visibility, onToggle, clustered, onClusteredChange, trailMinutes, onTrailMinutesChange }: LayersControlProps) {
  const [open, setOpen] = useState(false);
  return (
    <div className="layers-control">
      <PanelToggleButton
        label="Layers"
        iconPath="M2 12s4-7 10-7 10 7 10 7-4 7-10 7S2 12 2 12z M12 9a3 3 0 1 0 0 6 3 3 0 0 0 0-6z"
        open={open}
        onToggle={() => setOpen((wasOpen) => !wasOpen)}
        titles={{ closed: 'Show or hide track symbols, callsigns, trails and the selection ring', open: 'Close the layer list' }}
        testId="layers-button"
      />
      {open ? (
        <div className="map-tool-panel layers-panel" data-testid="layers-panel">
          {LAYER_TOGGLES.map((toggle) => (
            <label key={toggle}>
              <input type="checkbox" checked={visibility[toggle]} data-testid={`layer-toggle-${toggle}`} onChange={(event) => onToggle(toggle, event.target.checked)} />
              {LAYER_TOGGLE_NAMES[toggle]}
            </label>
          ))}
          <label title="Below zoom 8, tracks that crowd together are drawn as one circle with their count; click it to close in">
            <input type="checkbox" checked={clustered} data-testid="cluster-toggle" onChange={(event) => onClusteredChange(event.target.checked)} />
            Group dense tracks when zoomed out
          </label>
          <label className="trail-length">
            Trails reach back
            <select value={trailMinutes} data-testid="trail-minutes" onChange={(event) => onTrailMinutesChange(asTrailMinutes(event.target.value))}>
              {TRAIL_MINUTE_CHOICES.map((minutes) => (
                <option key={minutes} value={minutes}>
                  {minutes === '1' ? '1 minute' : `${minutes} minutes`}
                </option>
              ))}
            </select>
          </label>
        </div>
      ) : null}
    </div>
  );
}

function asTrailMinutes(value: string): TrailMinutes {
  return TRAIL_MINUTE_CHOICES.find((minutes) => minutes === value) ?? DEFAULT_TRAIL_MINUTES;
}
