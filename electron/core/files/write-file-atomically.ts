import { randomBytes } from 'node:crypto';
import { open, rename, rm } from 'node:fs/promises';
import { dirname } from 'node:path';

/**
 * Replaces a small file in one step: written beside it, flushed, renamed over it, and the folder
 * flushed, so a crash leaves the old content or the new, never half of either. Readable by its
 * owner only.
 */
export async function writeFileAtomically(file: string, text: string): Promise<void> {
  const staging = `${file}.${randomBytes(6).toString('hex')}.tmp`;
  try {
    const handle = await open(staging, 'wx', 0o600);
    try {
      await handle.writeFile(text);
      await handle.sync();
    } finally {
      await handle.close();
    }
    await rename(staging, file);
  } catch (error) {
    await rm(staging, { force: true });
    throw error;
  }
  await syncFolder(dirname(file));
}

async function syncFolder(folder: string): Promise<void> {
  const handle = await open(folder, 'r');
  try {
    await handle.sync();
  } finally {
    await handle.close();
  }
}
