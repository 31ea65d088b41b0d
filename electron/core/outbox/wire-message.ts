import type { IHeaders } from 'kafkajs';
import { formatReportTime, type ForwardedAlert, type MarkerKind, type OutboxContent, type OutboxDraft, type OutboxMessage, type Precedence, type SaluteReport, type Sitrep } from '../../../shared/outbox';
import { encodeCot } from '../cot/encode-cot';

/** CoT types for markers, so TAK clients draw each with its usual symbol. */
export const MARKER_COT_TYPES: Readonly<Record<MarkerKind, string>> = {
  spot: 'b-m-p-s-m',
  hostile: 'a-h-G',
  neutral: 'a-n-G',
  unknown: 'a-u-G',
};

/** The CoT type of a free-text message: a bit of text, tagged as a free-text report (b-t-f). */
export const TEXT_COT_TYPE = 'b-t-f';

/**
 * The CoT type of a SALUTE spot report. Public CoT type tables have no type for a spot report as
 * such (b-r-f-h-c, sometimes taken for one, is the CASEVAC/MEDEVAC request), so it goes as the
 * spot map marker (b-m-p-s-m) at the observed place, called "SALUTE" and the time seen, with the
 * six lines in its remarks: every TAK client draws it where it was seen and shows the lines when
 * opened. The lines go in the remarks only, not in a detail element of Outpost's own, because the
 * one CoT writer (encodeCot) writes contact, track and remarks and nothing else.
 */
export const SALUTE_COT_TYPE = 'b-m-p-s-m';

/** The CoT type of a SITREP: free text (b-t-f) like a text message, with its lines in the remarks. */
export const SITREP_COT_TYPE = TEXT_COT_TYPE;

/**
 * A forwarded alert with a place goes as a spot marker there, like a SALUTE, so receivers draw it
 * where it happened; one without a place (a feed's rate) goes as free text.
 */
export const FORWARDED_ALERT_COT_TYPE = 'b-m-p-s-m';

/** How long receivers should keep showing what an analyst sent. */
const STALE_AFTER_MS = 24 * 60 * 60 * 1000;

// Placed by a human on a map or keyboard, not measured by a sensor.
const HUMAN_ENTERED = 'h-g-i-g-o';

export const MESSAGE_ID_HEADER = 'outpost-msg-id';
export const PRECEDENCE_HEADER = 'outpost-precedence';

/**
 * The JSON wire form: one object per record, UTF-8.
 * - `id`: the message's uuid, also the record key and the `outpost-msg-id` header; a receiver that
 *   sees the same id twice (a resend after Outpost stopped mid-send) keeps only one.
 * - `precedence`: as queued; the `outpost-precedence` header carries the one it was sent with.
 * - `classification`: the analyst's marking, else the site's; null only where there is neither.
 * - `createdAt`: when the analyst queued it, epoch milliseconds.
 * - the content's fields: `kind: 'text'` with `text`; `kind: 'marker'` with `marker`, `lat`,
 *   `lon`, `label` and `remarks`; `kind: 'salute'` with `size`, `activity`, `lat`, `lon`, `unit`,
 *   `time` (when seen, epoch milliseconds) and `equipment`; `kind: 'sitrep'` with `unit`,
 *   `location` (`{ lat, lon }` or null), `situation`, `actions`, `plans` and `logistics` (null
 *   when left out); or `kind: 'alert'` with `alertId`, `rule`, `severity`, `subject`, `callsign`,
 *   `time` (when it happened), `location` (or null), `message` and `comment` (or null).
 */
export type JsonWireMessage = {
  readonly id: string;
  readonly precedence: Precedence;
  readonly classification: string | null;
  readonly createdAt: number;
} & OutboxContent;

/**
 * The bytes a draft goes on the wire as, in its format. Stored once, so every attempt sends the same bytes.
 * A draft the analyst left unmarked goes with the site's marking, so nothing leaves unmarked where the
 * site has one.
 */
export function encodeWireMessage(draft: OutboxDraft, id: string, createdAt: number, siteMarking: string | null = null): Uint8Array {
  const marked = { ...draft, classification: draft.classification ?? siteMarking };
  const text = marked.format === 'cot' ? encodeCotMessage(marked, id, createdAt) : encodeJsonMessage(marked, id, createdAt);
  return new TextEncoder().encode(text);
}

/**
 * The record key and headers; the precedence is the message's current one, which may have changed
 * since it was queued. The key is the message id unless the destination keeps one key for all, to keep their order.
 */
export function wireKeyAndHeaders(message: Pick<OutboxMessage, 'id' | 'precedence'>, recordKey: string = message.id): { key: string; headers: IHeaders } {
  return { key: recordKey, headers: { [MESSAGE_ID_HEADER]: message.id, [PRECEDENCE_HEADER]: message.precedence } };
}

