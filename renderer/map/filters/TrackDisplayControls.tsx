import type { Map as MapLibreMap } from 'maplibre-gl';
import type { Track } from '../../../shared/domain';
import type { Client } from '../../client';
import type { Replay } from '../../review/replay';
import { useReviewTrailRestarts } from '../../review/use-review-trail-restarts';
import type { TrackView } from '../../tracks/track-store';
import { useMap } from '../map-context';
import { useStoredChoice } from '../tools/use-stored-choice';
import { TRAIL_LAYER } from '../trails/trail-layer';
import { DEFAULT_TRAIL_MINUTES, TRAIL_MINUTE_CHOICES, TRAIL_MINUTES_STORAGE_KEY, trailMaxAgeMs } from '../trails/trail-length';
import { useTrailTestHooks } from '../trails/trail-test-hooks';
import { useTrails } from '../trails/use-trails';
import { LayersControl } from './LayersControl';
import type { TrackFilter } from './track-filter';
import { TrackFilterControl } from './TrackFilterControl';
import { useLayerVisibility } from './use-layer-visibility';
import { useTrackFilterOnMap } from './use-track-filter-on-map';

interface TrackDisplayControlsProps {
  readonly client: Client;
  readonly store: TrackView;
  /** Review's clock and frames: trails age by the moment shown and start again at each seek. */
  readonly replay: Replay;
  readonly tracks: readonly Track[];
  readonly filter: TrackFilter;
  readonly onFilterChange: (filter: TrackFilter) => void;
  readonly clustered: boolean;
  readonly onClusteredChange: (clustered: boolean) => void;
  /** Installs window.__outpostTrails for the end-to-end tests. */
  readonly testHooks: boolean;
}

/** The track layers draw only what the filter lets through from their source; the trails follow by layer filter. */
const FILTERED_LAYER_IDS = [TRAIL_LAYER];

/** What the map shows of the tracks: the filter, the layer toggles and the trails. */
export function TrackDisplayControls(props: TrackDisplayControlsProps) {
  const map = useMap();
  return map === null ? null : <ControlsOnLoadedMap map={map} {...props} />;
}

function ControlsOnLoadedMap({ map, client, store, replay, tracks, filter, onFilterChange, clustered, onClusteredChange, testHooks }: TrackDisplayControlsProps & { readonly map: MapLibreMap }) {
  const [trailMinutes, setTrailMinutes] = useStoredChoice(TRAIL_MINUTES_STORAGE_KEY, TRAIL_MINUTE_CHOICES, DEFAULT_TRAIL_MINUTES);
  // The trail layer comes first, so the visibility and the filter find it in place.
  const restarts = useReviewTrailRestarts(map, client, replay, store, Number(trailMinutes));
  useTrails(map, store, trailMaxAgeMs(trailMinutes), replay.viewTime, restarts);
  const [visibility, toggleLayer] = useLayerVisibility(map);
  useTrackFilterOnMap(map, store, filter, FILTERED_LAYER_IDS);
  useTrailTestHooks(map, testHooks);
  return (
    <div className="track-display-toolbar">
      <TrackFilterControl filter={filter} onChange={onFilterChange} tracks={tracks} />
      <LayersControl
        visibility={visibility}
        onToggle={toggleLayer}
        clustered={clustered}
        onClusteredChange={onClusteredChange}
        trailMinutes={trailMinutes}
        onTrailMinutesChange={setTrailMinutes}
      />
    </div>
  );
}
