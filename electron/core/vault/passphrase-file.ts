import { readFile } from 'node:fs/promises';
import { UserFacingError } from '../user-facing-error';

/** The passphrase in a file, for what starts with no one at the keyboard; the newline an editor adds is not part of it. */
export async function readPassphraseFile(file: string): Promise<string> {
  try {
    return (await readFile(file, 'utf8')).replace(/\r?\n$/, '');
  } catch {
    throw new UserFacingError(`Cannot read the passphrase file ${file}. Check the path and its permissions.`);
  }
}
