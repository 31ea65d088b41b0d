import { StrictMode } from 'react';
import { createRoot } from 'react-dom/client';
import { createClient } from './client';
import { App } from './components/App';
import { installTestHooks } from './test-hooks';
import { createTrackStore } from './tracks/track-store';
import { chooseTransport } from './transport/choose-transport';
import './styles.css';

const wantsTestHooks = new URLSearchParams(window.location.search).has('testHooks');
const client = createClient(chooseTransport(window), (message) => console.warn(message));
const store = createTrackStore((run) => requestAnimationFrame(run));
const root = document.getElementById('root');
if (root === null) throw new Error('index.html has no #root element.');

createRoot(root).render(
  <StrictMode>
    <App client={client} store={store} onMapReady={wantsTestHooks ? (map) => installTestHooks(window, store, map) : undefined} />
  </StrictMode>,
);
