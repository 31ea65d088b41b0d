import type { TEST_FAILURE_STAGES } from '../../../shared/connections';
import type { StoredProfile } from '../store/store';
import { ProfileTlsError } from './check-client-certificate';

export type FailureStage = (typeof TEST_FAILURE_STAGES)[number];

export interface DescribedFailure {
  readonly stage: FailureStage;
  /** One sentence naming the cause, for the analyst. */
  readonly sentence: string;
}

type SaslMechanism = NonNullable<StoredProfile['sasl']>['mechanism'];

/**
 * What the profile asked for. A broker's bare "closed connection" or "bad certificate" means
 * different things with and without TLS, a client certificate or a login, so knowing which the
 * profile has lets the sentence say what to change.
 */
export interface ConnectionSecurity {
  readonly tls: boolean;
  readonly ca: boolean;
  readonly clientCertificate: boolean;
  readonly saslMechanism: SaslMechanism | null;
  /**
   * Whether this profile has yet to reach its brokers. Only then does a dropped connection hint
   * at a listener that wants another protocol; once it has worked, a drop is the link or the broker.
   */
  readonly firstContact: boolean;
}

export function connectionSecurityOf(profile: StoredProfile, options: { readonly firstContact: boolean }): ConnectionSecurity {
  return {
    tls: profile.tls !== null,
    ca: profile.tls !== null && profile.tls.ca !== null,
    clientCertificate: profile.tls !== null && profile.tls.cert !== null,
    saslMechanism: profile.sasl?.mechanism ?? null,
    firstContact: options.firstContact,
  };
}

const MECHANISM_NAMES: Readonly<Record<SaslMechanism, string>> = {
  plain: 'PLAIN',
  'scram-sha-256': 'SCRAM-SHA-256',
  'scram-sha-512': 'SCRAM-SHA-512',
};

/** How kafkajs names each mechanism in "SASL … authentication failed". */
const KAFKAJS_MECHANISM_NAMES: Readonly<Record<string, string>> = {
  PLAIN: 'PLAIN',
  'SCRAM SHA256': 'SCRAM-SHA-256',
  'SCRAM SHA512': 'SCRAM-SHA-512',
};

/** Node's codes when the broker's certificate does not lead to a CA the connection trusts. */
const UNTRUSTED_ISSUER_CODES = new Set([
  'DEPTH_ZERO_SELF_SIGNED_CERT',
  'SELF_SIGNED_CERT_IN_CHAIN',
  'UNABLE_TO_VERIFY_LEAF_SIGNATURE',
  'UNABLE_TO_GET_ISSUER_CERT',
  'UNABLE_TO_GET_ISSUER_CERT_LOCALLY',
]);

/**
 * TLS alerts a broker sends when it asked for a client certificate and got none it could use. Java
 * brokers send "bad certificate"; the TLS 1.3 alert is named differently by OpenSSL (Node) and
 * BoringSSL (Electron).
 */
const NO_CLIENT_CERTIFICATE_ALERTS = new Set([
  'ERR_SSL_SSLV3_ALERT_BAD_CERTIFICATE',
  'ERR_SSL_TLSV13_ALERT_CERTIFICATE_REQUIRED',
  'ERR_SSL_TLSV1_ALERT_CERTIFICATE_REQUIRED',
]);

/** TLS alerts a broker sends when it did not accept the client certificate it was given. */
const REFUSED_CLIENT_CERTIFICATE_ALERTS = new Set([
  'ERR_SSL_SSLV3_ALERT_CERTIFICATE_UNKNOWN',
  'ERR_SSL_SSLV3_ALERT_CERTIFICATE_REVOKED',
  'ERR_SSL_SSLV3_ALERT_UNSUPPORTED_CERTIFICATE',
  'ERR_SSL_TLSV1_ALERT_UNKNOWN_CA',
]);

/** Codes and messages of a TLS client that got an answer which was not TLS at all. */
const NOT_TLS_CODES = new Set(['ERR_SSL_WRONG_VERSION_NUMBER', 'ERR_SSL_PACKET_LENGTH_TOO_LONG', 'ERR_SSL_RECORD_LAYER_FAILURE']);
const DISCONNECTED_BEFORE_TLS = /before secure TLS connection was established/i;

const UNREACHABLE_CODES: Readonly<Record<string, string>> = {
  ECONNREFUSED: 'the connection was refused',
  ENOTFOUND: 'the host name does not resolve',
  EAI_AGAIN: 'the host name could not be resolved right now',
  ETIMEDOUT: 'the connection timed out',
  EHOSTUNREACH: 'the host is unreachable',
  ENETUNREACH: 'the network is unreachable',
  ECONNRESET: 'the connection was reset',
};

