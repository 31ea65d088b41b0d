// `npm start`: launches the Electron app where Electron's binary is installed, and the
// web host where it is not (CI, headless machines), with the same flags either way.
import { spawn } from 'node:child_process';
import { existsSync } from 'node:fs';
import { createRequire } from 'node:module';
import { electronAddonBinding } from './electron-addon.mjs';

const require = createRequire(import.meta.url);
const args = process.argv.slice(2);

function installedElectron() {
  try {
    const binary = require('electron');
    return typeof binary === 'string' && existsSync(binary) ? binary : null;
  } catch {
    return null;
  }
}

function run(command, commandArgs, env = {}) {
  const child = spawn(command, commandArgs, { stdio: 'inherit', env: { ...process.env, ...env } });
  const forward = (signal) => child.kill(signal);
  process.on('SIGINT', forward);
  process.on('SIGTERM', forward);
  child.on('exit', (code, signal) => process.exit(code ?? (signal === null ? 0 : 1)));
}

const electron = installedElectron();
if (electron === null) {
  console.log("Electron's binary is not installed here, so Outpost starts its web host instead.");
  run(process.execPath, ['dist/electron/web.cjs', ...args]);
} else {
  const binding = await electronAddonBinding();
  run(electron, ['.', ...args], { OUTPOST_ELECTRON_NATIVE_BINDING: binding });
}
