import { StrictMode } from 'react';
import { createRoot } from 'react-dom/client';
import { createClient } from './client';
import { App } from './components/App';
import { browserReplayClock } from './review/replay-clock';
import { createReviewableTracks } from './review/reviewable-tracks';
import { installTestHooks } from './test-hooks';
import { chooseTransport } from './transport/choose-transport';
import './styles.css';

const wantsTestHooks = new URLSearchParams(window.location.search).has('testHooks');
const client = createClient(chooseTransport(window), (message) => console.warn(message));
const tracks = createReviewableTracks(client, (run) => requestAnimationFrame(run), browserReplayClock);
const root = document.getElementById('root');
if (root === null) throw new Error('index.html has no #root element.');

createRoot(root).render(
  <StrictMode>
    <App client={client} tracks={tracks} onMapReady={wantsTestHooks ? (map) => installTestHooks(window, tracks.shown, map, tracks.replay) : undefined} />
  </StrictMode>,
);
