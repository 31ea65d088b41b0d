import { readFile } from 'node:fs/promises';
import { join } from 'node:path';
import { z } from 'zod';
import { describeIssues } from '../../../shared/describe-issues';
import { writeFileAtomically } from '../files/write-file-atomically';
import { UserFacingError } from '../user-facing-error';
import { KeychainSlotSchema } from './host-keychain';
import { PassphraseSlotSchema } from './passphrase-wrap';

export const KEYRING_FILE_NAME = 'keyring.json';

const WrappedKeysSchema = z
  .object({ passphrase: PassphraseSlotSchema, keychain: KeychainSlotSchema.nullable() })
  .strict();
export type WrappedKeys = z.output<typeof WrappedKeysSchema>;

/**
 * The cache's keys, only ever wrapped: always by the passphrase, and by the system keychain too
 * when the host has a trustworthy one. `next` holds the new keys while the cache is being
 * re-encrypted, so a crash part-way leaves a key for whichever state the file is in.
 */
export const KeyringSchema = z
  .object({
    format: z.literal('outpost-keyring'),
    version: z.literal(1),
    current: WrappedKeysSchema,
    next: WrappedKeysSchema.nullable(),
  })
  .strict();
export type Keyring = z.output<typeof KeyringSchema>;

export function keyringPath(dataDir: string): string {
  return join(dataDir, KEYRING_FILE_NAME);
}

/** The keyring, or null when there is none yet; a file that is not a keyring is an error, never ignored. */
export async function readKeyring(dataDir: string): Promise<Keyring | null> {
  const file = keyringPath(dataDir);
  let text: string;
  try {
    text = await readFile(file, 'utf8');
  } catch (error) {
    if (error instanceof Error && 'code' in error && error.code === 'ENOENT') return null;
    throw error;
  }
  let json: unknown;
  try {
    json = JSON.parse(text);
  } catch {
    throw damaged(file, 'it is not JSON');
  }
  const parsed = KeyringSchema.safeParse(json);
  if (!parsed.success) throw damaged(file, describeIssues(parsed.error));
  return parsed.data;
}

/** Replaces the keyring in one step, so a crash leaves the old keyring or the new one, never half of either. */
export async function writeKeyring(dataDir: string, keyring: Keyring): Promise<void> {
  await writeFileAtomically(keyringPath(dataDir), `${JSON.stringify(KeyringSchema.parse(keyring), null, 2)}\n`);
}

function damaged(file: string, why: string): UserFacingError {
  return new UserFacingError(
    `Outpost’s key file ${file} is damaged or was edited (${why}), so the cache cannot be opened. ` +
      'Restore the key file from your backup; Outpost will not replace it or open the cache without it.',
  );
}
