import { DEFAULT_MAX_SPEEDS } from '../../../../shared/rules';
import type { Migration } from '../migration';

/**
 * Rules every cache starts with, chosen to be quiet on a healthy feed: a track past the stale
 * time its sender gave it, a position no platform could reach, and a subscription whose rate
 * leaves its usual range by more than four standard deviations. The analyst may change or
 * remove them; a migration runs once, so a removed rule stays removed.
 */
const STARTING_RULES = [
  {
    id: 'lost-track',
    name: 'Lost track',
    severity: 'warning',
    definition: { kind: 'stale', silentSeconds: null, pastStaleTime: true },
  },
  {
    id: 'impossible-movement',
    name: 'Impossible movement',
    severity: 'critical',
    definition: { kind: 'kinematic', maxSpeeds: DEFAULT_MAX_SPEEDS },
  },
  {
    id: 'feed-rate',
    name: 'Feed rate out of range',
    severity: 'warning',
    definition: { kind: 'rate', windowSeconds: 10, sigma: 4, warmupWindows: 30 },
  },
] as const;

export const rulesAndAlerts: Migration = {
  version: 7,
  name: 'rules-and-alerts',
  up(db) {
    db.exec(`
      -- The analyst's rules. definition holds the kind and its settings as JSON, parsed against the
      -- contract's schema when read, so a kind gains a setting without a migration.
      CREATE TABLE rules (
        id TEXT PRIMARY KEY,
        name TEXT NOT NULL,
        severity TEXT NOT NULL CHECK (severity IN ('critical', 'warning', 'info')),
        enabled INTEGER NOT NULL CHECK (enabled IN (0, 1)),
        filter TEXT,
        definition TEXT NOT NULL CHECK (json_valid(definition)),
        created_at INTEGER NOT NULL,
        updated_at INTEGER NOT NULL
      ) STRICT, WITHOUT ROWID;

      -- What the rules raised. Each alert copies its rule's name, kind and severity, so it reads the
      -- same after the rule changes or goes. No foreign key to rules for the same reason.
      CREATE TABLE alerts (
        seq INTEGER PRIMARY KEY,
        id TEXT NOT NULL UNIQUE,
        rule_id TEXT NOT NULL,
        rule_name TEXT NOT NULL,
        rule_kind TEXT NOT NULL,
        severity TEXT NOT NULL CHECK (severity IN ('critical', 'warning', 'info')),
        subject TEXT NOT NULL,
        callsign TEXT,
        time INTEGER NOT NULL,
        lat REAL,
        lon REAL,
        message TEXT NOT NULL,
        state TEXT NOT NULL CHECK (state IN ('new', 'acknowledged', 'resolved')),
        raised_at INTEGER NOT NULL,
        acknowledged_by TEXT,
        acknowledged_at INTEGER,
        acknowledged_note TEXT,
        resolved_by TEXT,
        resolved_at INTEGER,
        resolved_note TEXT
      ) STRICT;
      -- One open alert per rule and subject: the ingest thread inserts with OR IGNORE, so an episode
      -- that starts again before the analyst resolved the last one adds nothing.
      CREATE UNIQUE INDEX alerts_open ON alerts(rule_id, subject) WHERE state != 'resolved';
      -- The alerts list, newest first.
      CREATE INDEX alerts_by_raised ON alerts(raised_at);
      -- Counts per state and severity for the badge, read from the index alone.
      CREATE INDEX alerts_by_state ON alerts(state, severity);
    `);
    const insert = db.prepare('INSERT INTO rules (id, name, severity, enabled, filter, definition, created_at, updated_at) VALUES (?, ?, ?, 1, NULL, ?, 0, 0)');
    for (const rule of STARTING_RULES) insert.run(rule.id, rule.name, rule.severity, JSON.stringify(rule.definition));
  },
};