const AUTHORISATION_TYPES = new Set([
  'TOPIC_AUTHORIZATION_FAILED',
  'GROUP_AUTHORIZATION_FAILED',
  'CLUSTER_AUTHORIZATION_FAILED',
  'TRANSACTIONAL_ID_AUTHORIZATION_FAILED',
  'DELEGATION_TOKEN_AUTHORIZATION_FAILED',
]);

/**
 * Turns whatever kafkajs or Node threw into the stage that failed and a
 * sentence that names the cause. kafkajs wraps the real error in `cause`
 * chains and retry errors, so the whole chain is searched. With the profile's
 * security settings, refusals that look alike on the wire are told apart.
 */
export function describeKafkaError(error: unknown, brokers: readonly string[], security: ConnectionSecurity | null = null): DescribedFailure {
  const chain = causeChain(error);
  const where = brokers.join(', ');
  // Codes first, in every link: an outer retry error repeats the inner message without its code.
  for (const link of chain) {
    const described = describeLink(link, where, security);
    if (described !== null) return described;
  }
  for (const link of chain) {
    const tls = describeTlsMessage(link, where);
    if (tls !== null) return { stage: 'tls', sentence: tls };
  }
  if (security?.firstContact === true && chain.some((link) => link.name === 'KafkaJSConnectionClosedError')) {
    const closed = describeClosedConnection(where, security);
    if (closed !== null) return closed;
  }
  for (const link of chain) {
    if (link.name === 'KafkaJSConnectionError' || link.name === 'KafkaJSRequestTimeoutError' || /connect/i.test(link.message)) {
      return { stage: 'unreachable', sentence: `Cannot reach the brokers at ${where}: ${link.message}.` };
    }
    // What a consumer's fetch says when the broker it was fetching from has gone away.
    if (link.name === 'KafkaJSNoBrokerAvailableError') {
      return { stage: 'unreachable', sentence: `Cannot reach the brokers at ${where}: no broker is answering.` };
    }
  }
  const first = chain[0];
  return { stage: 'other', sentence: `Kafka at ${where} failed: ${first === undefined ? String(error) : first.message}.` };
}

function describeLink(link: ErrorLink, where: string, security: ConnectionSecurity | null): DescribedFailure | null {
  if (link instanceof ProfileTlsError) {
    return { stage: 'tls', sentence: link.message };
  }
  if (link.name === 'KafkaJSSASLAuthenticationError' || /SASL .*authentication failed/i.test(link.message)) {
    const mechanism = mechanismName(link.message, security);
    return {
      stage: 'authentication',
      sentence:
        `The brokers at ${where} refused the user name or password for ${mechanism}; check both in this profile ` +
        '(a broker gives the same answer for an unknown user as for a wrong password).',
    };
  }
  const type = typeof link.type === 'string' ? link.type : '';
  if (type === 'UNSUPPORTED_SASL_MECHANISM') {
    const configured = security?.saslMechanism ?? null;
    const mechanism = configured === null ? 'the SASL mechanism this profile uses' : MECHANISM_NAMES[configured];
    return { stage: 'authentication', sentence: `The brokers at ${where} do not accept ${mechanism}; choose the mechanism the broker’s administrator gave with the user name.` };
  }
  if (AUTHORISATION_TYPES.has(type)) {
    return { stage: 'authorisation', sentence: `The brokers at ${where} accepted the login but refused access: ${type.toLowerCase().replaceAll('_', ' ')}.` };
  }
  const code = typeof link.code === 'string' ? link.code : '';
  const tls = describeTlsFailure(code, link.message, where, security);
  if (tls !== null) return { stage: 'tls', sentence: tls };
  const unreachableCause = UNREACHABLE_CODES[code];
  if (unreachableCause !== undefined) {
    return { stage: 'unreachable', sentence: `Cannot reach the brokers at ${where}: ${unreachableCause}.` };
  }
  return null;
}

