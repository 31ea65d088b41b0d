import { X509Certificate } from 'node:crypto';
import { isIP } from 'node:net';
import { UserFacingError } from '../core';

export interface RemoteAccess {
  /** Every `host:port` a browser may use: the names the certificate vouches for. */
  readonly hosts: ReadonlySet<string>;
  /** The one to print. */
  readonly primaryHost: string;
}

/**
 * The names a remote browser may reach Outpost by: those in the certificate's subject alternative
 * names, since a browser reaching it by any other name would be warned off anyway. Checking the
 * Host header against them keeps DNS rebinding out as on loopback.
 */
export function remoteAccess(remote: { readonly address: string; readonly tls: { readonly cert: string } }, port: number): RemoteAccess {
  let certificate: X509Certificate;
  try {
    certificate = new X509Certificate(remote.tls.cert);
  } catch {
    throw new UserFacingError('The certificate given with --tls-cert is not a PEM certificate. Give the server certificate file, PEM encoded.');
  }
  const names = (certificate.subjectAltName ?? '')
    .split(',')
    .map((entry) => entry.trim())
    .flatMap((entry) => {
      if (entry.startsWith('DNS:')) return [entry.slice(4)];
      if (entry.startsWith('IP Address:')) return [entry.slice(11)];
      return [];
    })
    .filter((name) => !name.includes('*') && isIP(name) !== 6);
  if (names.length === 0) {
    throw new UserFacingError(
      'The certificate given with --tls-cert names no host in its subject alternative names, so no browser could trust it. Issue one that names this machine.',
    );
  }
  const primary = names.includes(remote.address) ? remote.address : names[0]!;
  return { hosts: new Set(names.map((name) => `${name}:${port}`)), primaryHost: `${primary}:${port}` };
}
