import { useCallback, useEffect, useRef, useState } from 'react';
import type { Map as MapLibreMap } from 'maplibre-gl';
import { distanceMetres, type LatLon } from '../../../shared/geo';
import type { GeofenceArea } from '../../../shared/rules';
import type { MeasurementColours } from '../../theme/map-palettes';
import { useMap } from '../map-context';
import { circleArea, closedPolygon, emptySketch, polygonClick, type AreaSketch, type DrawingSession } from './area-sketch';
import { enterPlacingMode } from './placing-mode';
import { formatKilometres } from './measurement-format';
import { useAreaLayers } from './use-area-layers';
import { usePointerPosition } from './use-pointer-position';

/** MapLibre's own class for a crosshair cursor over the map. */

interface AreaDrawToolProps {
  /** The area of the rule being edited, shown while its editor is open; null for none. */
  readonly area: GeofenceArea | null;
  /** The area the analyst is drawing, or null while they are not. */
  readonly drawing: DrawingSession | null;
  readonly onDrawn: (area: GeofenceArea) => void;
  readonly onCancel: () => void;
  readonly colours: MeasurementColours;
}

/** A sketch, with the drawing it belongs to. */
interface Sketched {
  readonly session: number;
  readonly sketch: AreaSketch;
}

/**
 * A geofence's area on the map, and drawing one: a polygon corner by corner (a double-click, or
 * a click on the first corner, closes it) or a circle by its centre and a point on its edge. Esc
 * cancels.
 */
export function AreaDrawTool(props: AreaDrawToolProps) {
  const map = useMap();
  return map === null ? null : <AreaDrawToolOnMap map={map} {...props} />;
}

function AreaDrawToolOnMap({ map, area, drawing, onDrawn, onCancel, colours }: AreaDrawToolProps & { readonly map: MapLibreMap }) {
  const [sketched, setSketched] = useState<Sketched | null>(null);
  // Clicks read the sketch as it is now, not as it was when the listener was added.
  const sketchedNow = useRef<Sketched | null>(null);
  const sketch = drawing === null ? null : sketched?.session === drawing.id ? sketched.sketch : emptySketch(drawing.shape);
  const pointer = usePointerPosition(map, drawing !== null);
  useAreaLayers(map, area, sketch, drawing === null ? null : pointer, colours);

  const replaceSketch = useCallback((next: Sketched) => {
    sketchedNow.current = next;
    setSketched(next);
  }, []);

  useEffect(() => {
    if (drawing === null) return;
    const current = (): AreaSketch => (sketchedNow.current?.session === drawing.id ? sketchedNow.current.sketch : emptySketch(drawing.shape));
    let finished = false;
    const finish = (drawn: GeofenceArea | null): void => {
      // The second click of a double-click on the first corner arrives after the polygon closed.
      if (drawn === null || finished) return;
      finished = true;
      onDrawn(drawn);
    };
    const pixelsBetween = (from: LatLon, to: LatLon): number => map.project([from.lon, from.lat]).dist(map.project([to.lon, to.lat]));
    const clicks = map.on('click', (event) => {
      const point = { lat: event.lngLat.lat, lon: event.lngLat.lng };
      const sketchNow = current();
      if (sketchNow.shape === 'polygon') {
        const outcome = polygonClick(sketchNow.corners, point, (corner) => pixelsBetween(corner, point));
        if (outcome.kind === 'add') replaceSketch({ session: drawing.id, sketch: { shape: 'polygon', corners: outcome.corners } });
        if (outcome.kind === 'close') finish(outcome.area);
      } else if (sketchNow.centre === null) {
        replaceSketch({ session: drawing.id, sketch: { shape: 'circle', centre: point } });
      } else {
        finish(circleArea(sketchNow.centre, point));
      }
    });
    const doubleClicks = map.on('dblclick', () => {
      const sketchNow = current();
      if (sketchNow.shape === 'polygon') finish(areaOf(sketchNow.corners));
    });
    // The double-click that closes a polygon must not also zoom the map in.
    const leavePlacingMode = enterPlacingMode(map, onCancel);
    return () => {
      clicks.unsubscribe();
      doubleClicks.unsubscribe();
      leavePlacingMode();
    };
  }, [map, drawing, onDrawn, onCancel, replaceSketch]);

  if (sketch === null) return null;
  const corners = sketch.shape === 'polygon' ? sketch.corners : [];
  const closable = areaOf(corners);
  return (
    <section className="area-draw-panel" aria-label="Drawing a geofence" data-testid="area-draw-panel" data-corners={corners.length}>
      <p className="measurement-hint" role="status">
        {drawingHint(sketch, pointer)}
      </p>
      <div className="area-draw-actions">
        {sketch.shape === 'polygon' ? (
          <button
            type="button"
            className="map-tool-button"
            data-testid="area-draw-finish"
            disabled={closable === null}
            onClick={() => {
              if (closable !== null) onDrawn(closable);
            }}
          >
            Close the polygon
          </button>
        ) : null}
        <button type="button" className="map-tool-button" data-testid="area-draw-cancel" onClick={onCancel}>
          Cancel
        </button>
      </div>
    </section>
  );
}

function areaOf(corners: readonly LatLon[]): GeofenceArea | null {
  const outcome = closedPolygon(corners);
  return outcome.kind === 'close' ? outcome.area : null;
}

function drawingHint(sketch: AreaSketch, pointer: LatLon | null): string {
  if (sketch.shape === 'circle') {
    if (sketch.centre === null) return 'Click the centre of the circle. Esc cancels.';
    const radius = pointer === null ? '' : ` Radius ${formatKilometres(distanceMetres(sketch.centre, pointer))}.`;
    return `Click a point on the circle’s edge.${radius} Esc cancels.`;
  }
  if (sketch.corners.length < 3) return 'Click the corners of the area, at least three. Esc cancels.';
  return 'Click the next corner. Double-click, or click the first corner, to close the area. Esc cancels.';
}
