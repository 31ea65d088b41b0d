import { execFile } from 'node:child_process';
import { mkdtemp, readFile, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { promisify } from 'node:util';

const run = promisify(execFile);

/** A certificate and its unencrypted PKCS#8 private key, both PEM. */
export interface KeyPair {
  readonly cert: string;
  readonly key: string;
}

/** Everything a secured-broker test needs, generated fresh by the openssl CLI. */
export interface TestCertificates {
  /** The CA that signed the server and client certificates. */
  readonly ca: KeyPair;
  /** A CA that signed nothing here: a profile trusting it must not trust the broker. */
  readonly unrelatedCa: KeyPair;
  /** The broker's certificate, naming IP 127.0.0.1 and DNS localhost, followed by the CA that signed it. */
  readonly server: KeyPair;
  readonly client: KeyPair;
  /** Signed by the same CA, but its validity ended a day before it was made. */
  readonly expiredClient: KeyPair & { readonly expiredAt: Date };
  /** Current, but signed by the unrelated CA, so a broker trusting only `ca` refuses it. */
  readonly untrustedClient: KeyPair;
  /** Removes the folder the files were made in. */
  remove(): Promise<void>;
}

const HOUR_MS = 60 * 60 * 1000;
const DAY_MS = 24 * HOUR_MS;

/**
 * Generates a CA, an unrelated CA, a server certificate and three client certificates in a temp folder.
 * Leaves are issued with `openssl ca`, the one subcommand of OpenSSL 3.0 that takes explicit
 * start and end dates, which is how a certificate that has already expired is made.
 */
export async function makeTestCertificates(): Promise<TestCertificates> {
  const dir = await mkdtemp(join(tmpdir(), 'outpost-tls-'));
  try {
    const ca = await makeCa(dir, 'ca', 'Outpost Test CA');
    const unrelatedCa = await makeCa(dir, 'unrelated-ca', 'Unrelated Test CA');
    const now = Date.now();
    const validFrom = new Date(now - HOUR_MS);
    const validTo = new Date(now + 2 * DAY_MS);
    const server = await issue(dir, 'ca', { name: 'server', commonName: 'localhost', extensions: 'server_leaf', from: validFrom, to: validTo });
    const client = await issue(dir, 'ca', { name: 'client', commonName: 'outpost-analyst', extensions: 'client_leaf', from: validFrom, to: validTo });
    const expiredAt = new Date(Math.floor((now - DAY_MS) / 1000) * 1000);
    const expiredClient = await issue(dir, 'ca', {
      name: 'expired-client',
      commonName: 'outpost-expired',
      extensions: 'client_leaf',
      from: new Date(now - 2 * DAY_MS),
      to: expiredAt,
    });
    const untrustedClient = await issue(dir, 'unrelated-ca', { name: 'untrusted-client', commonName: 'outpost-stranger', extensions: 'client_leaf', from: validFrom, to: validTo });
    return {
      ca,
      unrelatedCa,
      server: { cert: `${server.cert}${ca.cert}`, key: server.key },
      client,
      expiredClient: { ...expiredClient, expiredAt },
      untrustedClient,
      remove: () => rm(dir, { recursive: true, force: true }),
    };
  } catch (error) {
    await rm(dir, { recursive: true, force: true });
    throw error;
  }
}

async function openssl(dir: string, args: string[]): Promise<void> {
  try {
    await run('openssl', args, { cwd: dir });
  } catch (error) {
    const detail = (error as { stderr?: string }).stderr?.trim() || String(error);
    throw new Error(`openssl ${args[0] ?? ''} failed; the secured-broker tests need the openssl command (${detail}).`);
  }
}

async function newKey(dir: string, name: string): Promise<string> {
  const path = `${name}.key`;
  await openssl(dir, ['genpkey', '-algorithm', 'EC', '-pkeyopt', 'ec_paramgen_curve:P-256', '-out', path]);
  return path;
}

async function makeCa(dir: string, name: string, commonName: string): Promise<KeyPair> {
  const key = await newKey(dir, name);
  await writeFile(join(dir, `${name}.cnf`), caConfig(name));
  await writeFile(join(dir, `${name}.index`), '');
  await openssl(dir, [
    'req', '-x509', '-new', '-key', key, '-out', `${name}.pem`, '-days', '3', '-subj', `/CN=${commonName}`,
    '-addext', 'basicConstraints=critical,CA:TRUE', '-addext', 'keyUsage=critical,keyCertSign,cRLSign',
  ]);
  return { cert: await readFile(join(dir, `${name}.pem`), 'utf8'), key: await readFile(join(dir, key), 'utf8') };
}

interface LeafRequest {
  readonly name: string;
  readonly commonName: string;
  readonly extensions: 'server_leaf' | 'client_leaf';
  readonly from: Date;
  readonly to: Date;
}

async function issue(dir: string, signer: string, { name, commonName, extensions, from, to }: LeafRequest): Promise<KeyPair> {
  const key = await newKey(dir, name);
  await openssl(dir, ['req', '-new', '-key', key, '-out', `${name}.csr`, '-subj', `/CN=${commonName}`]);
  await openssl(dir, [
    'ca', '-batch', '-notext', '-config', `${signer}.cnf`, '-extensions', extensions, '-in', `${name}.csr`, '-out', `${name}.pem`,
    '-startdate', asn1Time(from), '-enddate', asn1Time(to),
  ]);
  return { cert: await readFile(join(dir, `${name}.pem`), 'utf8'), key: await readFile(join(dir, key), 'utf8') };
}

/** YYYYMMDDHHMMSSZ, the GeneralizedTime form `openssl ca` accepts for -startdate and -enddate. */
function asn1Time(date: Date): string {
  return `${date.toISOString().slice(0, 19).replace(/[-T:]/g, '')}Z`;
}

function caConfig(name: string): string {
  return [
    '[ca]',
    'default_ca = this_ca',
    '[this_ca]',
    'dir = .',
    `database = ${name}.index`,
    'new_certs_dir = .',
    `certificate = ${name}.pem`,
    `private_key = ${name}.key`,
    'rand_serial = yes',
    'unique_subject = no',
    'default_md = sha256',
    'policy = any_name',
    'copy_extensions = none',
    '[any_name]',
    'commonName = supplied',
    '[server_leaf]',
    'basicConstraints = critical,CA:FALSE',
    'keyUsage = critical,digitalSignature,keyEncipherment',
    'extendedKeyUsage = serverAuth',
    'subjectAltName = IP:127.0.0.1,DNS:localhost',
    '[client_leaf]',
    'basicConstraints = critical,CA:FALSE',
    'keyUsage = critical,digitalSignature,keyEncipherment',
    'extendedKeyUsage = clientAuth',
    '',
  ].join('\n');
}
