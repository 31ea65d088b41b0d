import { useCallback, useEffect, useMemo, useRef, useState } from 'react';
import type { ProfileStatus } from '../../shared/connections';
import type { AlertMark } from '../../shared/review';
import type { SearchRow } from '../../shared/search';
import type { AppStatus } from '../../shared/domain';
import { AlertBadge } from '../alerts/AlertBadge';
import { AlertsPanel } from '../alerts/AlertsPanel';
import { useAlertCounts } from '../alerts/use-alert-counts';
import { useAlertSound } from '../alerts/use-alert-sound';
import { useCriticalAlertSignals } from '../alerts/use-critical-alert-signals';
import { useOpenAlerts } from '../alerts/use-open-alerts';
import { useShowAlert } from '../alerts/use-show-alert';
import { CachePanel } from '../cache/CachePanel';
import type { Client } from '../client';
import { ConnectionsPanel } from '../connections/ConnectionsPanel';
import { ForwardingPanel } from '../forwarding/ForwardingPanel';
import { AlertRings } from '../map/AlertRings';
import { NO_TRACK_FILTER, trackFilterPredicate, type TrackFilter } from '../map/filters/track-filter';
import { TrackDisplayControls } from '../map/filters/TrackDisplayControls';
import { pageTileHost } from '../map/basemaps/page-tile-host';
import { MapView, type MapHandle } from '../map/MapView';
import { AreaDrawTool } from '../map/tools/AreaDrawTool';
import { MapTools } from '../map/tools/MapTools';
import { OutboxPanel } from '../outbox/OutboxPanel';
import { useOutboxCounts, waitingToSend } from '../outbox/use-outbox-counts';
import { ReviewBanner } from '../review/ReviewBanner';
import { ReviewBar } from '../review/ReviewBar';
import type { ReviewableTracks } from '../review/reviewable-tracks';
import { useAlertMarks } from '../review/use-alert-marks';
import { useReplayState } from '../review/use-replay-state';
import { useShowInReview } from '../review/use-show-in-review';
import { useAreaDrawing } from '../rules/use-area-drawing';
import { SearchPanel } from '../search/SearchPanel';
import { SecurityPanel } from '../security/SecurityPanel';
import type { SessionControls } from '../security/session-controls';
import { mapPalettes } from '../theme/map-palettes';
import { ThemeSwitch } from '../theme/ThemeSwitch';
import { useTheme } from '../theme/use-theme';
import { useStoredChoice } from '../map/tools/use-stored-choice';
import { TrackDetailCard } from '../tracks/TrackDetailCard';
import { useTrackSnapshot } from '../tracks/use-track-snapshot';
import { exportDownloadUrl } from '../transfer/download-url';
import { FilesPanel } from '../transfer/FilesPanel';
import { useExportPolicy } from '../transfer/use-export-policy';
import { useJobs } from '../transfer/use-jobs';
import { SidePanel } from './SidePanel';
import { StatusBar } from './StatusBar';
import { TrackList } from './TrackList';
import './tool-panels.css';

interface AppProps {
  readonly client: Client;
  /** The live store the feed fills, the view the map shows and the replay that switches it. */
  readonly tracks: ReviewableTracks;
  readonly onMapReady?: (handle: MapHandle) => void;
  /** The unlocked session: its role, its lock and its security settings. */
  readonly session: SessionControls;
}

const STATUS_POLL_MS = 1000;
/** The map follows every batch; the list, the filter's choices and the count need not. */
const LIST_REFRESH_MS = 1000;

type SideTab = 'tracks' | 'connections' | 'outbox' | 'forwarding' | 'alerts' | 'search' | 'files' | 'cache' | 'security';

const GROUPING_STORAGE_KEY = 'outpost.tracks.grouping';
const GROUPING_CHOICES = ['grouped', 'every-symbol'] as const;

/** The end-to-end tests open the page with `?testHooks` to reach the map tools' probes. */
const wantsMapToolTestHooks = (): boolean => new URLSearchParams(window.location.search).has('testHooks');

const downloadUrl = (fileName: string): string | null => exportDownloadUrl(fileName, pageTileHost(window));

