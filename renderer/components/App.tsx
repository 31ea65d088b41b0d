import { useCallback, useEffect, useMemo, useRef, useState } from 'react';
import type { ProfileStatus } from '../../shared/connections';
import type { AppStatus } from '../../shared/domain';
import { AlertBadge } from '../alerts/AlertBadge';
import { AlertsPanel } from '../alerts/AlertsPanel';
import { useAlertCounts } from '../alerts/use-alert-counts';
import { useAlertSound } from '../alerts/use-alert-sound';
import { useCriticalAlertSignals } from '../alerts/use-critical-alert-signals';
import { useOpenAlerts } from '../alerts/use-open-alerts';
import { useShowAlert } from '../alerts/use-show-alert';
import type { Client } from '../client';
import { ConnectionsPanel } from '../connections/ConnectionsPanel';
import { AlertRings } from '../map/AlertRings';
import { NO_TRACK_FILTER, trackFilterPredicate, type TrackFilter } from '../map/filters/track-filter';
import { TrackDisplayControls } from '../map/filters/TrackDisplayControls';
import { MapView, type MapHandle } from '../map/MapView';
import { AreaDrawTool } from '../map/tools/AreaDrawTool';
import { MapTools } from '../map/tools/MapTools';
import { OutboxPanel } from '../outbox/OutboxPanel';
import { useOutboxCounts, waitingToSend } from '../outbox/use-outbox-counts';
import { useAreaDrawing } from '../rules/use-area-drawing';
import { mapPalettes } from '../theme/map-palettes';
import { ThemeSwitch } from '../theme/ThemeSwitch';
import { useTheme } from '../theme/use-theme';
import { useStoredChoice } from '../map/tools/use-stored-choice';
import { TrackDetailCard } from '../tracks/TrackDetailCard';
import type { TrackStore } from '../tracks/track-store';
import { useTrackSnapshot } from '../tracks/use-track-snapshot';
import { SidePanel } from './SidePanel';
import { StatusBar } from './StatusBar';
import { TrackList } from './TrackList';

interface AppProps {
  readonly client: Client;
  readonly store: TrackStore;
  readonly onMapReady?: (handle: MapHandle) => void;
}

const STATUS_POLL_MS = 1000;
/** The map follows every batch; the list, the filter's choices and the count need not. */
const LIST_REFRESH_MS = 1000;

type SideTab = 'tracks' | 'connections' | 'outbox' | 'alerts';

const GROUPING_STORAGE_KEY = 'outpost.tracks.grouping';
const GROUPING_CHOICES = ['grouped', 'every-symbol'] as const;

/** The end-to-end tests open the page with `?testHooks` to reach the map tools' probes. */
const wantsMapToolTestHooks = (): boolean => new URLSearchParams(window.location.search).has('testHooks');

