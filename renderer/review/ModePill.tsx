import type { ViewMode } from './switchable-track-view';

/** LIVE or REVIEW in the status bar, for a glance from anywhere on the screen. */
export function ModePill({ mode }: { readonly mode: ViewMode }) {
  return (
    <span className={`mode-pill mode-${mode}`} data-testid="mode-pill" data-mode={mode}>
      {mode === 'live' ? 'LIVE' : 'REVIEW'}
    </span>
  );
}
