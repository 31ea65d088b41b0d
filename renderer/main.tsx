import { StrictMode } from 'react';
import { createRoot } from 'react-dom/client';
import { createClient } from './client';
import { App } from './components/App';
import type { MapHandle } from './map/MapView';
import { browserReplayClock } from './review/replay-clock';
import { createReviewableTracks } from './review/reviewable-tracks';
import { hostMarkingsClient } from './security/host-markings-client';
import { LoginScreen } from './security/LoginScreen';
import { MarkedView } from './security/MarkedView';
import { SessionGate } from './security/SessionGate';
import { installTestHooks } from './test-hooks';
import { chooseTransport } from './transport/choose-transport';
import type { Transport } from './transport/transport';
import './styles.css';

/**
 * The site's markings and consent outermost, then the session's lock, then the app. The track
 * store lives out here, so the picture built while unlocked survives the app being closed by a lock.
 */
function outpost(transport: Transport) {
  const wantsTestHooks = new URLSearchParams(window.location.search).has('testHooks');
  const client = createClient(transport, (message) => console.warn(message));
  const tracks = createReviewableTracks(client, (run) => requestAnimationFrame(run), browserReplayClock);
  const onMapReady = wantsTestHooks ? (map: MapHandle) => installTestHooks(window, tracks.shown, map, tracks.replay) : undefined;
  return (
    <MarkedView client={client}>
      <SessionGate client={client}>
        {(session) => <App client={client} tracks={tracks} session={session} onMapReady={onMapReady} />}
      </SessionGate>
    </MarkedView>
  );
}

const root = document.getElementById('root');
if (root === null) throw new Error('index.html has no #root element.');
const transport = chooseTransport(window);

/** A page from another machine, not yet logged in: marked and behind the consent notice like the app itself. */
const login = (
  <MarkedView client={hostMarkingsClient(window)}>
    <LoginScreen scope={window} />
  </MarkedView>
);

createRoot(root).render(<StrictMode>{transport === null ? login : outpost(transport)}</StrictMode>);
