import { describe, expect, it } from 'vitest';
import type { Profile } from '../../shared/connections';
import {
  blankProfileForm,
  NO_STORED_SECRETS,
  profileFormFrom,
  storedSecretsOf,
  toProfileInput,
  validateProfileForm,
  withoutSecrets,
  type ProfileFormFields,
} from '../../renderer/connections/profile-form-model';

const CERT = '-----BEGIN CERTIFICATE-----\nMIIB\n-----END CERTIFICATE-----';
const KEY = '-----BEGIN PRIVATE KEY-----\nMIIE\n-----END PRIVATE KEY-----';

function aForm(overrides: Partial<ProfileFormFields> = {}): ProfileFormFields {
  return { ...blankProfileForm(), id: 'edge', name: 'Edge broker', brokers: 'localhost:9092', ...overrides };
}

function aProfile(overrides: Partial<Profile> = {}): Profile {
  return {
    id: 'edge',
    name: 'Edge broker',
    brokers: ['10.0.0.5:9093', '10.0.0.6:9093'],
    clientId: 'outpost',
    groupId: 'team-a',
    tls: { ca: CERT, cert: CERT, hasKey: true, servername: 'kafka.local' },
    sasl: { mechanism: 'scram-sha-512', username: 'analyst', hasPassword: true },
    enabled: false,
    ...overrides,
  };
}

describe('Given the profile form model', () => {
  it('When brokers are typed with commas, spaces and new lines, Then each address becomes one entry', () => {
    const input = toProfileInput(aForm({ brokers: ' a.local:9092,b.local:9092\n\nc.local:9092 , ' }));
    expect(input.brokers).toEqual(['a.local:9092', 'b.local:9092', 'c.local:9092']);
  });

  it('When optional fields are blank, Then they are left out so the schema defaults apply', () => {
    const input = toProfileInput(aForm({ clientId: '  ', groupId: '' }));
    expect(input).toEqual({ id: 'edge', name: 'Edge broker', brokers: ['localhost:9092'], clientId: undefined, groupId: undefined, tls: undefined, sasl: undefined, enabled: true });
    const outcome = validateProfileForm(aForm({ clientId: '' }), NO_STORED_SECRETS);
    expect(outcome.ok).toBe(true);
  });

  it('When TLS and SASL are switched off, Then their fields are not sent even if something was typed', () => {
    const input = toProfileInput(aForm({ useTls: false, ca: CERT, useSasl: false, username: 'someone', password: 'secret' }));
    expect(input.tls).toBeUndefined();
    expect(input.sasl).toBeUndefined();
  });

  it('When every field is valid, Then the outcome carries the input the core will accept', () => {
    const outcome = validateProfileForm(
      aForm({ useTls: true, ca: CERT, cert: CERT, key: KEY, servername: 'kafka.local', useSasl: true, mechanism: 'scram-sha-256', username: 'analyst', password: ' p w ' }),
      NO_STORED_SECRETS,
    );
    expect(outcome).toEqual({
      ok: true,
      input: expect.objectContaining({
        tls: { ca: CERT, cert: CERT, key: KEY, servername: 'kafka.local' },
        sasl: { mechanism: 'scram-sha-256', username: 'analyst', password: ' p w ' },
      }),
    });
  });

  it('When fields break the shared schema, Then each field gets one sentence in words rather than zod’s wording', () => {
    const outcome = validateProfileForm(aForm({ id: 'Edge Broker', name: '', brokers: 'localhost:9092, kafka', clientId: 'x'.repeat(101) }), NO_STORED_SECRETS);
    expect(outcome).toEqual({
      ok: false,
      errors: {
        id: 'A profile id is 1–40 lowercase letters, digits or dashes.',
        name: 'Enter a name.',
        brokers: 'Check “kafka”: a broker address looks like host:port, for example localhost:9092.',
        clientId: 'The client id is too long: the limit is 100 characters.',
      },
    });
  });

  it('When no broker is given, Then the broker field says to name one', () => {
    const outcome = validateProfileForm(aForm({ brokers: ' ,\n' }), NO_STORED_SECRETS);
    expect(outcome).toEqual({ ok: false, errors: { brokers: 'Name at least one broker.' } });
  });

  it('When a TLS field holds text that is not PEM, Then that field is named', () => {
    const outcome = validateProfileForm(aForm({ useTls: true, ca: 'not a certificate' }), NO_STORED_SECRETS);
    expect(outcome).toEqual({ ok: false, errors: { ca: 'Expected PEM text starting with -----BEGIN.' } });
  });

  it('When SASL is on with no password and none is stored, Then a password is asked for', () => {
    const outcome = validateProfileForm(aForm({ useSasl: true, username: 'analyst' }), NO_STORED_SECRETS);
    expect(outcome).toEqual({ ok: false, errors: { password: 'Enter the password for this username.' } });
  });

  it('When a client certificate comes without a key, or a key without a certificate, Then the missing half is asked for', () => {
    expect(validateProfileForm(aForm({ useTls: true, cert: CERT }), NO_STORED_SECRETS)).toEqual({
      ok: false,
      errors: { key: 'A client certificate needs its private key: paste or load the key.' },
    });
    expect(validateProfileForm(aForm({ useTls: true, key: KEY }), NO_STORED_SECRETS)).toEqual({
      ok: false,
      errors: { cert: 'A private key needs its client certificate: paste or load the certificate.' },
    });
  });

  it('When a saved profile is edited, Then its fields are filled but its secrets start blank', () => {
    const fields = profileFormFrom(aProfile());
    expect(fields).toEqual({
      id: 'edge',
      name: 'Edge broker',
      brokers: '10.0.0.5:9093, 10.0.0.6:9093',
      clientId: 'outpost',
      groupId: 'team-a',
      enabled: false,
      useTls: true,
      ca: CERT,
      cert: CERT,
      key: '',
      servername: 'kafka.local',
      useSasl: true,
      mechanism: 'scram-sha-512',
      username: 'analyst',
      password: '',
    });
    expect(storedSecretsOf(aProfile())).toEqual({ key: true, password: true });
  });

  it('When an edit leaves the stored key and password blank, Then it is valid and both are left out so the core keeps them', () => {
    const profile = aProfile();
    const outcome = validateProfileForm(profileFormFrom(profile), storedSecretsOf(profile));
    expect(outcome.ok).toBe(true);
    if (!outcome.ok) return;
    expect(outcome.input.tls).toEqual({ ca: CERT, cert: CERT, key: undefined, servername: 'kafka.local' });
    expect(outcome.input.sasl).toEqual({ mechanism: 'scram-sha-512', username: 'analyst', password: undefined });
    expect(outcome.input.enabled).toBe(false);
  });

  it('When a profile without TLS or SASL is edited, Then both sections start switched off', () => {
    const fields = profileFormFrom(aProfile({ tls: null, sasl: null, groupId: null }));
    expect(fields).toMatchObject({ useTls: false, useSasl: false, groupId: '', mechanism: 'plain' });
    expect(storedSecretsOf(aProfile({ tls: null, sasl: null }))).toEqual(NO_STORED_SECRETS);
  });

  it('When the form has been saved, Then the key and password are cleared and nothing else is', () => {
    const typed = aForm({ useTls: true, key: KEY, useSasl: true, username: 'analyst', password: 'secret' });
    expect(withoutSecrets(typed)).toEqual({ ...typed, key: '', password: '' });
  });
});