export function App({ client, store, onMapReady }: AppProps) {
  const tracks = useTrackSnapshot(store, LIST_REFRESH_MS);
  const [status, setStatus] = useState<AppStatus | null>(null);
  const [connections, setConnections] = useState<readonly ProfileStatus[]>([]);
  const [problem, setProblem] = useState<string | null>(null);
  const [selectedUid, setSelectedUid] = useState<string | null>(null);
  const [following, setFollowing] = useState(false);
  const [now, setNow] = useState(() => Date.now());
  const [sideTab, setSideTab] = useState<SideTab>('tracks');
  const [theme, setTheme] = useTheme();
  const [mapToolTestHooks] = useState(wantsMapToolTestHooks);
  const [trackFilter, setTrackFilter] = useState<TrackFilter>(NO_TRACK_FILTER);
  const showsTrack = useMemo(() => trackFilterPredicate(trackFilter), [trackFilter]);
  const [grouping, setGrouping] = useStoredChoice(GROUPING_STORAGE_KEY, GROUPING_CHOICES, 'grouped');
  const setClustered = useCallback((clustered: boolean) => setGrouping(clustered ? 'grouped' : 'every-symbol'), [setGrouping]);
  const outboxCounts = useOutboxCounts(client);
  const alertCounts = useAlertCounts(client);
  const openAlerts = useOpenAlerts(client);
  const [alertSound, setAlertSound] = useAlertSound();
  const areaDrawing = useAreaDrawing();

  useEffect(() => {
    const stopTracks = client.on('tracks.updated', (batch) => store.apply(batch.tracks));
    const stopRemovals = client.on('tracks.removed', ({ uids }) => store.remove(uids));
    const stopConnections = client.on('connections.changed', setConnections);
    void client.call('connections.status', {}).then((result) => {
      if (result.ok) setConnections(result.value);
    });
    void client.call('tracks.list', {}).then((result) => {
      if (result.ok) store.apply(result.value);
      else setProblem(result.error.message);
    });
    const poll = async (): Promise<void> => {
      const result = await client.call('app.status', {});
      if (result.ok) setStatus(result.value);
      else setProblem(result.error.message);
      setNow(Date.now());
    };
    void poll();
    const timer = setInterval(() => void poll(), STATUS_POLL_MS);
    return () => {
      stopTracks();
      stopRemovals();
      stopConnections();
      clearInterval(timer);
    };
  }, [client, store]);

  // Following belongs to one track: choosing another, or none, ends it.
  const selectedUidNow = useRef<string | null>(null);
  const select = useCallback((uid: string | null) => {
    if (uid !== selectedUidNow.current) setFollowing(false);
    selectedUidNow.current = uid;
    setSelectedUid(uid);
  }, []);
  const closeDetail = useCallback(() => select(null), [select]);
  const stopFollowing = useCallback(() => setFollowing(false), []);
  const [mapFocus, showAlert] = useShowAlert(store, select);
  useCriticalAlertSignals(client, alertSound, showAlert);

  // A click on a track while an area is drawn places a corner there; selecting the track would move the map from under the pointer.
  const drawingArea = useRef(false);
  useEffect(() => {
    drawingArea.current = areaDrawing.drawing !== null;
  }, [areaDrawing.drawing]);
  const selectFromMap = useCallback(
    (uid: string | null) => {
      if (!drawingArea.current) select(uid);
    },
    [select],
  );

  return (
    <div className="app">
      <header className="title-bar">
        <h1>Outpost</h1>
        <span className="subtitle">tactical data viewer</span>
        <span className="spacer" />
        <ThemeSwitch theme={theme} onChange={setTheme} />
      </header>
      <main className="workspace">
        <MapView
          store={store}
          shows={showsTrack}
          clustered={grouping === 'grouped'}
          selectedUid={selectedUid}
          onSelect={selectFromMap}
          focus={mapFocus}
          following={following}
          onFollowStop={stopFollowing}
          onReady={onMapReady}
          onError={setProblem}
        >
          <MapTools client={client} theme={theme} testHooks={mapToolTestHooks} />
          <TrackDisplayControls
            store={store}
            tracks={tracks}
            filter={trackFilter}
            onFilterChange={setTrackFilter}
            clustered={grouping === 'grouped'}
            onClusteredChange={setClustered}
            testHooks={mapToolTestHooks}
          />
          <AlertRings alerts={openAlerts} />
          <AreaDrawTool
            area={areaDrawing.shownArea}
            drawing={areaDrawing.drawing}
            onDrawn={areaDrawing.finish}
            onCancel={areaDrawing.cancel}
            colours={mapPalettes[theme].measurement}
          />
          {selectedUid === null ? null : (
            <TrackDetailCard client={client} store={store} uid={selectedUid} following={following} onFollowChange={setFollowing} onClose={closeDetail} />
          )}
        </MapView>
        <SidePanel
          selected={sideTab}
          onSelect={setSideTab}
          tabs={[
            { id: 'tracks', label: 'Tracks', content: <TrackList tracks={tracks} shows={showsTrack} now={now} selectedUid={selectedUid} onSelect={select} /> },
            {
              id: 'connections',
              label: 'Connections',
              content: (
                <ConnectionsPanel
                  client={client}
                  statuses={connections}
                  demo={status?.demo ?? false}
                  quarantinedCount={status?.quarantinedCount ?? 0}
                  active={sideTab === 'connections'}
                />
              ),
            },
            {
              id: 'outbox',
              label: 'Outbox',
              content: <OutboxPanel client={client} counts={outboxCounts} active={sideTab === 'outbox'} now={now} />,
            },
            {
              id: 'alerts',
              label: 'Alerts',
              badge: <AlertBadge counts={alertCounts} />,
              content: (
                <AlertsPanel
                  client={client}
                  counts={alertCounts}
                  active={sideTab === 'alerts'}
                  now={now}
                  onShowAlert={showAlert}
                  sound={alertSound}
                  onSoundChange={setAlertSound}
                  areaDrawing={areaDrawing}
                />
              ),
            },
          ]}
        />
      </main>
      <StatusBar
        status={status}
        connections={connections}
        trackCount={tracks.length}
        outboxQueued={outboxCounts === null ? null : waitingToSend(outboxCounts)}
        alertCounts={alertCounts}
        problem={problem}
      />
    </div>
  );
}