function describeTlsFailure(code: string, message: string, where: string, security: ConnectionSecurity | null): string | null {
  if (UNTRUSTED_ISSUER_CODES.has(code)) {
    return security?.ca === false
      ? `The broker’s certificate at ${where} is not signed by a CA this computer trusts; put the CA certificate that signed it in this profile.`
      : `The broker’s certificate at ${where} is not signed by the CA in this profile; put the CA certificate that signed the broker’s certificate in the profile.`;
  }
  if (code === 'ERR_TLS_CERT_ALTNAME_INVALID') return describeNameMismatch(message, where);
  if (code === 'CERT_HAS_EXPIRED') {
    return `The broker’s certificate at ${where}, or a CA certificate above it, has expired; the broker’s administrator must renew it.`;
  }
  if (code === 'CERT_NOT_YET_VALID') {
    return `The broker’s certificate at ${where} is not valid yet; check this computer’s clock.`;
  }
  if (code === 'ERR_SSL_SSLV3_ALERT_CERTIFICATE_EXPIRED') {
    return `The brokers at ${where} refused this profile’s client certificate because it has expired; ask the broker’s administrator for a new one.`;
  }
  if (NO_CLIENT_CERTIFICATE_ALERTS.has(code)) {
    return security?.clientCertificate === true
      ? `The brokers at ${where} refused this profile’s client certificate; ask the broker’s administrator whether it is the one issued for these brokers.`
      : `The brokers at ${where} require a client certificate (mutual TLS) and refused the connection without one; add the client certificate and key issued for Outpost to this profile.`;
  }
  if (REFUSED_CLIENT_CERTIFICATE_ALERTS.has(code)) {
    return (
      `The brokers at ${where} refused this profile’s client certificate: it has expired, been revoked, or is not signed by a CA ` +
      'the brokers trust; ask the broker’s administrator for a current one.'
    );
  }
  if (NOT_TLS_CODES.has(code) || (security?.firstContact !== false && DISCONNECTED_BEFORE_TLS.test(message))) {
    return (
      `The brokers at ${where} did not complete a TLS handshake, so the port is probably a plaintext listener; ` +
      'this profile uses TLS and never falls back to plaintext, so give the address of the broker’s TLS listener.'
    );
  }
  return null;
}

/** For TLS failures without a code this module knows: Node's message is the best that can be said. */
function describeTlsMessage({ code, message }: ErrorLink, where: string): string | null {
  const known = typeof code === 'string' ? code : '';
  if (known.startsWith('ERR_OSSL') || /routines::/.test(message)) {
    return `The profile’s TLS certificate, key or CA could not be used (${message.trim()}); check that each is PEM text of the right kind.`;
  }
  if (known.startsWith('ERR_SSL') || known === 'EPROTO' || /certificate|ssl|tls/i.test(message)) {
    return `The TLS connection to ${where} failed: ${message.trim()}.`;
  }
  return null;
}

/** Node says "Host: name. is not in the cert's altnames: DNS:…" or "IP: address is not in the cert's list: …". */
function describeNameMismatch(message: string, where: string): string {
  const match = /(?:Host: (.+?)\.|IP: (\S+)) is not (?:in the cert's altnames|in the cert's list|cert's CN):?\s*(.*)$/.exec(message);
  const name = match?.[1] ?? match?.[2];
  if (match === null || name === undefined) {
    return `The broker’s certificate at ${where} does not name the host Outpost connected to; set the profile’s server name to a name the certificate lists.`;
  }
  const listed = match[3]?.trim() ?? '';
  const names = listed === '' ? 'no name Outpost can match' : listed;
  return (
    `The broker’s certificate at ${where} does not name “${name}”; it names ${names}. Set the profile’s server name to one of those, ` +
    'or connect with an address the certificate names.'
  );
}

/** Why a broker that accepts the TCP connection would hang up before its first answer. */
function describeClosedConnection(where: string, security: ConnectionSecurity): DescribedFailure | null {
  if (!security.tls) {
    return {
      stage: 'tls',
      sentence:
        `The brokers at ${where} closed the connection before answering; the listener probably expects TLS, which this profile does not use. ` +
        'Turn on TLS in the profile, or give the address of a plaintext listener.',
    };
  }
  if (security.saslMechanism === null) {
    return {
      stage: 'authentication',
      sentence: `The brokers at ${where} closed the connection before answering; the listener probably expects a SASL login, which this profile does not give.`,
    };
  }
  return null;
}

function mechanismName(message: string, security: ConnectionSecurity | null): string {
  const configured = security?.saslMechanism ?? null;
  if (configured !== null) return MECHANISM_NAMES[configured];
  const named = /SASL (.+?) authentication failed/i.exec(message)?.[1];
  return (named === undefined ? undefined : KAFKAJS_MECHANISM_NAMES[named.toUpperCase()]) ?? 'the SASL login';
}

export interface ErrorLink {
  readonly name: string;
  readonly message: string;
  readonly code?: unknown;
  readonly type?: unknown;
}

/**
 * The error and every error it wraps, outermost first: kafkajs puts the broker's answer (a
 * KafkaJSProtocolError with its `type`) inside KafkaJSNonRetriableError or
 * KafkaJSNumberOfRetriesExceeded, in `cause` or `originalError`.
 */
export function causeChain(error: unknown): ErrorLink[] {
  const chain: ErrorLink[] = [];
  const seen = new Set<unknown>();
  let current: unknown = error;
  while (current instanceof Error && !seen.has(current) && chain.length < 10) {
    seen.add(current);
    chain.push(current as ErrorLink);
    const next: unknown = (current as { cause?: unknown; originalError?: unknown }).cause ?? (current as { originalError?: unknown }).originalError;
    current = next;
  }
  return chain;
}
