import type { Track } from '../../../shared/domain';
import type { NewAlert } from '../store/store';

/** What holds for one subject of one rule right now, in the words an alert will use: the alert, less its rule. */
export type Finding = Pick<NewAlert, 'subject' | 'callsign' | 'time' | 'lat' | 'lon' | 'message'>;

/**
 * Where a watcher reports: `holds` while its condition is true for a subject, `clears` once it is
 * not. Subjects are numbered: an entity by the engine's entity number, a subscription by its
 * subscription number. The engine raises an alert on the change from clear to holding, so a
 * condition that stays true raises one alert, not one per record. The finding is described only
 * when an alert is raised: most calls say again what is already known, and writing the sentence
 * costs more than judging the condition.
 */
export interface FindingSink {
  holds(subject: number, describe: () => Finding): void;
  clears(subject: number): void;
}

/** A subscription as the engine numbers it, made once and handed to every record's count. */
export interface Subscription {
  readonly number: number;
  readonly source: string;
  readonly topic: string;
}

/** One rule's way of looking at the stream. Every method is optional but at least one does the work. */
export interface Watcher {
  /** A decoded fix the rule's filter accepts, of the entity the engine numbers `entity`. */
  observe?(track: Track, entity: number, receivedAt: number, sink: FindingSink): void;
  /** A record arrived on a subscription, decoded or not. */
  count?(subscription: Subscription, receivedAt: number): void;
  /** Time passes: what depends on silence is judged here. */
  tick?(now: number, sink: FindingSink): void;
}

/** The entity name an alert leads with: the callsign when there is one. */
export function entityName(track: Pick<Track, 'uid' | 'callsign'>): string {
  return track.callsign ?? track.uid;
}

/** A finding about an entity, where and when its fix put it. */
export function findingAt(track: Track, message: string): Finding {
  return { subject: track.uid, callsign: track.callsign, time: track.time, lat: track.lat, lon: track.lon, message };
}

/**
 * A whole number with thousands grouped, as en-US writes it. Alerts are written on the ingest
 * path, and Intl.NumberFormat cost three times as much.
 */
export function wholeNumber(value: number): string {
  const rounded = Math.round(value);
  const digits = String(Math.abs(rounded));
  let grouped = '';
  for (let index = 0; index < digits.length; index += 1) {
    if (index > 0 && (digits.length - index) % 3 === 0) grouped += ',';
    grouped += digits[index];
  }
  return rounded < 0 ? `-${grouped}` : grouped;
}
