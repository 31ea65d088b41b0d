import type { z } from 'zod';
import { ProfileInputSchema, type Profile, type ProfileInput } from '../../shared/connections';
import { issueSentence, type FieldWording } from './issue-sentence';

export type SaslMechanism = NonNullable<Profile['sasl']>['mechanism'];

/** The profile form exactly as typed: every value a string or a switch, so inputs stay controlled. */
export interface ProfileFormFields {
  readonly id: string;
  readonly name: string;
  /** Comma-, space- or newline-separated host:port addresses. */
  readonly brokers: string;
  readonly clientId: string;
  readonly groupId: string;
  readonly enabled: boolean;
  readonly useTls: boolean;
  readonly ca: string;
  readonly cert: string;
  /** Blank on edit keeps the stored key. */
  readonly key: string;
  readonly servername: string;
  readonly useSasl: boolean;
  readonly mechanism: SaslMechanism;
  readonly username: string;
  /** Blank on edit keeps the stored password. */
  readonly password: string;
}

export type ProfileField = keyof ProfileFormFields;
/** `form` holds a problem no single field owns. */
export type ProfileFormErrors = Partial<Record<ProfileField | 'form', string>>;

/** Which secrets the core already holds for the profile being edited. */
export interface StoredSecrets {
  readonly key: boolean;
  readonly password: boolean;
}

export const NO_STORED_SECRETS: StoredSecrets = { key: false, password: false };

export type ProfileFormOutcome = { readonly ok: true; readonly input: ProfileInput } | { readonly ok: false; readonly errors: ProfileFormErrors };

const DEFAULT_CLIENT_ID = 'outpost';

/** Where each ProfileInput path is typed in the form, and how to name it; array indexes are dropped first. */
const schemaFields: Readonly<Record<string, FieldWording & { readonly field: ProfileField }>> = {
  id: { field: 'id', noun: 'a profile id', label: 'The profile id' },
  name: { field: 'name', noun: 'a name', label: 'The name' },
  brokers: { field: 'brokers', noun: 'at least one broker', label: 'The broker list' },
  clientId: { field: 'clientId', noun: 'a client id', label: 'The client id' },
  groupId: { field: 'groupId', noun: 'a group id', label: 'The group id' },
  'tls.ca': { field: 'ca', noun: 'the CA certificate', label: 'The CA certificate' },
  'tls.cert': { field: 'cert', noun: 'the client certificate', label: 'The client certificate' },
  'tls.key': { field: 'key', noun: 'the client key', label: 'The client key' },
  'tls.servername': { field: 'servername', noun: 'a server name', label: 'The server name' },
  'sasl.username': { field: 'username', noun: 'a username', label: 'The username' },
  'sasl.password': { field: 'password', noun: 'a password', label: 'The password' },
};
const UNKNOWN_FIELD: FieldWording = { noun: 'a value', label: 'A value' };

export function blankProfileForm(): ProfileFormFields {
  return {
    id: '',
    name: '',
    brokers: '',
    clientId: DEFAULT_CLIENT_ID,
    groupId: '',
    enabled: true,
    useTls: false,
    ca: '',
    cert: '',
    key: '',
    servername: '',
    useSasl: false,
    mechanism: 'plain',
    username: '',
    password: '',
  };
}

/** A saved profile, ready to edit; the core never returns secrets, so those fields start blank. */
export function profileFormFrom(profile: Profile): ProfileFormFields {
  return {
    id: profile.id,
    name: profile.name,
    brokers: profile.brokers.join(', '),
    clientId: profile.clientId,
    groupId: profile.groupId ?? '',
    enabled: profile.enabled,
    useTls: profile.tls !== null,
    ca: profile.tls?.ca ?? '',
    cert: profile.tls?.cert ?? '',
    key: '',
    servername: profile.tls?.servername ?? '',
    useSasl: profile.sasl !== null,
    mechanism: profile.sasl?.mechanism ?? 'plain',
    username: profile.sasl?.username ?? '',
    password: '',
  };
}

export function storedSecretsOf(profile: Profile): StoredSecrets {
  return { key: profile.tls?.hasKey ?? false, password: profile.sasl?.hasPassword ?? false };
}

/** The form after a save: the secrets have gone to the core and are not kept here. */
export function withoutSecrets(fields: ProfileFormFields): ProfileFormFields {
  return { ...fields, key: '', password: '' };
}

/** Blank optional fields are left out, so the schema's defaults apply and stored secrets are kept. */
export function toProfileInput(fields: ProfileFormFields): ProfileInput {
  return {
    id: fields.id.trim(),
    name: fields.name.trim(),
    brokers: splitBrokers(fields.brokers),
    clientId: optional(fields.clientId.trim()),
    groupId: optional(fields.groupId.trim()),
    tls: fields.useTls
      ? {
          ca: optional(fields.ca.trim()),
          cert: optional(fields.cert.trim()),
          key: optional(fields.key.trim()),
          servername: optional(fields.servername.trim()),
        }
      : undefined,
    sasl: fields.useSasl
      ? { mechanism: fields.mechanism, username: fields.username.trim(), password: optional(fields.password) }
      : undefined,
    enabled: fields.enabled,
  };
}

/**
 * Checks the form with the same schema the core applies, then the pairings the schema cannot
 * see because they depend on what is already stored: a login needs a password, a client
 * certificate needs its key.
 */
export function validateProfileForm(fields: ProfileFormFields, stored: StoredSecrets): ProfileFormOutcome {
  const input = toProfileInput(fields);
  const parsed = ProfileInputSchema.safeParse(input);
  const errors: ProfileFormErrors = parsed.success ? {} : schemaErrors(parsed.error, input);
  const hasKey = fields.key.trim() !== '' || stored.key;
  const hasCert = fields.cert.trim() !== '';
  if (fields.useSasl && fields.password === '' && !stored.password) {
    errors.password ??= 'Enter the password for this username.';
  }
  if (fields.useTls && hasCert && !hasKey) errors.key ??= 'A client certificate needs its private key: paste or load the key.';
  if (fields.useTls && fields.key.trim() !== '' && !hasCert) {
    errors.cert ??= 'A private key needs its client certificate: paste or load the certificate.';
  }
  return Object.keys(errors).length === 0 ? { ok: true, input } : { ok: false, errors };
}

function schemaErrors(error: z.ZodError, input: ProfileInput): ProfileFormErrors {
  const errors: ProfileFormErrors = {};
  for (const issue of error.issues) {
    const named = schemaFields[issue.path.filter((part) => typeof part === 'string').join('.')];
    const sentence = issueSentence(issue, named ?? UNKNOWN_FIELD);
    const brokerIndex = named?.field === 'brokers' ? issue.path[1] : undefined;
    // One address among several is wrong: say which one.
    const located = typeof brokerIndex === 'number' ? `Check “${input.brokers[brokerIndex] ?? ''}”: ${lowerFirst(sentence)}` : sentence;
    errors[named?.field ?? 'form'] ??= located;
  }
  return errors;
}

function splitBrokers(text: string): string[] {
  return text.split(/[\s,]+/).filter((address) => address !== '');
}

function lowerFirst(text: string): string {
  return text.charAt(0).toLowerCase() + text.slice(1);
}

function optional(text: string): string | undefined {
  return text === '' ? undefined : text;
}
