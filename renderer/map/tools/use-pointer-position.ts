import { useEffect, useState } from 'react';
import type { Map as MapLibreMap } from 'maplibre-gl';
import type { LatLon } from '../../../shared/geo';

/**
 * Where the pointer is over the map, or null while it is elsewhere. Longitudes are as MapLibre
 * gives them: beyond ±180° over a repeated copy of the world.
 */
export function usePointerPosition(map: MapLibreMap, listening = true): LatLon | null {
  const [position, setPosition] = useState<LatLon | null>(null);
  useEffect(() => {
    if (!listening) return;
    const moves = map.on('mousemove', (event) => setPosition({ lat: event.lngLat.lat, lon: event.lngLat.lng }));
    const leaves = map.on('mouseout', () => setPosition(null));
    return () => {
      moves.unsubscribe();
      leaves.unsubscribe();
      setPosition(null);
    };
  }, [map, listening]);
  return position;
}