function encodeJsonMessage(draft: OutboxDraft, id: string, createdAt: number): string {
  const message: JsonWireMessage = { id, precedence: draft.precedence, classification: draft.classification, createdAt, ...draft.content };
  return JSON.stringify(message);
}

/**
 * The event uid is the message id, so CoT receivers dedupe a resend as an update of the same event.
 * CoT has no classification field every receiver shows, so the marking opens the remarks, the
 * way a banner opens a written message.
 */
function encodeCotMessage(draft: OutboxDraft, id: string, createdAt: number): string {
  const { content, classification } = draft;
  const common = { uid: id, how: HUMAN_ENTERED, time: createdAt, start: createdAt, stale: createdAt + STALE_AFTER_MS, hae: null, ce: null, le: null, course: null, speed: null };
  switch (content.kind) {
    case 'text':
      // A report with no place of its own sits at 0,0 with unknown error, as GeoChat does.
      return encodeCot({ ...common, type: TEXT_COT_TYPE, lat: 0, lon: 0, callsign: null, remarks: withMarking(classification, content.text) });
    case 'marker':
      return encodeCot({
        ...common,
        type: MARKER_COT_TYPES[content.marker],
        lat: content.lat,
        lon: content.lon,
        callsign: content.label,
        remarks: content.remarks === null && classification === null ? null : withMarking(classification, content.remarks ?? ''),
      });
    case 'salute':
      // The event happened when it was seen; it stays on receivers' maps as long as a queued message would.
      return encodeCot({
        ...common,
        type: SALUTE_COT_TYPE,
        time: content.time,
        start: content.time,
        stale: Math.max(createdAt, content.time) + STALE_AFTER_MS,
        lat: content.lat,
        lon: content.lon,
        // "SALUTE 14:05Z": several reports on one map tell apart by when they were seen.
        callsign: `SALUTE ${formatReportTime(content.time).slice(11)}`,
        remarks: withMarking(classification, saluteLines(content)),
      });
    case 'sitrep': {
      const place = content.location ?? { lat: 0, lon: 0 };
      return encodeCot({ ...common, type: SITREP_COT_TYPE, lat: place.lat, lon: place.lon, callsign: content.unit, remarks: withMarking(classification, sitrepLines(content)) });
    }
    case 'alert': {
      const place = content.location ?? { lat: 0, lon: 0 };
      return encodeCot({
        ...common,
        type: content.location === null ? TEXT_COT_TYPE : FORWARDED_ALERT_COT_TYPE,
        time: content.time,
        start: content.time,
        stale: Math.max(createdAt, content.time) + STALE_AFTER_MS,
        lat: place.lat,
        lon: place.lon,
        callsign: `ALERT ${content.callsign ?? content.subject}`,
        remarks: withMarking(classification, forwardedAlertLines(content)),
      });
    }
  }
}

/** The alert as a short report: severity and rule first, then what happened, then the analyst's word. */
export function forwardedAlertLines(alert: ForwardedAlert): string {
  const lines = [`ALERT ${alert.severity.toUpperCase()}: ${alert.rule}`, alert.message, `Time: ${formatReportTime(alert.time)}`];
  if (alert.location !== null) lines.push(`Location: ${decimalPlace(alert.location)}`);
  if (alert.comment !== null && alert.comment !== '') lines.push(`Comment: ${alert.comment}`);
  return lines.join('\n');
}

/** The six lines in the order of the mnemonic, each named, so a receiver without Outpost reads them as written. */
export function saluteLines(report: SaluteReport): string {
  return [
    'SALUTE',
    `Size: ${report.size}`,
    `Activity: ${report.activity}`,
    `Location: ${decimalPlace(report)}`,
    `Unit: ${report.unit}`,
    `Time: ${formatReportTime(report.time)}`,
    `Equipment: ${report.equipment}`,
  ].join('\n');
}

/** The SITREP's lines in outline order; the optional ones only when written. */
export function sitrepLines(report: Sitrep): string {
  const lines = ['SITREP', `Unit: ${report.unit}`];
  if (report.location !== null) lines.push(`Location: ${decimalPlace(report.location)}`);
  lines.push(`Situation: ${report.situation}`, `Actions: ${report.actions}`);
  if (report.plans !== null) lines.push(`Plans: ${report.plans}`);
  if (report.logistics !== null) lines.push(`Logistics: ${report.logistics}`);
  return lines.join('\n');
}

/** Five decimals of a degree is about a metre: as fine as a typed or MGRS location means. */
function decimalPlace(point: { readonly lat: number; readonly lon: number }): string {
  return `${point.lat.toFixed(5)}, ${point.lon.toFixed(5)}`;
}

function withMarking(classification: string | null, text: string): string {
  if (classification === null) return text;
  return text === '' ? classification : `${classification} // ${text}`;
}
