import type { Database } from 'better-sqlite3-multiple-ciphers';
import { ALERT_STATES, type Alert, type AlertCounts, type AlertStep } from '../../../shared/alerts';
import { RULE_KINDS, SEVERITIES } from '../../../shared/rules';
import type { NewAlert, Store } from './store';
import { storedChoice } from './stored-choice';

export interface AlertRow {
  id: string;
  rule_id: string;
  rule_name: string;
  rule_kind: string;
  severity: string;
  subject: string;
  callsign: string | null;
  time: number;
  lat: number | null;
  lon: number | null;
  message: string;
  state: string;
  raised_at: number;
  acknowledged_by: string | null;
  acknowledged_at: number | null;
  acknowledged_note: string | null;
  resolved_by: string | null;
  resolved_at: number | null;
  resolved_note: string | null;
}

export const ALERT_COLUMNS = `id, rule_id, rule_name, rule_kind, severity, subject, callsign, time, lat, lon, message, state, raised_at,
  acknowledged_by, acknowledged_at, acknowledged_note, resolved_by, resolved_at, resolved_note`;

type AlertTables = Pick<Store, 'listAlerts' | 'countAlerts' | 'readAlert' | 'advanceAlert'>;

/** The analyst's side of the alerts: reading them and moving them on. The ingest thread inserts them. */
export function createAlertTables(db: Database): AlertTables {
  // States and severities arrive as JSON arrays so that one prepared statement serves any choice of them.
  const selectAlerts = db.prepare<[string, string, number], AlertRow>(`
    SELECT ${ALERT_COLUMNS} FROM alerts
    WHERE state IN (SELECT value FROM json_each(?)) AND severity IN (SELECT value FROM json_each(?))
    ORDER BY raised_at DESC, seq DESC LIMIT ?`);
  const selectNewest = db.prepare<[number], AlertRow>(`SELECT ${ALERT_COLUMNS} FROM alerts ORDER BY raised_at DESC, seq DESC LIMIT ?`);
  const selectAlert = db.prepare<[string], AlertRow>(`SELECT ${ALERT_COLUMNS} FROM alerts WHERE id = ?`);
  const countByState = db.prepare<[], { state: string; severity: string; count: number }>('SELECT state, severity, count(*) AS count FROM alerts GROUP BY state, severity');
  const acknowledge = db.prepare<{ id: string; from: string; by: string; at: number; note: string | null }>(`
    UPDATE alerts SET state = 'acknowledged', acknowledged_by = @by, acknowledged_at = @at, acknowledged_note = @note
    WHERE id = @id AND state IN (SELECT value FROM json_each(@from))`);
  const resolve = db.prepare<{ id: string; from: string; by: string; at: number; note: string | null }>(`
    UPDATE alerts SET state = 'resolved', resolved_by = @by, resolved_at = @at, resolved_note = @note
    WHERE id = @id AND state IN (SELECT value FROM json_each(@from))`);

  const read = (id: string): Alert | null => {
    const row = selectAlert.get(id);
    return row === undefined ? null : alertFromRow(row);
  };

  return {
    listAlerts: (states, severities, limit) =>
      (states === null && severities === null
        ? selectNewest.all(limit)
        : selectAlerts.all(JSON.stringify(states ?? ALERT_STATES), JSON.stringify(severities ?? SEVERITIES), limit)
      ).map(alertFromRow),
    countAlerts() {
      const counts: AlertCounts = { new: 0, acknowledged: 0, resolved: 0, newCritical: 0 };
      for (const row of countByState.all()) {
        counts[storedChoice(ALERT_STATES, row.state, 'alerts')] += row.count;
        if (row.state === 'new' && row.severity === 'critical') counts.newCritical += row.count;
      }
      return counts;
    },
    readAlert: read,
    advanceAlert(id, from, to, step) {
      const statement = to === 'acknowledged' ? acknowledge : resolve;
      const { changes } = statement.run({ id, from: JSON.stringify(from), by: step.by, at: step.at, note: step.note });
      return changes === 0 ? null : read(id);
    },
  };
}

/** The ingest thread's insert: an alert whose rule and subject already have an open one is dropped. */
export function createAlertInserter(db: Database): (alerts: readonly NewAlert[]) => Alert[] {
  const insert = db.prepare<NewAlert & { id: string }, AlertRow>(`
    INSERT OR IGNORE INTO alerts (id, rule_id, rule_name, rule_kind, severity, subject, callsign, time, lat, lon, message, state, raised_at)
    VALUES (@id, @ruleId, @ruleName, @ruleKind, @severity, @subject, @callsign, @time, @lat, @lon, @message, 'new', @raisedAt)
    RETURNING ${ALERT_COLUMNS}`);
  return (alerts) => {
    const inserted: Alert[] = [];
    for (const alert of alerts) {
      const row = insert.get({ ...alert, id: crypto.randomUUID() });
      if (row !== undefined) inserted.push(alertFromRow(row));
    }
    return inserted;
  };
}

export function alertFromRow(row: AlertRow): Alert {
  return {
    id: row.id,
    ruleId: row.rule_id,
    ruleName: row.rule_name,
    ruleKind: storedChoice(RULE_KINDS, row.rule_kind, 'alerts'),
    severity: storedChoice(SEVERITIES, row.severity, 'alerts'),
    subject: row.subject,
    callsign: row.callsign,
    time: row.time,
    lat: row.lat,
    lon: row.lon,
    message: row.message,
    state: storedChoice(ALERT_STATES, row.state, 'alerts'),
    raisedAt: row.raised_at,
    acknowledged: stepOf(row.acknowledged_by, row.acknowledged_at, row.acknowledged_note),
    resolved: stepOf(row.resolved_by, row.resolved_at, row.resolved_note),
  };
}

function stepOf(by: string | null, at: number | null, note: string | null): AlertStep | null {
  return by === null || at === null ? null : { by, at, note };
}
