import { useEffect, useMemo } from 'react';
import type { Map as MapLibreMap } from 'maplibre-gl';
import { MAX_TRAIL_MINUTES, type Bounds, type ReviewTrail } from '../../shared/review';
import type { Client } from '../client';
import type { Trail } from '../map/trails/trail-buffer';
import { trailViewOf, type TrailRestarts } from '../map/trails/use-trails';
import type { TrackView } from '../tracks/track-store';
import type { Replay } from './replay';

/**
 * Where the trails start again: after each review frame, from the cache's trails up to that
 * moment for the tracks in view; and on the way back to live, from nothing, so no line joins
 * the past to the present.
 */
export function useReviewTrailRestarts(map: MapLibreMap, client: Client, replay: Replay, tracks: TrackView, trailMinutes: number): TrailRestarts {
  const hub = useMemo(() => trailRestartHub(), []);

  useEffect(() => {
    const { restart } = hub;
    let latestFrame = 0;
    const stopFrames = replay.onFrame((at) => {
      latestFrame += 1;
      const asked = latestFrame;
      restart([]);
      const minutes = Math.min(MAX_TRAIL_MINUTES, Math.max(1, Math.round(trailMinutes)));
      void client.call('review.trails', { at, minutes, bounds: worldBounds(trailViewOf(map).bounds) }).then((answer) => {
        if (answer.ok && asked === latestFrame && replay.state().mode === 'review') restart(trailsOf(answer.value, tracks));
      });
    });
    let mode = replay.state().mode;
    const stopModes = replay.subscribe(() => {
      const next = replay.state().mode;
      if (next === mode) return;
      mode = next;
      if (next === 'live') restart([]);
    });
    return () => {
      stopFrames();
      stopModes();
    };
  }, [map, client, replay, tracks, trailMinutes, hub]);

  return hub.restarts;
}

function trailRestartHub(): { readonly restarts: TrailRestarts; readonly restart: (trails: readonly Trail[]) => void } {
  const listeners = new Set<(trails: readonly Trail[]) => void>();
  return {
    restarts: {
      subscribe(listener) {
        listeners.add(listener);
        return () => listeners.delete(listener);
      },
    },
    restart(trails) {
      for (const listener of listeners) listener(trails);
    },
  };
}

/** The view widened by its margin may run past the poles or the date line; the cache's bounds may not. */
function worldBounds(bounds: Bounds): Bounds {
  const crossesWholeWorld = bounds.east - bounds.west >= 360;
  return {
    west: crossesWholeWorld ? -180 : Math.max(-180, bounds.west),
    east: crossesWholeWorld ? 180 : Math.min(180, bounds.east),
    south: Math.max(-90, bounds.south),
    north: Math.min(90, bounds.north),
  };
}

/** A trail takes its colour from its track as the frame shows it; a trail with no track there is not drawn. */
function trailsOf(trails: readonly ReviewTrail[], tracks: TrackView): Trail[] {
  return trails.flatMap((trail) => {
    const track = tracks.get(trail.uid);
    if (track === undefined) return [];
    return [{ uid: trail.uid, affiliation: track.affiliation, dimension: track.dimension, points: trail.points.map(([lon, lat, time]) => ({ lon, lat, time })) }];
  });
}
