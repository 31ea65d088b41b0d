import { useState } from 'react';
import type { Alert, AlertCounts } from '../../shared/alerts';
import type { Client } from '../client';
import { formatCount } from '../connections/figures';
import { RulesView } from '../rules/RulesView';
import type { AreaDrawing } from '../rules/use-area-drawing';
import { AlertsView } from './AlertsView';
import { newAlertsLevel, type NewAlertsLevel } from './new-alerts';
import './alerts.css';

interface AlertsPanelProps {
  readonly client: Client;
  /** From useAlertCounts, which the App keeps for the badge and the status bar; null until known. */
  readonly counts: AlertCounts | null;
  /** The tab is showing: only then are lists read. */
  readonly active: boolean;
  readonly now: number;
  readonly onShowAlert: (alert: Alert) => void;
  readonly sound: boolean;
  readonly onSoundChange: (on: boolean) => void;
  readonly areaDrawing: AreaDrawing;
}

type View = 'alerts' | 'rules';

/** The alerts to work through and, one click away, the rules that raise them: one tab, so the side panel keeps few. */
export function AlertsPanel({ client, counts, active, now, onShowAlert, sound, onSoundChange, areaDrawing }: AlertsPanelProps) {
  const [view, setView] = useState<View>('alerts');
  return (
    <section className="alerts-panel" data-testid="alerts-panel" aria-labelledby="alerts-title">
      <header className="panel-head">
        <div className="alerts-title-line">
          <h2 id="alerts-title">Alerts</h2>
          <div className="view-switch" role="group" aria-label="Show alerts or rules">
            <button type="button" aria-pressed={view === 'alerts'} data-testid="alerts-view-alerts" onClick={() => setView('alerts')}>
              Alerts
            </button>
            <button type="button" aria-pressed={view === 'rules'} data-testid="alerts-view-rules" onClick={() => setView('rules')}>
              Rules
            </button>
          </div>
        </div>
        <dl className="alert-counts" aria-label="Alerts by state">
          <AlertCount label="new" testId="alert-count-new" count={counts?.new ?? null} level={counts === null ? 'none' : newAlertsLevel(counts)} />
          <AlertCount label="new critical" testId="alert-count-critical" count={counts?.newCritical ?? null} level={counts !== null && counts.newCritical > 0 ? 'critical' : 'none'} />
          <AlertCount label="acknowledged" testId="alert-count-acknowledged" count={counts?.acknowledged ?? null} level="none" />
          <AlertCount label="resolved" testId="alert-count-resolved" count={counts?.resolved ?? null} level="none" />
        </dl>
      </header>
      <div className="panel-body">
        {/* Both views stay mounted, so a half-written rule survives a look at the alerts. */}
        <div hidden={view !== 'alerts'}>
          <AlertsView client={client} active={active && view === 'alerts'} now={now} onShowAlert={onShowAlert} sound={sound} onSoundChange={onSoundChange} />
        </div>
        <div hidden={view !== 'rules'}>
          <RulesView client={client} active={active && view === 'rules'} areaDrawing={areaDrawing} />
        </div>
      </div>
    </section>
  );
}

interface AlertCountProps {
  readonly label: string;
  readonly testId: string;
  /** Null until counted. */
  readonly count: number | null;
  /** Coloured only while there is something new to act on. */
  readonly level: NewAlertsLevel;
}

function AlertCount({ label, testId, count, level }: AlertCountProps) {
  return (
    <div className={`alert-count level-${level}`}>
      <dt>{label}</dt>
      <dd data-testid={testId}>{count === null ? '–' : formatCount(count)}</dd>
    </div>
  );
}
