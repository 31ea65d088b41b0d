import { join } from 'node:path';
import { createCore, createKeyFileSecrets, systemClock, UserFacingError } from '../core';
import { readLaunchOptions } from '../core/config/launch-options';
import { defaultDataDir } from '../hosting/data-dir';
import { createStderrLog } from '../hosting/stderr-log';
import { startWebHost } from './web-host';

/** `npm run web`: the core plus the renderer over loopback HTTP, for a browser or the e2e tests. */
async function main(): Promise<void> {
  const log = createStderrLog();
  const launch = readLaunchOptions(process.argv.slice(2));
  const dataDir = launch.dataDir ?? defaultDataDir();
  const core = await createCore({
    dataDir,
    config: launch.config,
    secrets: createKeyFileSecrets(dataDir),
    clock: systemClock,
    log,
    ingestWorker: { path: join(__dirname, 'ingest-worker.cjs') },
  });
  const host = await startWebHost({ core, staticDir: join(__dirname, '..', 'renderer'), port: launch.port ?? 0, log });
  process.stdout.write(`Outpost is running. Open ${host.url}\n`);

  const shutdown = (): void => {
    void host
      .close()
      .then(() => core.close())
      .finally(() => process.exit(0));
  };
  process.once('SIGINT', shutdown);
  process.once('SIGTERM', shutdown);
}

main().catch((error: unknown) => {
  const message = error instanceof UserFacingError ? error.message : `Outpost could not start: ${String(error)}`;
  process.stderr.write(`${message}\n`);
  process.exit(1);
});
