import { describe, expect, it } from 'vitest';
import { blankSubscriptionForm, MAPPING_FIELDS, toSubscriptionInput, validateSubscriptionForm, type SubscriptionFormFields } from '../../renderer/connections/subscription-form-model';

function aForm(overrides: Partial<SubscriptionFormFields> = {}): SubscriptionFormFields {
  return { ...blankSubscriptionForm('cot'), ...overrides };
}

describe('Given the subscription form model', () => {
  it('When the form opens with a topic picked from a test, Then that topic is filled in and the format is detected per record', () => {
    expect(blankSubscriptionForm('cot-east')).toMatchObject({ target: 'topic', topic: 'cot-east', pattern: '', format: 'auto' });
  });

  it('Then the mapping editor offers every field the json format can map', () => {
    expect(MAPPING_FIELDS).toEqual(['id', 'lat', 'lon', 'alt', 'time', 'type', 'course', 'speed', 'callsign']);
  });

  it('When a topic is chosen, Then only the topic is sent, trimmed, with the format', () => {
    const outcome = validateSubscriptionForm('edge', aForm({ topic: ' cot ', pattern: 'ignored.*', format: 'cot' }));
    expect(outcome).toEqual({ ok: true, input: { profileId: 'edge', subscription: { topic: 'cot', format: 'cot', mapping: undefined } } });
  });

  it('When a pattern is chosen, Then only the pattern is sent', () => {
    const input = toSubscriptionInput('edge', aForm({ target: 'pattern', pattern: 'cot\\..*' }));
    expect(input).toEqual({ profileId: 'edge', subscription: { pattern: 'cot\\..*', format: 'auto', mapping: undefined } });
  });

  it('When the json format has some paths, Then only the given paths are sent', () => {
    const mapping = { ...blankSubscriptionForm().mapping, lat: 'position.lat', lon: ' position.lon ' };
    const input = toSubscriptionInput('edge', aForm({ format: 'json', mapping }));
    expect(input.subscription.mapping).toEqual({ lat: 'position.lat', lon: 'position.lon' });
  });

  it('When paths were typed but another format is chosen, Then no mapping is sent', () => {
    const mapping = { ...blankSubscriptionForm().mapping, lat: 'position.lat' };
    expect(toSubscriptionInput('edge', aForm({ format: 'geojson', mapping })).subscription.mapping).toBeUndefined();
    expect(toSubscriptionInput('edge', aForm({ format: 'json' })).subscription.mapping).toBeUndefined();
  });

  it('When the topic is blank or badly named, Then the topic field says so in words', () => {
    expect(validateSubscriptionForm('edge', aForm({ topic: ' ' }))).toEqual({ ok: false, errors: { topic: 'Enter a topic name.' } });
    expect(validateSubscriptionForm('edge', aForm({ topic: 'cot feed' }))).toEqual({
      ok: false,
      errors: { topic: 'A topic name uses letters, digits, ".", "_" and "-".' },
    });
  });

  it('When the pattern is not a regular expression, Then the pattern field says so', () => {
    expect(validateSubscriptionForm('edge', aForm({ target: 'pattern', pattern: '(' }))).toEqual({
      ok: false,
      errors: { pattern: 'The pattern is not a valid regular expression.' },
    });
  });

  it('When a mapping path is malformed, Then the error belongs to that mapping field', () => {
    const mapping = { ...blankSubscriptionForm().mapping, speed: 'motion..speed' };
    expect(validateSubscriptionForm('edge', aForm({ format: 'json', mapping }))).toEqual({
      ok: false,
      errors: { 'mapping.speed': 'A field path is one or more names joined by dots, such as position.lat.' },
    });
  });
});
