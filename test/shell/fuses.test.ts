import { readFileSync } from 'node:fs';
import { load } from 'js-yaml';
import { describe, expect, it } from 'vitest';
import type { Configuration } from 'electron-builder';

describe('Given the packaging configuration', () => {
  const config = load(readFileSync(new URL('../../electron-builder.yml', import.meta.url), 'utf8')) as Configuration;
  const fuses = config.electronFuses ?? {};

  it.each([
    ['runAsNode', 'ELECTRON_RUN_AS_NODE cannot turn the binary into a plain Node'],
    ['enableNodeOptionsEnvironmentVariable', 'NODE_OPTIONS cannot inject code at start'],
    ['enableNodeCliInspectArguments', '--inspect cannot attach a debugger to the main process'],
    ['grantFileProtocolExtraPrivileges', 'file:// pages get no more than a browser gives them, as the window loads app://'],
  ] as const)('When the binary is packaged, Then the %s fuse is off, so %s', (fuse, _why) => {
    expect(fuses[fuse]).toBe(false);
  });

  it.each([
    ['onlyLoadAppFromAsar', 'code loads only from app.asar'],
    ['enableEmbeddedAsarIntegrityValidation', 'app.asar must match the hash taken at packaging'],
    ['enableCookieEncryption', 'cookies on disk are encrypted with the OS keys'],
  ] as const)('When the binary is packaged, Then the %s fuse is on, so %s', (fuse, _why) => {
    expect(fuses[fuse]).toBe(true);
  });

  it('When the app is packaged, Then it is an asar archive, which the asar fuses need to mean anything', () => {
    expect(config.asar ?? true).not.toBe(false);
  });
});
