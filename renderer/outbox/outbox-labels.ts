import type { MarkerKind, OutboxState, Precedence, WireFormat } from '../../shared/outbox';
import type { ContentKind } from './compose-form-model';

/** Precedences are written in capitals on the wire and in message logs, so the badge does too. */
export const PRECEDENCE_LABELS: Readonly<Record<Precedence, string>> = {
  flash: 'FLASH',
  immediate: 'IMMEDIATE',
  priority: 'PRIORITY',
  routine: 'ROUTINE',
};

export const WIRE_FORMAT_LABELS: Readonly<Record<WireFormat, string>> = {
  cot: 'CoT XML',
  json: 'JSON',
};

export const MARKER_LABELS: Readonly<Record<MarkerKind, string>> = {
  spot: 'Spot',
  hostile: 'Hostile',
  neutral: 'Neutral',
  unknown: 'Unknown',
};

export const STATE_LABELS: Readonly<Record<OutboxState, string>> = {
  queued: 'queued',
  sending: 'sending',
  sent: 'sent',
  failed: 'failed',
  cancelled: 'cancelled',
};

/** The kinds of message the compose form offers, in the order it lists them. */
export const CONTENT_KIND_LABELS: Readonly<Record<ContentKind, string>> = {
  text: 'Free text',
  marker: 'Map marker',
  salute: 'SALUTE spot report',
  sitrep: 'SITREP',
};
