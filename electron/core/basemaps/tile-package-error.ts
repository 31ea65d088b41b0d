import { UserFacingError } from '../user-facing-error';

/** The one shape of every refusal to use a file as a basemap: which file, why, and what to do. */
export function tilePackageError(path: string, reason: string, remedy: string): UserFacingError {
  return new UserFacingError(`Outpost cannot use ${path} as a basemap: ${reason}. ${remedy}`);
}

/** Turns whatever failed while opening or reading a package into that sentence, keeping one already written. */
export function tilePackageRefusal(path: string, error: unknown): UserFacingError {
  if (error instanceof UserFacingError) return error;
  switch (errorCode(error)) {
    case 'ENOENT':
      return tilePackageError(path, 'the file does not exist', 'Check the path and add it again.');
    case 'EACCES':
    case 'EPERM':
      return tilePackageError(path, 'Outpost is not allowed to read it', 'Give your user read access to the file, or copy it somewhere you can read.');
    case 'EISDIR':
      return tilePackageError(path, 'it is a folder, not a file', 'Choose the .mbtiles or .pmtiles file itself.');
    default: {
      const detail = error instanceof Error ? error.message : String(error);
      return tilePackageError(path, `reading it failed (${detail})`, 'Check that the file is a complete copy of the package, then add it again.');
    }
  }
}

export function errorCode(error: unknown): string | null {
  return error instanceof Error && 'code' in error && typeof error.code === 'string' ? error.code : null;
}
