import type { OutboxContent } from '../../shared/outbox';
import { formatLatLon } from '../map/tools/coordinates';
import { MARKER_LABELS } from './outbox-labels';

/** Long enough to recognise a message by, short enough for one line of the side panel. */
const SUMMARY_CHARACTERS = 80;

/** One line that tells messages apart in the list: the text's start, or what and where a marker is. */
export function summariseContent(content: OutboxContent): string {
  if (content.kind === 'marker') return `${MARKER_LABELS[content.marker]} marker “${content.label}” at ${formatLatLon(content)}`;
  const oneLine = content.text.replace(/\s+/g, ' ').trim();
  return oneLine.length <= SUMMARY_CHARACTERS ? oneLine : `${oneLine.slice(0, SUMMARY_CHARACTERS - 1)}…`;
}
