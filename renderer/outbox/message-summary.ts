import type { OutboxContent } from '../../shared/outbox';
import { formatLatLon } from '../map/tools/coordinates';
import { SEVERITY_LABELS } from '../alerts/alert-labels';
import { MARKER_LABELS } from './outbox-labels';

/** Long enough to recognise a message by, short enough for one line of the side panel. */
const SUMMARY_CHARACTERS = 80;

/**
 * One line that tells messages apart in the list: the text's start, what and where a marker is,
 * what a SALUTE saw and where, who a SITREP is from and the start of its situation, or which
 * rule a forwarded alert came from and what it said.
 */
export function summariseContent(content: OutboxContent): string {
  switch (content.kind) {
    case 'marker':
      return `${MARKER_LABELS[content.marker]} marker “${content.label}” at ${formatLatLon(content)}`;
    case 'salute':
      // The place is kept whole at the end; size and activity give way if the line runs long.
      return `${clipped(`SALUTE: ${oneLine(content.size)}, ${oneLine(content.activity)}`, SUMMARY_CHARACTERS - 30)} at ${formatLatLon(content)}`;
    case 'sitrep':
      return clipped(`SITREP from ${oneLine(content.unit)}: ${oneLine(content.situation)}`, SUMMARY_CHARACTERS);
    case 'text':
      return clipped(oneLine(content.text), SUMMARY_CHARACTERS);
    case 'alert':
      return clipped(`${SEVERITY_LABELS[content.severity]} alert, ${oneLine(content.rule)}: ${oneLine(content.message)}`, SUMMARY_CHARACTERS);
  }
}

function oneLine(text: string): string {
  return text.replace(/\s+/g, ' ').trim();
}

function clipped(text: string, characters: number): string {
  return text.length <= characters ? text : `${text.slice(0, characters - 1)}…`;
}
