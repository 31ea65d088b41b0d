import { homedir } from 'node:os';
import { join } from 'node:path';

/** Where the web host keeps its cache when no --data-dir is given (the XDG data folder). */
export function defaultDataDir(env: NodeJS.ProcessEnv = process.env): string {
  const base = env['XDG_DATA_HOME'] ?? join(homedir(), '.local', 'share');
  return join(base, 'outpost');
}
