import { readFileSync } from 'node:fs';

const fixturesDir = new URL('../fixtures/', import.meta.url);

/** A fixture's text with its `#` comment lines removed; the comments say where the data comes from. */
export function fixtureText(path: string): string {
  return readFileSync(new URL(path, fixturesDir), 'utf8')
    .split('\n')
    .filter((line) => !line.startsWith('#'))
    .join('\n');
}

export function fixtureBytes(path: string): Uint8Array {
  return new TextEncoder().encode(fixtureText(path));
}
