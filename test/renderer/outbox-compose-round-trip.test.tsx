import { describe, expect, it } from 'vitest';
import { composeFormFromDraft, validateComposeForm, type ComposedDraft } from '../../renderer/outbox/compose-form-model';
import { formatLocation, parseLocation } from '../../renderer/outbox/location';

const NOW = Date.UTC(2026, 10, 26, 14, 5, 30);

const ENVELOPE = { profileId: 'edge', topic: 'cot.outbound', precedence: 'immediate', format: 'json', classification: 'NATO RESTRICTED' } as const;

const DRAFTS: readonly (readonly [string, ComposedDraft])[] = [
  ['a text message', { ...ENVELOPE, classification: null, content: { kind: 'text', text: 'Bridge at the north crossing is down.\nUse the ford.' } }],
  ['a marker with remarks', { ...ENVELOPE, content: { kind: 'marker', marker: 'hostile', lat: 40.361490239123, lon: -9.145398732, label: 'Checkpoint', remarks: 'Two sentries' } }],
  ['a marker without remarks, a hair off the equator', { ...ENVELOPE, content: { kind: 'marker', marker: 'spot', lat: 1e-7, lon: -2.5e-9, label: 'Origin', remarks: null } }],
  [
    'a SALUTE seen to the minute',
    { ...ENVELOPE, precedence: 'flash', content: { kind: 'salute', size: '8 personnel', activity: 'Digging in', lat: -33.85678, lon: 151.21528, unit: 'unknown', time: Date.UTC(2026, 10, 26, 13, 40), equipment: 'Small arms' } },
  ],
  [
    'a SALUTE whose time carries seconds and milliseconds',
    { ...ENVELOPE, content: { kind: 'salute', size: '2 vehicles', activity: 'Moving north', lat: 40.1, lon: 9.2, unit: 'No markings', time: Date.UTC(2026, 10, 26, 13, 40, 17, 250), equipment: 'unknown' } },
  ],
  [
    'a SITREP with every line',
    {
      ...ENVELOPE,
      precedence: 'routine',
      format: 'cot',
      content: { kind: 'sitrep', unit: '2nd Platoon', location: { lat: 40.5, lon: 9.25 }, situation: 'Holding the crossing.', actions: 'none', plans: 'Withdraw at dusk.', logistics: 'Water for 24 hours.' },
    },
  ],
  ['a SITREP without location, plans or logistics', { ...ENVELOPE, content: { kind: 'sitrep', unit: '2nd Platoon', location: null, situation: 'Quiet.', actions: 'none', plans: null, logistics: null } }],
];

describe('Given a queued draft opened in the compose form to be edited', () => {
  it.each(DRAFTS)('When %s is put in the form and read back unchanged, Then it is the same draft', (_name, draft) => {
    const fields = composeFormFromDraft(draft, NOW);

    expect(fields.kind).toBe(draft.content.kind);
    expect(validateComposeForm(fields, NOW)).toEqual({ ok: true, draft });
  });

  it('When a SALUTE is put in the form, Then its time reads as analysts write it, to the second only when it has seconds', () => {
    const [, minute] = DRAFTS[3] as readonly [string, ComposedDraft];
    const [, seconds] = DRAFTS[4] as readonly [string, ComposedDraft];
    expect(composeFormFromDraft(minute, NOW).saluteTime).toBe('2026-11-26 13:40Z');
    expect(composeFormFromDraft(seconds, NOW).saluteTime).toBe('2026-11-26 13:40:17.250Z');
  });
});

describe('Given a point written out for the form', () => {
  it.each([
    [40.361490239123, 9.145398732],
    [-89.99999999999999, 179.99999999999997],
    [1e-7, -2.5e-9],
    [5e-324, -0.1],
    [0, 0],
  ])('When %d, %d is written and read back, Then it is the same point', (lat, lon) => {
    expect(parseLocation(formatLocation({ lat, lon }))).toEqual({ ok: true, point: { lat, lon } });
  });

  it('When a degree is below a millionth, Then it is written in plain decimals the form can read', () => {
    expect(formatLocation({ lat: 1e-7, lon: -2.5e-9 })).toBe('0.0000001, -0.0000000025');
  });
});