export function App({ client, tracks: reviewable, onMapReady, session }: AppProps) {
  const { live, shown, replay } = reviewable;
  const replayState = useReplayState(replay);
  const reviewTime = replayState.mode === 'review' ? replayState.time : null;
  const tracks = useTrackSnapshot(shown, LIST_REFRESH_MS);
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
  const jobs = useJobs(client);
  const exportPolicy = useExportPolicy(client);
  const alertMarks = useAlertMarks(client, replayState.range, replayState.mode === 'review');

  useEffect(() => {
    const stopTracks = client.on('tracks.updated', (batch) => live.apply(batch.tracks));
    const stopRemovals = client.on('tracks.removed', ({ uids }) => live.remove(uids));
    const stopConnections = client.on('connections.changed', setConnections);
    void client.call('connections.status', {}).then((result) => {
      if (result.ok) setConnections(result.value);
    });
    void client.call('tracks.list', {}).then((result) => {
      if (result.ok) live.apply(result.value);
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
  }, [client, live]);

  // Following belongs to one track: choosing another, or none, ends it.
  const selectedUidNow = useRef<string | null>(null);
  const select = useCallback((uid: string | null) => {
    if (uid !== selectedUidNow.current) setFollowing(false);
    selectedUidNow.current = uid;
    setSelectedUid(uid);
  }, []);
  const closeDetail = useCallback(() => select(null), [select]);
  const stopFollowing = useCallback(() => setFollowing(false), []);
  const [mapFocus, showAlert] = useShowAlert(shown, select);
  const showInReview = useShowInReview(replay, select);
  const showRow = useCallback((row: SearchRow) => showInReview(row.time, row.uid), [showInReview]);
  const showMark = useCallback((mark: AlertMark) => showInReview(mark.time, mark.subject), [showInReview]);
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

  const lock = useCallback(() => {
    void session.lock().then((refusal) => {
      if (refusal !== null) setProblem(refusal);
    });
  }, [session]);

  return (
    <div className="app">
      <header className="title-bar">
        <h1>Outpost</h1>
        <span className="subtitle">tactical data viewer</span>
        <span className="spacer" />
        <ThemeSwitch theme={theme} onChange={setTheme} />
      </header>
      <main className="workspace">
        <ReviewBanner state={replayState} />
        <MapView
          store={shown}
          now={replay.viewTime}
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
            client={client}
            store={shown}
            replay={replay}
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
            <TrackDetailCard client={client} store={shown} uid={selectedUid} following={following} onFollowChange={setFollowing} onClose={closeDetail} />
          )}
        </MapView>
        <SidePanel
          selected={sideTab}
          onSelect={setSideTab}
          tabs={[
            { id: 'tracks', label: 'Tracks', content: <TrackList tracks={tracks} shows={showsTrack} now={reviewTime ?? now} selectedUid={selectedUid} onSelect={select} /> },
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
            { id: 'forwarding', label: 'Forwarding', content: <ForwardingPanel client={client} active={sideTab === 'forwarding'} /> },
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
            {
              id: 'search',
              label: 'Search',
              content: <SearchPanel client={client} areaDrawing={areaDrawing} policy={exportPolicy} jobs={jobs} downloadUrl={downloadUrl} onShowRow={showRow} />,
            },
            {
              id: 'files',
              label: 'Files',
              content: <FilesPanel client={client} policy={exportPolicy} jobs={jobs} downloadUrl={downloadUrl} reviewTime={reviewTime} />,
            },
            {
              id: 'cache',
              label: 'Cache',
              content: <CachePanel client={client} jobs={jobs} active={sideTab === 'cache'} reviewTime={reviewTime} />,
            },
            { id: 'security', label: 'Security', content: <SecurityPanel client={client} session={session} /> },
          ]}
        />
      </main>
      <ReviewBar replay={replay} state={replayState} marks={alertMarks} onShowMark={showMark} />
      <StatusBar
        mode={replayState.mode}
        status={status}
        connections={connections}
        trackCount={tracks.length}
        outboxQueued={outboxCounts === null ? null : waitingToSend(outboxCounts)}
        alertCounts={alertCounts}
        problem={problem}
        onLock={lock}
      />
    </div>
  );
}
