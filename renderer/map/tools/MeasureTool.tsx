import { useCallback, useEffect, useState } from 'react';
import type { Map as MapLibreMap } from 'maplibre-gl';
import type { LatLon } from '../../../shared/geo';
import type { MeasurementColours } from '../../theme/map-palettes';
import { enterPlacingMode } from './placing-mode';
import { MeasurementPanel } from './MeasurementPanel';
import { useMeasurementLayers } from './use-measurement-layers';
import { usePointerPosition } from './use-pointer-position';

/** MapLibre's own class for a crosshair cursor over the map. */

interface MeasureToolProps {
  readonly map: MapLibreMap;
  readonly colours: MeasurementColours;
}

/**
 * Distance and bearing: while on, each click on the map adds a point to a path; Esc or the button
 * ends the measurement and clears it.
 */
export function MeasureTool({ map, colours }: MeasureToolProps) {
  const [measuring, setMeasuring] = useState(false);
  const [points, setPoints] = useState<readonly LatLon[]>([]);
  const pointer = usePointerPosition(map, measuring);
  useMeasurementLayers(map, points, pointer, colours);

  const finish = useCallback(() => {
    setMeasuring(false);
    setPoints([]);
  }, []);

  useEffect(() => {
    if (!measuring) return;
    const clicks = map.on('click', (event) => setPoints((previous) => [...previous, { lat: event.lngLat.lat, lon: event.lngLat.lng }]));
    const leavePlacingMode = enterPlacingMode(map, finish);
    return () => {
      clicks.unsubscribe();
      leavePlacingMode();
    };
  }, [map, measuring, finish]);

  return (
    <div className="measure-tool">
      <button
        type="button"
        className="map-tool-button"
        aria-pressed={measuring}
        data-testid="measure-button"
        title={measuring ? 'End the measurement (Esc)' : 'Measure distance and bearing between points on the map'}
        onClick={() => (measuring ? finish() : setMeasuring(true))}
      >
        <svg viewBox="0 0 24 24" width="16" height="16" aria-hidden="true">
          <path d="M3 17 17 3l4 4L7 21z M7 13l2 2 M10 10l2 2 M13 7l2 2" fill="none" stroke="currentColor" strokeWidth="1.6" strokeLinejoin="round" />
        </svg>
        Measure
      </button>
      {measuring ? <MeasurementPanel points={points} pointer={pointer} /> : null}
    </div>
  );
}
