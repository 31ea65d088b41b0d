import { spawn, type ChildProcess } from 'node:child_process';
import { existsSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { TEST_PASSPHRASE } from './test-keyring';

const WEB_HOST_BUNDLE = 'dist/electron/web.cjs';

export interface RunningWebHost {
  readonly url: string;
  readonly stderr: () => string;
  kill(signal: NodeJS.Signals): void;
  stop(): Promise<void>;
}

/**
 * Starts the built web host as an unattended service would, with the test passphrase in a file so
 * that it sets up or unlocks its data folder, and reads the URL it prints. With `locked`, it
 * starts as an analyst would start it, waiting for the passphrase in the page.
 */
export async function startWebHostProcess(args: readonly string[], options: { readonly locked?: boolean } = {}): Promise<RunningWebHost> {
  if (!existsSync(WEB_HOST_BUNDLE)) throw new Error(`${WEB_HOST_BUNDLE} is missing. Run "npm run build" first.`);
  const secretsDir = mkdtempSync(join(tmpdir(), 'outpost-passphrase-'));
  const passphraseFile = join(secretsDir, 'passphrase');
  writeFileSync(passphraseFile, `${TEST_PASSPHRASE}\n`, { mode: 0o600 });
  const unlocking = options.locked === true || args.includes('--passphrase-file') ? [] : ['--passphrase-file', passphraseFile];
  const child: ChildProcess = spawn(process.execPath, [WEB_HOST_BUNDLE, ...unlocking, ...args], { stdio: ['ignore', 'pipe', 'pipe'] });
  child.once('exit', () => rmSync(secretsDir, { recursive: true, force: true }));
  let stderr = '';
  child.stderr?.on('data', (chunk: Buffer) => (stderr += chunk.toString()));
  const url = await new Promise<string>((resolve, reject) => {
    let stdout = '';
    const timer = setTimeout(() => reject(new Error(`The web host printed no URL within 20 s.\n${stderr}`)), 20_000);
    child.stdout?.on('data', (chunk: Buffer) => {
      stdout += chunk.toString();
      const match = /Open (http:\/\/127\.0\.0\.1:\d+\/\?token=\S+|https:\/\/\S+\/)\n/.exec(stdout);
      if (match?.[1] !== undefined) {
        clearTimeout(timer);
        resolve(match[1]);
      }
    });
    child.once('exit', (code) => {
      clearTimeout(timer);
      reject(new Error(`The web host exited with code ${code}.\n${stderr}`));
    });
  });
  return {
    url,
    stderr: () => stderr,
    kill: (signal) => child.kill(signal),
    stop: () =>
      new Promise((resolve) => {
        // A process killed by a signal has no exit code, only the signal.
        if (child.exitCode !== null || child.signalCode !== null) return resolve();
        child.once('exit', () => resolve());
        child.kill('SIGTERM');
      }),
  };
}
