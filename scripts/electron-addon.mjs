// Electron and Node need the SQLite addon built for different ABIs. Tests and the web host
// use node_modules' own build (Node's ABI); Electron run from source gets a second build
// kept under build/, made once per Electron version, so neither build overwrites the other.
// Packaged apps do not use this: electron-builder rebuilds the addon for Electron itself.
import { cpSync, existsSync, mkdirSync, rmSync, writeFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { join, resolve } from 'node:path';

const require = createRequire(import.meta.url);
const ADDON = 'better-sqlite3-multiple-ciphers';

export async function electronAddonBinding() {
  const electronVersion = require('electron/package.json').version;
  const buildPath = resolve('build', `electron-${electronVersion}`);
  const binding = join(buildPath, 'node_modules', ADDON, 'build', 'Release', 'better_sqlite3.node');
  if (existsSync(binding)) return binding;

  console.log(`Building the SQLite addon for Electron ${electronVersion} (once)…`);
  rmSync(buildPath, { recursive: true, force: true });
  mkdirSync(join(buildPath, 'node_modules'), { recursive: true });
  cpSync(resolve('node_modules', ADDON), join(buildPath, 'node_modules', ADDON), { recursive: true });
  writeFileSync(join(buildPath, 'package.json'), JSON.stringify({ name: 'outpost-electron-addon', private: true, dependencies: { [ADDON]: '*' } }));
  const { rebuild } = await import('@electron/rebuild');
  await rebuild({ buildPath, electronVersion, onlyModules: [ADDON], force: true });
  if (!existsSync(binding)) throw new Error(`The Electron build of ${ADDON} was not produced at ${binding}.`);
  return binding;
}
