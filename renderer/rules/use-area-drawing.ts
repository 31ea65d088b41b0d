import { useCallback, useMemo, useRef, useState } from 'react';
import type { GeofenceArea } from '../../shared/rules';
import type { AreaShape, DrawingSession } from '../map/tools/area-sketch';

/**
 * A geofence's area between the rule editor in the side panel and the map, which are far apart
 * in the page: the editor shows its area and asks for one to be drawn; the map draws it and
 * hands the drawn area back.
 */
export interface AreaDrawing {
  /** The area being drawn on the map, or null while none is. */
  readonly drawing: DrawingSession | null;
  /** The area of the rule open in the editor, drawn on the map; null for none. */
  readonly shownArea: GeofenceArea | null;
  readonly show: (area: GeofenceArea | null) => void;
  /** Starts drawing; `onDrawn` receives the area once the analyst closes it. */
  readonly start: (shape: AreaShape, onDrawn: (area: GeofenceArea) => void) => void;
  readonly finish: (area: GeofenceArea) => void;
  readonly cancel: () => void;
}

export function useAreaDrawing(): AreaDrawing {
  const [drawing, setDrawing] = useState<DrawingSession | null>(null);
  const [shownArea, setShownArea] = useState<GeofenceArea | null>(null);
  const receiver = useRef<((area: GeofenceArea) => void) | null>(null);
  const sessions = useRef(0);

  const start = useCallback((shape: AreaShape, onDrawn: (area: GeofenceArea) => void) => {
    receiver.current = onDrawn;
    sessions.current += 1;
    setDrawing({ shape, id: sessions.current });
  }, []);
  const finish = useCallback((area: GeofenceArea) => {
    receiver.current?.(area);
    receiver.current = null;
    setDrawing(null);
  }, []);
  const cancel = useCallback(() => {
    receiver.current = null;
    setDrawing(null);
  }, []);

  return useMemo(() => ({ drawing, shownArea, show: setShownArea, start, finish, cancel }), [drawing, shownArea, start, finish, cancel]);
}
