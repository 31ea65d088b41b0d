import type { Map as MapLibreMap } from 'maplibre-gl';
import { CLUSTER_LAYER } from './track-clusters';
import { LABEL_LAYER, SELECTION_LAYER, TRACK_LAYER } from './track-layers';

export interface RenderedSymbol {
  uid: string;
  affiliation: string;
  sidc: string;
  stale: string;
}

/**
 * The track symbols the map has actually placed in the viewport, one per track. A point near a
 * tile edge can be reported by two tiles, hence the de-duplication by uid.
 */
export function renderedSymbols(map: MapLibreMap): RenderedSymbol[] {
  const byUid = new Map<string, RenderedSymbol>();
  for (const { properties } of map.queryRenderedFeatures({ layers: [TRACK_LAYER] })) {
    const uid = String(properties['uid']);
    byUid.set(uid, {
      uid,
      affiliation: String(properties['affiliation']),
      sidc: String(properties['sidc']),
      stale: String(properties['stale']),
    });
  }
  return [...byUid.values()];
}

/** How many distinct tracks have their callsign placed: labels give way where they would collide. */
export function renderedLabelCount(map: MapLibreMap): number {
  return renderedUids(map, LABEL_LAYER).length;
}

/** The tracks the selection halo is drawn around. */
export function renderedSelection(map: MapLibreMap): string[] {
  return renderedUids(map, SELECTION_LAYER);
}

/** Where a position is drawn, in the page's client coordinates, as a pointer would reach it. */
export function screenPointOf(map: MapLibreMap, lon: number, lat: number): { x: number; y: number } {
  const point = map.project([lon, lat]);
  const box = map.getContainer().getBoundingClientRect();
  return { x: box.left + point.x, y: box.top + point.y };
}

function renderedUids(map: MapLibreMap, layer: string): string[] {
  return [...new Set(map.queryRenderedFeatures({ layers: [layer] }).map(({ properties }) => String(properties['uid'])))];
}

export interface RenderedCluster {
  id: number;
  count: number;
  /** Where it is drawn, in the page's client coordinates. */
  x: number;
  y: number;
  /** Members by affiliation, as the cluster's ring reads them. */
  hostile: number;
  friend: number;
  neutral: number;
  unknown: number;
}

/** The clusters drawn in the viewport, each once though it may straddle tiles. */
export function renderedClusters(map: MapLibreMap): RenderedCluster[] {
  const byId = new Map<number, RenderedCluster>();
  for (const { properties, geometry } of map.queryRenderedFeatures({ layers: [CLUSTER_LAYER] })) {
    if (geometry.type !== 'Point') continue;
    const id = Number(properties['cluster_id']);
    const [lon = 0, lat = 0] = geometry.coordinates;
    byId.set(id, {
      id,
      count: Number(properties['point_count']),
      ...screenPointOf(map, lon, lat),
      hostile: Number(properties['hostile']),
      friend: Number(properties['friend']),
      neutral: Number(properties['neutral']),
      unknown: Number(properties['unknown']),
    });
  }
  return [...byId.values()];
}
