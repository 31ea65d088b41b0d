import type { OutboxContent, OutboxDraft } from '../../shared/outbox';

const defaults: OutboxDraft = {
  profileId: 'edge',
  topic: 'outbox',
  precedence: 'routine',
  format: 'json',
  classification: 'UNCLASSIFIED',
  content: { kind: 'text', text: 'Convoy delayed at checkpoint 4.' },
};

/** Given an outbox draft "like this one, but…": only what a test cares about is spelled out. */
export function anOutboxDraft(overrides: Partial<OutboxDraft> = {}): OutboxDraft {
  return { ...defaults, ...overrides };
}

export function aMarker(overrides: Partial<Extract<OutboxContent, { kind: 'marker' }>> = {}): OutboxContent {
  return { kind: 'marker', marker: 'hostile', lat: 40.123_456_7, lon: 9.765_432_1, label: 'OBJ <RED> & co', remarks: 'Two vehicles, moving north.', ...overrides };
}
