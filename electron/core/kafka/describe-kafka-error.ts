import type { TEST_FAILURE_STAGES } from '../../../shared/connections';

export type FailureStage = (typeof TEST_FAILURE_STAGES)[number];

export interface DescribedFailure {
  readonly stage: FailureStage;
  /** One sentence naming the cause, for the analyst. */
  readonly sentence: string;
}

const TLS_CODES: Readonly<Record<string, string>> = {
  DEPTH_ZERO_SELF_SIGNED_CERT: 'the broker’s certificate is self-signed and not trusted by the profile’s CA',
  SELF_SIGNED_CERT_IN_CHAIN: 'the broker’s certificate chain ends in a CA the profile does not trust',
  UNABLE_TO_VERIFY_LEAF_SIGNATURE: 'the broker’s certificate is not signed by the profile’s CA',
  UNABLE_TO_GET_ISSUER_CERT_LOCALLY: 'the broker’s certificate is not signed by the profile’s CA',
  CERT_HAS_EXPIRED: 'a certificate in the chain has expired',
  CERT_NOT_YET_VALID: 'a certificate in the chain is not valid yet',
  ERR_TLS_CERT_ALTNAME_INVALID: 'the broker’s certificate does not name the host Outpost connected to',
  ERR_SSL_WRONG_VERSION_NUMBER: 'the broker did not answer with TLS; the listener may be plaintext',
  EPROTO: 'the TLS handshake failed',
};

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
 * chains and retry errors, so the whole chain is searched.
 */
export function describeKafkaError(error: unknown, brokers: readonly string[]): DescribedFailure {
  const chain = causeChain(error);
  const where = brokers.join(', ');
  for (const link of chain) {
    if (link.name === 'KafkaJSSASLAuthenticationError' || /SASL .*authentication failed/i.test(link.message)) {
      return { stage: 'authentication', sentence: `The brokers at ${where} refused the user name or password (${link.message}).` };
    }
    const type = typeof link.type === 'string' ? link.type : '';
    if (AUTHORISATION_TYPES.has(type)) {
      return { stage: 'authorisation', sentence: `The brokers at ${where} accepted the login but refused access: ${type.toLowerCase().replaceAll('_', ' ')}.` };
    }
    const code = typeof link.code === 'string' ? link.code : '';
    if (code.startsWith('ERR_OSSL') || /routines::/.test(link.message)) {
      return { stage: 'tls', sentence: `The profile’s TLS certificate, key or CA could not be used (${link.message}); check that each is PEM text of the right kind.` };
    }
    const tlsCause = TLS_CODES[code];
    if (tlsCause !== undefined || /certificate|ssl|tls/i.test(link.message)) {
      return { stage: 'tls', sentence: `The TLS connection to ${where} failed: ${tlsCause ?? link.message}.` };
    }
    const unreachableCause = UNREACHABLE_CODES[code];
    if (unreachableCause !== undefined) {
      return { stage: 'unreachable', sentence: `Cannot reach the brokers at ${where}: ${unreachableCause}.` };
    }
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
