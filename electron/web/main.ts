import { readFile } from 'node:fs/promises';
import { join } from 'node:path';
import { CACHE_FILE_NAME, createCore, openSession, systemClock, UserFacingError, type Session } from '../core';
import { readLaunchOptions, type LaunchOptions } from '../core/config/launch-options';
import { readPassphraseFile } from '../core/vault/passphrase-file';
import { defaultDataDir } from '../hosting/data-dir';
import { createStderrLog } from '../hosting/stderr-log';
import { LOOPBACK, startWebHost, type RemoteServing } from './web-host';

/** `npm run web`: the core plus the renderer over HTTP, for a browser or the e2e tests. */
async function main(): Promise<void> {
  const log = createStderrLog();
  const launch = readLaunchOptions(process.argv.slice(2));
  const dataDir = launch.dataDir ?? defaultDataDir();
  const ingestWorker = { path: join(__dirname, 'ingest-worker.cjs') };
  const outpost = await openSession({
    dataDir,
    config: launch.config,
    clock: systemClock,
    log,
    // A browser has no keychain to offer: the passphrase alone wraps the keys.
    keychain: null,
    cacheFile: join(dataDir, CACHE_FILE_NAME),
    openCore: (secrets) => createCore({ dataDir, config: launch.config, secrets, clock: systemClock, log, ingestWorker }),
  });
  if (launch.passphraseFile !== null) await unlockFromFile(outpost, launch.passphraseFile);
  const host = await startWebHost({
    core: outpost,
    staticDir: join(__dirname, '..', 'renderer'),
    port: launch.port ?? 0,
    log,
    remote: await remoteServing(launch, outpost),
  });
  process.stdout.write(`Outpost is running. Open ${host.url}\n`);

  const shutdown = (): void => {
    void host
      .close()
      .then(() => outpost.close())
      .finally(() => process.exit(0));
  };
  process.once('SIGINT', shutdown);
  process.once('SIGTERM', shutdown);
}

/** Sets up or unlocks with the passphrase in a file, as a service started unattended must. */
async function unlockFromFile(outpost: Session, file: string): Promise<void> {
  const passphrase = await readPassphraseFile(file);
  const method = outpost.state().phase === 'setup' ? 'session.setup' : 'session.unlock';
  const answer = await outpost.dispatch(method, { passphrase });
  if (!answer.ok) throw new UserFacingError(`The passphrase in ${file} did not ${method === 'session.setup' ? 'set up' : 'unlock'} Outpost: ${answer.error.message}`);
}

/** Any address but loopback is served over HTTPS, with a passphrase login, or not at all. */
async function remoteServing(launch: LaunchOptions, outpost: Session): Promise<RemoteServing | undefined> {
  if (launch.host === null || launch.host === LOOPBACK) return undefined;
  if (launch.tlsCertFile === null || launch.tlsKeyFile === null) {
    throw new UserFacingError(
      `Outpost serves ${launch.host} only over HTTPS, with a passphrase login. Give --tls-cert and --tls-key, or leave out --host to serve this machine alone.`,
    );
  }
  return {
    address: launch.host,
    tls: { cert: await readGivenFile(launch.tlsCertFile, '--tls-cert'), key: await readGivenFile(launch.tlsKeyFile, '--tls-key') },
    login: (passphrase) => outpost.login(passphrase),
  };
}

async function readGivenFile(file: string, option: string): Promise<string> {
  try {
    return await readFile(file, 'utf8');
  } catch {
    throw new UserFacingError(`Cannot read the file given with ${option}, ${file}. Check the path and its permissions.`);
  }
}

main().catch((error: unknown) => {
  const message = error instanceof UserFacingError ? error.message : `Outpost could not start: ${String(error)}`;
  process.stderr.write(`${message}\n`);
  process.exit(1);
});
